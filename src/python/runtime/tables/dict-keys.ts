// PyDictKeysObject: the compact index table plus insertion-ordered entries (dictobject.c, 3.6+).

import type { KeyEquals } from "./set-table.js";

/** dk_indices marker for a slot never used. */
export const INDEX_EMPTY = -1;
/** dk_indices marker for a slot whose entry was deleted (probe chains continue through it). */
export const INDEX_DUMMY = -2;
/** Returned by a lookup whose `__eq__` replaced the keys table: the caller starts over. */
export const KEY_CHANGED = -4;

const PERTURB_SHIFT = 5;

/**
 * general: any keys, 24-byte entries with the hash (DICT_KEYS_GENERAL). unicode: exact str
 * keys only (3.11+ stores them in 16-byte entries). split: exact str keys shared between
 * instance dicts of one class, values kept per dict.
 */
export type DictKeysKind = "general" | "unicode" | "split";

/** How a dict's keys table tells an exact str key from others, and compares keys. */
export interface DictKeyOps<K> {
  readonly equals: KeyEquals<K>;
  /** The text of an exact `str` key (not a subclass), or undefined for any other key. */
  readonly strContent: (key: K) => string | undefined;
}

/** USABLE_FRACTION(n) = (n << 1) / 3: at most two thirds of the index slots hold entries. */
export function usableFraction(size: number): number {
  return Math.floor((size * 2) / 3);
}

/**
 * One keys table. `size` index slots (a power of two), `usableFraction(size)` entry slots of
 * which `nentries` were ever written (deleted ones stay as holes) and `usable` remain.
 * `refcount` is dk_refcnt: a split table is shared by the class cache and instance dicts.
 */
export class DictKeys<K, V> {
  readonly size: number;
  kind: DictKeysKind;
  usable: number;
  nentries = 0;
  refcount = 1;
  /**
   * A delete happened since this table was built (3.6–3.10 switch dk_lookup to
   * `lookdict_unicode` then, and `make_keys_shared` first rebuilds such a table).
   */
  hadDeletion = false;
  readonly indices: Int32Array;
  readonly entryKeys: (K | undefined)[];
  /** Values of a combined table (unused for split tables, whose values live in each dict). */
  readonly entryValues: (V | undefined)[];
  readonly hashHi: Uint32Array;
  readonly hashLo: Uint32Array;
  /**
   * Entry index by text for str keys, built on the first hash-less lookup and kept up to date
   * from then on (namespaces are looked up by name constantly; most other dicts never are).
   */
  private textIndex: Map<string, number> | null = null;

  constructor(size: number, kind: DictKeysKind) {
    // `| 0` keeps the field a small integer to V8 (a size computed as a double would be boxed).
    this.size = size | 0;
    this.kind = kind;
    const capacity = usableFraction(size);
    this.usable = capacity;
    this.indices = new Int32Array(size).fill(INDEX_EMPTY);
    // Unwritten slots are holes, which read as undefined (the array is holey either way):
    // filling them first would write every slot of each resized table twice.
    this.entryKeys = new Array<K | undefined>(capacity);
    this.entryValues = new Array<V | undefined>(capacity);
    this.hashHi = new Uint32Array(capacity);
    this.hashLo = new Uint32Array(capacity);
  }

  get capacity(): number {
    return this.entryKeys.length;
  }

  get log2Size(): number {
    return Math.round(Math.log2(this.size));
  }

  /**
   * The entry index of a key equal to `key`, INDEX_EMPTY when absent, KEY_CHANGED when an
   * `__eq__` call replaced or emptied the entry it was comparing (CPython restarts then).
   */
  lookup(key: K, hi: number, lo: number, ops: DictKeyOps<K>): number {
    const mask = this.size - 1;
    let slot = lo & mask;
    let perturbHi = hi;
    let perturbLo = lo;
    for (;;) {
      const entry = this.indices[slot]!;
      if (entry === INDEX_EMPTY) return INDEX_EMPTY;
      if (entry >= 0) {
        const stored = this.entryKeys[entry];
        if (stored === key) return entry;
        if (stored !== undefined && this.hashLo[entry] === lo && this.hashHi[entry] === hi) {
          const equal = ops.equals(stored, key);
          if (this.entryKeys[entry] !== stored) return KEY_CHANGED;
          if (equal) return entry;
        }
      }
      perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
      perturbHi = perturbHi >>> PERTURB_SHIFT;
      slot = (slot * 5 + perturbLo + 1) & mask;
    }
  }

  /**
   * The entry of an exact str key by its text alone, for a str-only (unicode or split) table:
   * there an exact str can only equal a stored str of the same text, so no hash is needed.
   */
  lookupText(text: string, ops: DictKeyOps<K>): number {
    if (this.textIndex === null) {
      this.textIndex = new Map();
      for (let entry = 0; entry < this.nentries; entry++) {
        const key = this.entryKeys[entry];
        const keyText = key === undefined ? undefined : ops.strContent(key);
        if (keyText !== undefined) this.textIndex.set(keyText, entry);
      }
    }
    return this.textIndex.get(text) ?? INDEX_EMPTY;
  }

  /** `find_empty_slot`: the first index slot on the probe sequence that is empty or dummy. */
  findEmptySlot(hi: number, lo: number): number {
    const mask = this.size - 1;
    let slot = lo & mask;
    let perturbHi = hi;
    let perturbLo = lo;
    while (this.indices[slot]! >= 0) {
      perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
      perturbHi = perturbHi >>> PERTURB_SHIFT;
      slot = (slot * 5 + perturbLo + 1) & mask;
    }
    return slot;
  }

  /** `lookdict_index`: the index slot that points at entry `entry`. */
  slotOfEntry(entry: number): number {
    const hi = this.hashHi[entry]!;
    const lo = this.hashLo[entry]!;
    const mask = this.size - 1;
    let slot = lo & mask;
    let perturbHi = hi;
    let perturbLo = lo;
    for (;;) {
      const index = this.indices[slot]!;
      if (index === entry) return slot;
      if (index === INDEX_EMPTY) throw new Error("dict invariant broken: entry not reachable from its hash");
      perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
      perturbHi = perturbHi >>> PERTURB_SHIFT;
      slot = (slot * 5 + perturbLo + 1) & mask;
    }
  }

  /** Appends a new entry (known absent) and indexes it; uses one unit of `usable`. */
  append(key: K, hi: number, lo: number, value: V | undefined, text: string | undefined): number {
    const entry = this.nentries;
    this.indices[this.findEmptySlot(hi, lo)] = entry;
    this.entryKeys[entry] = key;
    this.entryValues[entry] = value;
    this.hashHi[entry] = hi;
    this.hashLo[entry] = lo;
    if (text !== undefined && this.textIndex !== null) this.textIndex.set(text, entry);
    this.nentries++;
    this.usable--;
    return entry;
  }

  /** An exact copy (`clone_combined_dict_keys`): same size, holes and usable count. */
  clone(): DictKeys<K, V> {
    const copy = new DictKeys<K, V>(this.size, this.kind);
    copy.usable = this.usable;
    copy.nentries = this.nentries;
    copy.hadDeletion = this.hadDeletion;
    copy.indices.set(this.indices);
    copy.hashHi.set(this.hashHi);
    copy.hashLo.set(this.hashLo);
    for (let entry = 0; entry < this.nentries; entry++) {
      copy.entryKeys[entry] = this.entryKeys[entry];
      copy.entryValues[entry] = this.entryValues[entry];
    }
    return copy;
  }

  /** Deletes a combined table's entry: its index slot becomes a dummy, the entry a hole. */
  removeEntry(entry: number, ops: DictKeyOps<K>): void {
    this.indices[this.slotOfEntry(entry)] = INDEX_DUMMY;
    if (this.textIndex !== null) {
      const text = ops.strContent(this.entryKeys[entry]!);
      if (text !== undefined && this.textIndex.get(text) === entry) this.textIndex.delete(text);
    }
    this.entryKeys[entry] = undefined;
    this.entryValues[entry] = undefined;
    this.hadDeletion = true;
  }
}
