// CPython's set/frozenset hash table (Objects/setobject.c): slot for slot, per version.

import { hashFrozenset } from "../hashing/frozenset-hash.js";
import type { HashVersion } from "../hashing/hash-rules.js";
import type { PyHash } from "../hashing/hash-value.js";
import { signedFromHalves, Uint64 } from "../hashing/uint64.js";
import { setRules, type SetRules } from "./table-rules.js";

/**
 * Python equality of two keys whose hashes are equal and which are not the same object
 * (identity is checked first, as CPython does). `stored` is the key already in the table and
 * is the left operand, as in `PyObject_RichCompareBool(startkey, key, Py_EQ)`. It may run user
 * code, which may even mutate the table: the probe then restarts, as in CPython.
 */
export type KeyEquals<K> = (stored: K, probe: K) => boolean;

/** PySet_MINSIZE: the inline `smalltable` every set starts with. */
export const SET_MIN_SIZE = 8;
/** LINEAR_PROBES: slots scanned after the initial one before jumping elsewhere. */
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
/** Beyond 50 000 active entries a full table doubles instead of quadrupling. */
const BIG_SET = 50000;

/** The `dummy` key left by a discard; its slot keeps hash -1. */
const DUMMY: unique symbol = Symbol("set dummy");
type Slot<K> = K | typeof DUMMY | undefined;

const hashRegister = new Uint64();

/**
 * One set's table. Keys are opaque (never `undefined`); each comes with its Python hash
 * (`PyHash`). Iteration order is slot order, exactly as `set_next` walks the table, so a set
 * prints in CPython's order when its keys hash as CPython's do.
 *
 * Invariants (setobject.h): an unused slot holds `undefined` with hash 0; a dummy slot holds
 * DUMMY with hash -1; `fill` counts active + dummy slots, `used` counts active ones; the table
 * has `mask + 1` slots, a power of two, and is the inline smalltable exactly when it has 8.
 */
export class SetTable<K> {
  readonly rules: SetRules;
  readonly equals: KeyEquals<K>;
  private slots: Slot<K>[] = new Array<Slot<K>>(SET_MIN_SIZE).fill(undefined);
  private hashHi = new Uint32Array(SET_MIN_SIZE);
  private hashLo = new Uint32Array(SET_MIN_SIZE);
  private tableMask = SET_MIN_SIZE - 1;
  private fillCount = 0;
  private usedCount = 0;
  /** `so->finger`: where the next pop() starts looking; survives resizes and clear(). */
  private popFinger = 0;

  constructor(rules: SetRules, equals: KeyEquals<K>) {
    this.rules = rules;
    this.equals = equals;
  }

  static forVersion<K>(version: HashVersion, equals: KeyEquals<K>): SetTable<K> {
    return new SetTable<K>(setRules(version), equals);
  }

  /** len(s): active entries. */
  get size(): number {
    return this.usedCount;
  }

  /** Active plus dummy slots. */
  get fill(): number {
    return this.fillCount;
  }

  /** Number of slots minus one. */
  get mask(): number {
    return this.tableMask;
  }

  get finger(): number {
    return this.popFinger;
  }

  /** A new empty table with the same rules and equality. */
  emptyLike(): SetTable<K> {
    return new SetTable<K>(this.rules, this.equals);
  }

  // ---- single-key operations -------------------------------------------------------------

  /** s.add(key); false when an equal key was already present (the stored one is kept). */
  add(key: K, hash: PyHash): boolean {
    hashRegister.load(hash);
    return this.addEntry(key, hashRegister.hi, hashRegister.lo);
  }

  /** `key in s`. */
  contains(key: K, hash: PyHash): boolean {
    hashRegister.load(hash);
    return this.lookupSlot(key, hashRegister.hi, hashRegister.lo) >= 0;
  }

  /** The stored key equal to `key`, if any (the object a set keeps is the first one added). */
  find(key: K, hash: PyHash): K | undefined {
    hashRegister.load(hash);
    const slot = this.lookupSlot(key, hashRegister.hi, hashRegister.lo);
    return slot < 0 ? undefined : (this.slots[slot] as K);
  }

  /** s.discard(key): leaves a dummy in the slot; the table never shrinks here. */
  discard(key: K, hash: PyHash): boolean {
    hashRegister.load(hash);
    return this.discardEntry(key, hashRegister.hi, hashRegister.lo);
  }

  /**
   * s.pop(): the first active slot at or after the finger (wrapping), which becomes a dummy.
   * Returns undefined for an empty set (the caller raises KeyError 'pop from an empty set').
   */
  pop(): K | undefined {
    if (this.usedCount === 0) return undefined;
    const mask = this.tableMask;
    let slot = this.popFinger & mask;
    for (;;) {
      const key = this.slots[slot];
      if (key !== undefined && key !== DUMMY) break;
      slot = slot + 1 > mask ? 0 : slot + 1;
    }
    const key = this.slots[slot] as K;
    this.makeDummy(slot);
    this.usedCount--;
    this.popFinger = slot + 1;
    return key;
  }

  /** s.clear(): back to the empty smalltable (`set_empty_to_minsize`); the finger stays. */
  clear(): void {
    this.replaceTable(SET_MIN_SIZE);
    this.fillCount = 0;
    this.usedCount = 0;
  }

  // ---- iteration -------------------------------------------------------------------------

  /** Index of the first active slot at or after `slot`, or -1 (what `set_next` does). */
  nextSlot(slot: number): number {
    const slots = this.slots;
    for (let index = slot; index <= this.tableMask; index++) {
      const key = slots[index];
      if (key !== undefined && key !== DUMMY) return index;
    }
    return -1;
  }

  /** The key in an active slot found by `nextSlot`. */
  keyAt(slot: number): K {
    const key = this.slots[slot];
    if (key === undefined || key === DUMMY) throw new RangeError(`set slot ${slot} is not active`);
    return key;
  }

  /** The hash stored with an active slot. */
  hashAt(slot: number): bigint {
    return signedFromHalves(this.hashHi[slot]!, this.hashLo[slot]!);
  }

  *[Symbol.iterator](): IterableIterator<K> {
    for (let slot = this.nextSlot(0); slot >= 0; slot = this.nextSlot(slot + 1)) yield this.slots[slot] as K;
  }

  /** Keys in iteration (slot) order. */
  keys(): K[] {
    return [...this];
  }

  /** Active entries in slot order, with their hashes. */
  *entries(): IterableIterator<[K, bigint]> {
    for (let slot = this.nextSlot(0); slot >= 0; slot = this.nextSlot(slot + 1)) {
      yield [this.slots[slot] as K, this.hashAt(slot)];
    }
  }

  /** One character per slot ('.' unused, 'D' dummy, 'K' active): for tests and heap views. */
  layout(): string {
    let text = "";
    for (const key of this.slots) text += key === undefined ? "." : key === DUMMY ? "D" : "K";
    return text;
  }

  /** hash(frozenset): depends on the active entries only. */
  frozensetHash(): bigint {
    const hashes: bigint[] = [];
    for (let slot = this.nextSlot(0); slot >= 0; slot = this.nextSlot(slot + 1)) hashes.push(this.hashAt(slot));
    return hashFrozenset(hashes);
  }

  // ---- whole-table operations ------------------------------------------------------------

  /** s.copy() / set(s) / frozenset(s): a new table filled by `set_merge`. */
  copy(): SetTable<K> {
    const result = this.emptyLike();
    result.merge(this);
    return result;
  }

  /**
   * `set_merge`: s.update(t) / s |= t for a set or frozenset t. One big resize up front, then
   * a slot-for-slot copy (empty target of the same size, t without dummies), a clean insert
   * (empty target), or ordinary adds in t's slot order.
   */
  merge(other: SetTable<K>): void {
    if (other === this || other.usedCount === 0) return;
    if (this.needsPresize(other.usedCount)) this.resize((this.usedCount + other.usedCount) * 2);
    if (this.fillCount === 0 && this.tableMask === other.tableMask && other.fillCount === other.usedCount) {
      for (let slot = 0; slot <= other.tableMask; slot++) {
        const key = other.slots[slot];
        if (key === undefined) continue;
        this.slots[slot] = key;
        this.hashHi[slot] = other.hashHi[slot]!;
        this.hashLo[slot] = other.hashLo[slot]!;
      }
      this.fillCount = other.fillCount;
      this.usedCount = other.usedCount;
      return;
    }
    if (this.fillCount === 0) {
      this.fillCount = other.usedCount;
      this.usedCount = other.usedCount;
      for (let slot = 0; slot <= other.tableMask; slot++) {
        const key = other.slots[slot];
        if (key !== undefined && key !== DUMMY) this.insertClean(key, other.hashHi[slot]!, other.hashLo[slot]!);
      }
      return;
    }
    for (let slot = 0; slot <= other.tableMask; slot++) {
      const key = other.slots[slot];
      if (key !== undefined && key !== DUMMY) this.addEntry(key, other.hashHi[slot]!, other.hashLo[slot]!);
    }
  }

  /**
   * The up-front resize `set_update_internal` does before adding a dict's `count` keys
   * (set(d), s.update(d)); the caller then adds the keys in the dict's order.
   */
  reserveFor(count: number): void {
    if (this.needsPresize(count)) this.resize((this.usedCount + count) * 2);
  }

  /** `set_swap_bodies`: exchange contents (fill, used, mask, table), not fingers. */
  swapBodies(other: SetTable<K>): void {
    const slots = this.slots, hashHi = this.hashHi, hashLo = this.hashLo;
    const mask = this.tableMask, fill = this.fillCount, used = this.usedCount;
    this.slots = other.slots;
    this.hashHi = other.hashHi;
    this.hashLo = other.hashLo;
    this.tableMask = other.tableMask;
    this.fillCount = other.fillCount;
    this.usedCount = other.usedCount;
    other.slots = slots;
    other.hashHi = hashHi;
    other.hashLo = hashLo;
    other.tableMask = mask;
    other.fillCount = fill;
    other.usedCount = used;
  }

  /**
   * After discarding many keys (`set_difference_update_internal`): rebuild when more than a
   * quarter of the slots are dummies.
   */
  purgeDummiesIfMany(): void {
    if (this.fillCount - this.usedCount <= Math.floor(this.tableMask / 4)) return;
    this.resize(this.usedCount > BIG_SET ? this.usedCount * 2 : this.usedCount * 4);
  }

  /** Add with a hash already split into halves (for operations that copy entries). */
  addEntryFrom(other: SetTable<K>, slot: number): boolean {
    return this.addEntry(other.keyAt(slot), other.hashHi[slot]!, other.hashLo[slot]!);
  }

  /** Membership of another table's entry, reusing its stored hash. */
  containsEntryFrom(other: SetTable<K>, slot: number): boolean {
    return this.lookupSlot(other.keyAt(slot), other.hashHi[slot]!, other.hashLo[slot]!) >= 0;
  }

  /** Discard another table's entry from this one, reusing its stored hash. */
  discardEntryFrom(other: SetTable<K>, slot: number): boolean {
    return this.discardEntry(other.keyAt(slot), other.hashHi[slot]!, other.hashLo[slot]!);
  }

  // ---- the probing core --------------------------------------------------------------------

  private needsPresize(incoming: number): boolean {
    const rules = this.rules;
    return (this.fillCount + incoming) * rules.resizeDenominator >= this.tableMask * rules.resizeNumerator;
  }

  /** `set_add_entry`. */
  private addEntry(key: K, hi: number, lo: number): boolean {
    const reuse = this.rules.dummyReuse;
    restart: for (;;) {
      let mask = this.tableMask;
      let index = lo & mask;
      let perturbHi = hi;
      let perturbLo = lo;
      let freeSlot = -1;
      for (;;) {
        let probes = index + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        let slot = index;
        do {
          const stored = this.slots[slot];
          if (stored === undefined) return this.placeNew(key, hi, lo, slot, freeSlot);
          if (this.hashLo[slot] === lo && this.hashHi[slot] === hi) {
            if (stored === key) return false;
            const table = this.slots;
            if (this.equals(stored as K, key)) return false;
            if (table !== this.slots || this.slots[slot] !== stored) continue restart;
            mask = this.tableMask;
          } else if (stored === DUMMY) {
            if (reuse === "last" || (reuse === "first" && freeSlot < 0)) freeSlot = slot;
          }
          slot++;
        } while (probes-- > 0);
        perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
        perturbHi = perturbHi >>> PERTURB_SHIFT;
        index = (index * 5 + 1 + perturbLo) & mask;
      }
    }
  }

  /** found_unused / found_unused_or_dummy of `set_add_entry`. */
  private placeNew(key: K, hi: number, lo: number, unusedSlot: number, freeSlot: number): boolean {
    if (freeSlot >= 0) {
      // A reused dummy changes neither fill nor the need to grow.
      this.store(freeSlot, key, hi, lo);
      this.usedCount++;
      return true;
    }
    this.store(unusedSlot, key, hi, lo);
    this.fillCount++;
    this.usedCount++;
    const rules = this.rules;
    if (this.fillCount * rules.resizeDenominator < this.tableMask * rules.resizeNumerator) return true;
    this.resize(this.usedCount > BIG_SET ? this.usedCount * 2 : this.usedCount * 4);
    return true;
  }

  /** `set_lookkey`: the slot holding a key equal to `key`, or -1. */
  private lookupSlot(key: K, hi: number, lo: number): number {
    restart: for (;;) {
      let mask = this.tableMask;
      let index = lo & mask;
      let perturbHi = hi;
      let perturbLo = lo;
      for (;;) {
        let probes = index + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        let slot = index;
        do {
          const stored = this.slots[slot];
          if (stored === undefined) return -1;
          if (this.hashLo[slot] === lo && this.hashHi[slot] === hi) {
            if (stored === key) return slot;
            const table = this.slots;
            const equal = this.equals(stored as K, key);
            if (table !== this.slots || this.slots[slot] !== stored) continue restart;
            if (equal) return slot;
            mask = this.tableMask;
          }
          slot++;
        } while (probes-- > 0);
        perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
        perturbHi = perturbHi >>> PERTURB_SHIFT;
        index = (index * 5 + 1 + perturbLo) & mask;
      }
    }
  }

  private discardEntry(key: K, hi: number, lo: number): boolean {
    const slot = this.lookupSlot(key, hi, lo);
    if (slot < 0) return false;
    this.makeDummy(slot);
    this.usedCount--;
    return true;
  }

  /** `set_insert_clean`: place a key known to be absent into a table without dummies. */
  private insertClean(key: K, hi: number, lo: number): void {
    const mask = this.tableMask;
    const slots = this.slots;
    let index = lo & mask;
    let perturbHi = hi;
    let perturbLo = lo;
    for (;;) {
      if (slots[index] === undefined) return this.store(index, key, hi, lo);
      if (index + LINEAR_PROBES <= mask) {
        for (let step = 1; step <= LINEAR_PROBES; step++) {
          if (slots[index + step] === undefined) return this.store(index + step, key, hi, lo);
        }
      }
      perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
      perturbHi = perturbHi >>> PERTURB_SHIFT;
      index = (index * 5 + 1 + perturbLo) & mask;
    }
  }

  /** `set_table_resize`: the smallest power of two above `minUsed`, then clean re-inserts. */
  private resize(minUsed: number): void {
    let newSize = SET_MIN_SIZE;
    while (newSize <= minUsed) newSize *= 2;
    if (newSize === SET_MIN_SIZE && this.tableMask === SET_MIN_SIZE - 1 && this.fillCount === this.usedCount) {
      // Already the smalltable and no dummies to purge.
      return;
    }
    const oldSlots = this.slots;
    const oldHi = this.hashHi;
    const oldLo = this.hashLo;
    this.replaceTable(newSize);
    this.fillCount = this.usedCount;
    for (let slot = 0; slot < oldSlots.length; slot++) {
      const key = oldSlots[slot];
      if (key !== undefined && key !== DUMMY) this.insertClean(key, oldHi[slot]!, oldLo[slot]!);
    }
  }

  private replaceTable(size: number): void {
    this.slots = new Array<Slot<K>>(size).fill(undefined);
    this.hashHi = new Uint32Array(size);
    this.hashLo = new Uint32Array(size);
    this.tableMask = size - 1;
  }

  private store(slot: number, key: K, hi: number, lo: number): void {
    this.slots[slot] = key;
    this.hashHi[slot] = hi;
    this.hashLo[slot] = lo;
  }

  private makeDummy(slot: number): void {
    this.slots[slot] = DUMMY;
    this.hashHi[slot] = 0xffffffff;
    this.hashLo[slot] = 0xffffffff;
  }
}
