// CPython's compact dict (Objects/dictobject.c, 3.6–3.14): insertion order, table sizes, sizeof.

import type { HashVersion } from "../hashing/hash-rules.js";
import type { PyHash } from "../hashing/hash-value.js";
import { signedFromHalves, Uint64 } from "../hashing/uint64.js";
import { DictKeys, type DictKeyOps, type DictKeysKind, INDEX_EMPTY, KEY_CHANGED, usableFraction } from "./dict-keys.js";
import { DICT_MIN_SIZE, estimateMinSize, growthMinSize, keysSizeFor } from "./key-size.js";
import { dictRules, type DictRules } from "./table-rules.js";

export type { DictKeyOps } from "./dict-keys.js";

const hashRegister = new Uint64();
const POINTER_SIZE = 8;

/**
 * One dict's storage. Keys are opaque (never `undefined`), values are never `undefined`; each
 * key comes with its Python hash. Order is CPython's: insertion order, a re-set key keeps its
 * place, a deleted key leaves a hole that only a resize compacts.
 *
 * The model follows dictobject.c per version: PyDictObject (`used`, `keys`, split `values`)
 * over a PyDictKeysObject (`DictKeys`); `keys === null` is the shared Py_EMPTY_KEYS. Table
 * sizes, usable counts and entry holes are tracked exactly, so `sizeof()` is
 * `sys.getsizeof(d)` of the real interpreter.
 */
export class DictTable<K, V> {
  readonly rules: DictRules;
  readonly ops: DictKeyOps<K>;
  /** ma_keys; null is Py_EMPTY_KEYS (size 1, nothing usable, never counted by getsizeof). */
  private keys: DictKeys<K, V> | null;
  /** ma_values of a split table, by shared entry index; null for a combined table. */
  private values: (V | undefined)[] | null = null;
  /**
   * 3.11+ split tables: entry indices in insertion order (CPython keeps them as bytes); only
   * the first `used` elements count. Null while the order is entries 0..used-1, as for nearly
   * every instance (its attributes set in the class's usual order): the array is made only
   * when an insert or delete breaks that.
   */
  private order: number[] | null = null;
  private used = 0;

  private constructor(rules: DictRules, ops: DictKeyOps<K>, keys: DictKeys<K, V> | null) {
    this.rules = rules;
    this.ops = ops;
    this.keys = keys;
  }

  /** `PyDict_New()`: `{}`, BUILD_MAP 0, comprehensions. 3.6/3.7 allocate 8 slots, 3.8+ none. */
  static create<K, V>(version: HashVersion, ops: DictKeyOps<K>): DictTable<K, V> {
    return DictTable.createWithRules<K, V>(dictRules(version), ops);
  }

  /** `PyDict_New()` for an already looked-up rules record. */
  static createWithRules<K, V>(rules: DictRules, ops: DictKeyOps<K>): DictTable<K, V> {
    return new DictTable<K, V>(rules, ops, rules.newDictHasKeys ? new DictKeys<K, V>(DICT_MIN_SIZE, "unicode") : null);
  }

  /** `dict_new`: calling the type, `dict()`, `dict(x)`, `dict(k=v)`. 3.6–3.9 allocate 8 slots. */
  static fromTypeCall<K, V>(version: HashVersion, ops: DictKeyOps<K>): DictTable<K, V> {
    const rules = dictRules(version);
    return new DictTable<K, V>(rules, ops, rules.typeCallHasKeys ? new DictKeys<K, V>(DICT_MIN_SIZE, "unicode") : null);
  }

  /**
   * `_PyDict_NewPresized(n)` / `dict_new_presized(n, unicode)`: BUILD_MAP n and
   * BUILD_CONST_KEY_MAP n before their n inserts. `allStrKeys` matters from 3.11 (16-byte
   * entries); `_PyDict_NewPresized` itself passes false, `_PyDict_FromItems` checks the keys.
   */
  static presized<K, V>(version: HashVersion, ops: DictKeyOps<K>, minUsed: number, allStrKeys: boolean): DictTable<K, V> {
    const rules = dictRules(version);
    if (rules.presizeSmallIsEmpty && minUsed <= usableFraction(DICT_MIN_SIZE)) return DictTable.createWithRules(rules, ops);
    const maxSize = 128 * 1024;
    const size = minUsed > usableFraction(maxSize) ? maxSize : keysSizeFor(estimateMinSize(minUsed), rules);
    const kind: DictKeysKind = !rules.unicodeEntries || allStrKeys ? "unicode" : "general";
    return new DictTable<K, V>(rules, ops, new DictKeys<K, V>(size, kind));
  }

  /** A split dict over a class's shared keys (`new_dict_with_shared_keys`). */
  static sharingKeys<K, V>(rules: DictRules, ops: DictKeyOps<K>, keys: DictKeys<K, V>): DictTable<K, V> {
    const dict = new DictTable<K, V>(rules, ops, keys);
    keys.refcount++;
    // Sized for the keys the class has so far: most instances set exactly those.
    dict.values = new Array<V | undefined>(keys.nentries);
    return dict;
  }

  /**
   * The split table standing for an instance's flat inline values (types/instance.ts
   * `flatLength`, instance-attributes.ts `inflate`): `values` set for a prefix of the entries,
   * in entry order. The values array is taken over; the reference to `keys` was counted when
   * the values were started.
   */
  static adoptingSharedValues<K, V>(rules: DictRules, ops: DictKeyOps<K>, keys: DictKeys<K, V>, values: (V | undefined)[]): DictTable<K, V> {
    const dict = new DictTable<K, V>(rules, ops, keys);
    dict.values = values;
    let used = 0;
    while (used < values.length && values[used] !== undefined) used++;
    dict.used = used;
    return dict;
  }

  /** A new empty dict with the same rules and key operations (`PyDict_New`). */
  emptyLike(): DictTable<K, V> {
    return DictTable.createWithRules<K, V>(this.rules, this.ops);
  }

  // ---- state -----------------------------------------------------------------------------

  /** len(d). */
  get size(): number {
    return this.used;
  }

  /** True while the dict shares its keys with a class (a split table). */
  get isSplit(): boolean {
    return this.values !== null;
  }

  /** dk_size of the keys table (1 for Py_EMPTY_KEYS). */
  get keysSize(): number {
    return this.keys === null ? 1 : this.keys.size;
  }

  /** dk_usable: entries that can still be appended before a resize. */
  get usable(): number {
    return this.keys === null ? 0 : this.keys.usable;
  }

  /** dk_nentries: entries ever written to the keys table (holes included). */
  get entryCount(): number {
    return this.keys === null ? 0 : this.keys.nentries;
  }

  /** The keys kind: "general", "unicode" (str-only) or "split"; "empty" for Py_EMPTY_KEYS. */
  get kind(): DictKeysKind | "empty" {
    return this.keys === null ? "empty" : this.keys.kind;
  }

  /** The keys object (shared with a class cache when split); for the instance-dict logic. */
  get keysObject(): DictKeys<K, V> | null {
    return this.keys;
  }

  // ---- lookups ---------------------------------------------------------------------------

  /**
   * d[key] / d.get(key). The hash may be omitted for an exact str key while the table holds
   * only str keys: the lookup then goes through the text index without hashing.
   */
  get(key: K, hash?: PyHash): V | undefined {
    const entry = this.findEntry(key, hash);
    if (entry < 0) return undefined;
    return this.values !== null ? this.values[entry] : this.keys!.entryValues[entry];
  }

  /**
   * The value stored for keys entry `entry` (a split table's own value), or undefined when the
   * entry holds none: for callers that remember where a key sits in a keys object.
   */
  valueOfEntry(entry: number): V | undefined {
    return this.values !== null ? this.values[entry] : this.keys!.entryValues[entry];
  }

  /** `key in d`. */
  has(key: K, hash?: PyHash): boolean {
    return this.get(key, hash) !== undefined;
  }

  /** The stored key object equal to `key` (a dict keeps the first key object it was given). */
  storedKey(key: K, hash?: PyHash): K | undefined {
    const entry = this.findEntry(key, hash);
    if (entry < 0) return undefined;
    if (this.values !== null && this.values[entry] === undefined) return undefined;
    return this.keys!.entryKeys[entry];
  }

  // ---- mutation --------------------------------------------------------------------------

  /**
   * insertdict for a key that is already present, found by its text: replaces the value and
   * returns the old one. Undefined (and nothing changed) when the key is absent or the table is
   * not str-only. The caller passes the text of an exact str. Namespaces take this path on
   * every assignment to an existing name.
   */
  replaceTextValue(text: string, value: V): V | undefined {
    const keys = this.keys;
    if (keys === null || keys.kind === "general") return undefined;
    const entry = keys.lookupText(text, this.ops);
    if (entry < 0) return undefined;
    if (this.values !== null) {
      const old = this.values[entry];
      if (old !== undefined) this.values[entry] = value;
      return old;
    }
    const old = keys.entryValues[entry];
    if (old !== undefined) keys.entryValues[entry] = value;
    return old;
  }

  /**
   * insertdict of an exact str key into a split table whose shared keys already hold the key,
   * found by its text: what `set` does then, without hashing or probing. Returns the replaced
   * value, null when the value is new, or undefined (and nothing changed) when the table is
   * not split, the key is not shared yet, or (up to 3.10) the insert would break the shared
   * order and combine the table. Every instance after a class's first stores its attributes
   * this way.
   */
  setSharedText(text: string, value: V): V | null | undefined {
    const values = this.values;
    if (values === null) return undefined;
    const entry = this.keys!.lookupText(text, this.ops);
    if (entry < 0) return undefined;
    const old = values[entry];
    if (old !== undefined) {
      values[entry] = value;
      return old;
    }
    if (this.rules.managedInstanceDicts) this.appendToOrder(entry);
    else if (entry !== this.used) return undefined;
    values[entry] = value;
    this.used++;
    return null;
  }

  /** d[key] = value (`PyDict_SetItem` → `insertdict`): the value it replaced, if any. */
  set(key: K, hash: PyHash, value: V): V | undefined {
    hashRegister.load(hash);
    return this.insert(key, hashRegister.hi, hashRegister.lo, value);
  }

  /**
   * A combined table whose keys may be anything: `set` looks up exactly as `get` would (no
   * resize or kind change comes first), so one `set` can stand for a `get` and a `set`.
   */
  get isCombinedGeneral(): boolean {
    return this.values === null && this.keys !== null && this.keys.kind === "general";
  }

  /** del d[key] / d.pop(key): the removed value, or undefined when absent (KeyError). */
  delete(key: K, hash: PyHash): V | undefined {
    if (this.used === 0) return undefined;
    hashRegister.load(hash);
    const hi = hashRegister.hi;
    const lo = hashRegister.lo;
    let entry = this.lookupEntry(key, hi, lo);
    if (entry < 0) return undefined;
    if (this.values !== null) {
      const value = this.values[entry];
      if (value === undefined) return undefined;
      if (this.rules.managedInstanceDicts) {
        // 3.11+: a split dict stays split; only its order loses the index.
        this.values[entry] = undefined;
        this.removeFromOrder(entry);
        this.used--;
        return value;
      }
      // Up to 3.10 a split table cannot hold a hole: it is combined first, at the same size.
      this.resizeTo(this.keys!.size, true);
      entry = this.lookupEntry(key, hi, lo);
    }
    const keys = this.keys!;
    const value = keys.entryValues[entry]!;
    keys.removeEntry(entry, this.ops);
    this.used--;
    return value;
  }

  /** d.popitem(): the last entry (LIFO), or undefined when empty (KeyError). */
  popItem(): [K, V] | undefined {
    if (this.used === 0) return undefined;
    // A split table is combined first, at the same size.
    if (this.values !== null) this.resizeTo(this.keys!.size, true);
    const keys = this.keys!;
    let entry = keys.nentries - 1;
    while (keys.entryValues[entry] === undefined) entry--;
    const key = keys.entryKeys[entry]!;
    const value = keys.entryValues[entry]!;
    keys.removeEntry(entry, this.ops);
    // The popped slot is appended to again; usable stays, since the index slot is a dummy.
    keys.nentries = entry;
    this.used--;
    return [key, value];
  }

  /**
   * The dict was deallocated: its reference to a shared keys table goes away (dk_refcnt), which
   * decides whether the remaining sharers count the table in sys.getsizeof.
   */
  dispose(): void {
    this.releaseKeys();
    this.keys = null;
    this.values = null;
    this.order = null;
    this.used = 0;
  }

  /**
   * 3.11+ `insert_into_dictkeys`: the attribute-store path of an instance adds `key` to the
   * class's shared keys when absent and there is room, even when it then fails (deleting a
   * missing attribute). No value is stored. False when the key is not in the shared keys after.
   */
  insertSharedKey(key: K, hash: PyHash): boolean {
    if (this.values === null) return false;
    hashRegister.load(hash);
    const hi = hashRegister.hi;
    const lo = hashRegister.lo;
    if (this.lookupEntry(key, hi, lo) >= 0) return true;
    const keys = this.keys!;
    if (keys.usable <= 0) return false;
    keys.append(key, hi, lo, undefined, this.ops.strContent(key));
    return true;
  }

  /** d.clear(): back to Py_EMPTY_KEYS (getsizeof then counts no keys table). */
  clear(): void {
    if (this.keys === null) return;
    this.releaseKeys();
    this.keys = null;
    this.values = null;
    this.order = null;
    this.used = 0;
  }

  /**
   * d.copy() (`PyDict_Copy`): a split dict shares its keys; 3.7+ clone a combined table
   * exactly when at most a third of its entries are holes; otherwise a fresh dict is merged.
   */
  copy(): DictTable<K, V> {
    const rules = this.rules;
    if (this.keys === null && rules.copyOfClearedSharesEmptyKeys) return new DictTable<K, V>(rules, this.ops, null);
    if (this.used === 0 && (rules.copyClones || this.values === null)) return this.emptyLike();
    if (this.values !== null) {
      const copy = DictTable.sharingKeys<K, V>(rules, this.ops, this.keys!);
      copy.values = this.values.slice();
      if (this.order !== null) copy.order = this.order.slice(0, this.used);
      copy.used = this.used;
      return copy;
    }
    const keys = this.keys!;
    if (rules.copyClones && this.used >= Math.floor((keys.nentries * 2) / 3)) {
      const copy = new DictTable<K, V>(rules, this.ops, keys.clone());
      copy.used = this.used;
      return copy;
    }
    const copy = this.emptyLike();
    copy.merge(this);
    return copy;
  }

  /**
   * `dict_merge(a, b, override)`: d.update(other), dict(other), DICT_UPDATE. From 3.10 an
   * empty target clones a clean source table that is not oversized; otherwise one resize up
   * front when the target cannot take other's entries, then inserts in other's order.
   * `override` false keeps existing values (PyDict_Merge(a, b, 0)).
   */
  merge(other: DictTable<K, V>, override = true): void {
    if (other === this || other.used === 0) return;
    const rules = this.rules;
    if (this.used === 0) {
      override = true;
      const otherKeys = other.keys!;
      if (
        rules.mergeClonesIntoEmpty &&
        (this.values === null || rules.mergeClonesIntoSplit) &&
        other.values === null &&
        other.used === otherKeys.nentries &&
        (otherKeys.size === DICT_MIN_SIZE || usableFraction(otherKeys.size / 2) < other.used)
      ) {
        this.releaseKeys();
        this.keys = otherKeys.clone();
        this.values = null;
        this.order = null;
        this.used = other.used;
        return;
      }
    }
    this.reserveForMerge(other);
    const entries: [K, number, number, V][] = [];
    other.forEachEntry((key, hi, lo, value) => entries.push([key, hi, lo, value]));
    for (const [key, hi, lo, value] of entries) {
      if (!override && this.lookupEntry(key, hi, lo) >= 0 && this.valueAt(key, hi, lo) !== undefined) continue;
      this.insert(key, hi, lo, value);
    }
  }

  /** dict_merge's up-front resize before it inserts the entries of `other` (no clone). */
  reserveForMerge(other: DictTable<K, V>): void {
    if (usableFraction(this.keysSize) < other.used) {
      const size = keysSizeFor(estimateMinSize(this.used + other.used), this.rules);
      this.resizeTo(size, other.keys!.kind !== "general");
    }
  }

  /**
   * The up-front resize `dict.fromkeys` does on an empty exact dict before inserting the keys
   * of an exact dict or set of `count` keys (3.11+: a set source makes a general table).
   */
  reserveForFromKeys(count: number, strOnlySource: boolean): void {
    const size = keysSizeFor(estimateMinSize(count), this.rules);
    this.resizeTo(size, strOnlySource);
  }

  // ---- iteration -------------------------------------------------------------------------

  /**
   * The first iteration position >= `position` that holds an item, or -1. Positions are
   * what CPython's dict iterators count (`di_pos`): entry indices, or order ranks for a 3.11+
   * split dict.
   */
  nextPosition(position: number): number {
    const keys = this.keys;
    if (keys === null) return -1;
    if (this.isManagedSplit) return position < this.used ? position : -1;
    const values = this.values ?? keys.entryValues;
    for (let index = position; index < keys.nentries; index++) {
      if (values[index] !== undefined) return index;
    }
    return -1;
  }

  /**
   * Calls `visit` on every value in iteration order: the tp_traverse loop of instance values,
   * straight over the arrays (the collector runs it for every tracked instance).
   */
  visitValues(visit: (value: V) => void): void {
    const keys = this.keys;
    if (keys === null) return;
    if (this.isManagedSplit) {
      const values = this.values!;
      const order = this.order;
      const used = this.used;
      if (order === null) for (let entry = 0; entry < used; entry++) visit(values[entry]!);
      else for (let position = 0; position < used; position++) visit(values[order[position]!]!);
      return;
    }
    const values = this.values ?? keys.entryValues;
    const limit = keys.nentries;
    for (let entry = 0; entry < limit; entry++) {
      const value = values[entry];
      if (value !== undefined) visit(value);
    }
  }

  /**
   * The values array of a 3.11+ split table whose iteration order is entry order (its first
   * `size` elements, all set), else null: the collector walks instance values through it
   * without a callback per value.
   */
  get valuesInEntryOrder(): (V | undefined)[] | null {
    return this.order === null && this.isManagedSplit ? this.values : null;
  }

  /**
   * The values by entry index (a hole is undefined) when iteration order is entry order, as
   * for every table but a 3.11+ split one; null then and for Py_EMPTY_KEYS. With
   * `keysObject.entryKeys` and `entryCount`, the collector and untracking walk a dict without a
   * callback per item.
   */
  get valuesByEntry(): (V | undefined)[] | null {
    const keys = this.keys;
    if (keys === null || this.isManagedSplit) return null;
    return this.values ?? keys.entryValues;
  }

  /** The last position <= `position` holding an item, or -1 (reversed(d), 3.8+). */
  previousPosition(position: number): number {
    const keys = this.keys;
    if (keys === null) return -1;
    if (this.isManagedSplit) return Math.min(position, this.used - 1);
    const values = this.values ?? keys.entryValues;
    for (let index = Math.min(position, keys.nentries - 1); index >= 0; index--) {
      if (values[index] !== undefined) return index;
    }
    return -1;
  }

  /** One past the last iteration position (where a reversed iterator starts, minus one). */
  get positionLimit(): number {
    if (this.keys === null) return 0;
    return this.isManagedSplit ? this.used : this.keys.nentries;
  }

  keyAtPosition(position: number): K {
    return this.keys!.entryKeys[this.entryOfPosition(position)]!;
  }

  valueAtPosition(position: number): V {
    const entry = this.entryOfPosition(position);
    return (this.values !== null ? this.values[entry] : this.keys!.entryValues[entry])!;
  }

  hashAtPosition(position: number): bigint {
    const entry = this.entryOfPosition(position);
    return signedFromHalves(this.keys!.hashHi[entry]!, this.keys!.hashLo[entry]!);
  }

  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (let position = this.nextPosition(0); position >= 0; position = this.nextPosition(position + 1)) {
      yield [this.keyAtPosition(position), this.valueAtPosition(position)];
    }
  }

  keysInOrder(): K[] {
    return [...this].map(([key]) => key);
  }

  valuesInOrder(): V[] {
    return [...this].map(([, value]) => value);
  }

  /** Items with their hashes, in order (what `_PyDict_Next` yields to set.update, merges...). */
  *entriesWithHashes(): IterableIterator<[K, bigint, V]> {
    for (let position = this.nextPosition(0); position >= 0; position = this.nextPosition(position + 1)) {
      yield [this.keyAtPosition(position), this.hashAtPosition(position), this.valueAtPosition(position)];
    }
  }

  // ---- size ------------------------------------------------------------------------------

  /** sys.getsizeof(d) on a 64-bit build (`_PyDict_SizeOf` plus the GC header). */
  sizeof(): number {
    const rules = this.rules;
    let size = rules.objectSize;
    const keys = this.keys;
    if (keys === null) return size;
    if (this.values !== null) {
      const slots = rules.managedInstanceDicts ? keys.nentries + keys.usable : usableFraction(keys.size);
      size += slots * POINTER_SIZE;
    }
    // A shared keys table is accounted to the class, not to the dict.
    if (keys.refcount === 1) size += keysObjectSize(keys, rules);
    return size;
  }

  // ---- internals shared with the instance-dict logic ---------------------------------------

  /**
   * Turns this combined dict's keys into shared (split) keys and returns them with a new
   * reference (`make_keys_shared`, 3.6–3.10); null when the table holds a non-str key.
   */
  makeKeysShared(): DictKeys<K, V> | null {
    if (this.values === null) {
      if (this.keys === null) return null;
      if (this.keys.kind === "general") return null;
      if (this.keys.hadDeletion) this.resizeTo(this.keys.size, true);
      const keys = this.keys;
      const values: (V | undefined)[] = [];
      for (let entry = 0; entry < keys.nentries; entry++) {
        values[entry] = keys.entryValues[entry];
        keys.entryValues[entry] = undefined;
      }
      keys.kind = "split";
      this.values = values;
    }
    this.keys!.refcount++;
    return this.keys;
  }

  /**
   * Adds or replaces a key with its hash halves (`insertdict`); used by set/merge and instance
   * dicts. Returns the replaced value (undefined for a new key).
   */
  insert(key: K, hi: number, lo: number, value: V): V | undefined {
    const rules = this.rules;
    // Only a str-only, split or empty table looks at the key's text (a general table keeps no
    // text index that is ever read again), so the common int-keyed insert skips it.
    const keys0 = this.keys;
    const text = keys0 === null || keys0.kind !== "general" || this.values !== null ? this.ops.strContent(key) : undefined;
    if (rules.unicodeEntries) {
      if (this.keys === null) {
        // insert_to_emptydict: an 8-slot table of the key's kind.
        this.keys = new DictKeys<K, V>(DICT_MIN_SIZE, text !== undefined ? "unicode" : "general");
        this.keys.append(key, hi, lo, value, text);
        this.used++;
        return undefined;
      }
      if (this.keys.kind !== "general" && text === undefined) this.insertionResize(false);
    } else if (this.values !== null && text === undefined) {
      this.insertionResize(true);
    }

    let entry = this.lookupEntry(key, hi, lo);
    if (this.values !== null && !rules.managedInstanceDicts) {
      // Up to 3.10 a split dict must receive keys in the shared order, else it is combined.
      const outOfOrder =
        (entry >= 0 && this.values[entry] === undefined && this.used !== entry) ||
        (entry === INDEX_EMPTY && this.used !== this.keys!.nentries);
      if (outOfOrder) {
        this.insertionResize(true);
        entry = INDEX_EMPTY;
      }
    }

    if (entry === INDEX_EMPTY) {
      if (this.keys === null || this.keys.usable <= 0) this.insertionResize(true);
      const keys = this.keys!;
      if (this.values !== null) {
        const index = keys.append(key, hi, lo, undefined, text);
        this.values[index] = value;
        if (this.isManagedSplit) this.appendToOrder(index);
      } else {
        keys.append(key, hi, lo, value, text);
        // Up to 3.10 a new key that is not a str makes the table `lookdict` (also after a resize).
        if (text === undefined && keys.kind === "unicode" && !rules.unicodeEntries) keys.kind = "general";
      }
      this.used++;
      return undefined;
    }

    if (this.values !== null) {
      const old = this.values[entry];
      if (old === undefined) {
        if (this.isManagedSplit) this.appendToOrder(entry);
        this.used++;
      }
      this.values[entry] = value;
      return old;
    }
    const entryValues = this.keys!.entryValues;
    const old = entryValues[entry];
    entryValues[entry] = value;
    return old;
  }

  // ---- private helpers ---------------------------------------------------------------------

  private findEntry(key: K, hash: PyHash | undefined): number {
    const keys = this.keys;
    if (keys === null) return INDEX_EMPTY;
    if (hash === undefined) {
      const text = this.ops.strContent(key);
      if (keys.kind === "general" || text === undefined) {
        throw new TypeError("a dict lookup needs the key's hash unless the key is a str in a str-only table");
      }
      return keys.lookupText(text, this.ops);
    }
    hashRegister.load(hash);
    return this.lookupEntry(key, hashRegister.hi, hashRegister.lo);
  }

  private valueAt(key: K, hi: number, lo: number): V | undefined {
    const entry = this.lookupEntry(key, hi, lo);
    if (entry < 0) return undefined;
    return this.values !== null ? this.values[entry] : this.keys!.entryValues[entry];
  }

  /** `_Py_dict_lookup`: restarts when an `__eq__` call changed the table under it. */
  private lookupEntry(key: K, hi: number, lo: number): number {
    for (;;) {
      const keys = this.keys;
      if (keys === null) return INDEX_EMPTY;
      if (this.rules.probeSwitchesToGeneral && keys.kind === "unicode" && this.ops.strContent(key) === undefined) {
        // 3.6–3.9: probing a str-only table with another key switches it to `lookdict` for good.
        keys.kind = "general";
      }
      const entry = keys.lookup(key, hi, lo, this.ops);
      if (entry === KEY_CHANGED || this.keys !== keys) continue;
      return entry;
    }
  }

  /** `insertion_resize`: dictresize to the size GROWTH_RATE asks for. */
  private insertionResize(keepStrOnly: boolean): void {
    const minSize = growthMinSize(this.used, this.keysSize, this.rules);
    this.resizeTo(keysSizeFor(minSize, this.rules), keepStrOnly);
  }

  /**
   * `dictresize`: a new combined table of `newSize` slots holding the active items in order
   * (a split dict's items in its order), compacting holes. From 3.11 the new table stays
   * str-only only when the old one was and `keepStrOnly` is set.
   */
  private resizeTo(newSize: number, keepStrOnly: boolean): void {
    const old = this.keys;
    let kind: DictKeysKind;
    if (this.rules.unicodeEntries) kind = (old === null || old.kind !== "general") && keepStrOnly ? "unicode" : "general";
    else kind = old !== null && old.kind === "general" ? "general" : "unicode";
    const fresh = new DictKeys<K, V>(newSize, kind);
    if (old !== null) {
      if (this.values !== null) {
        // A fresh keys table has no text index yet, so append needs no key text.
        const values = this.values;
        for (let position = 0; position < this.used; position++) {
          const entry = this.entryOfPosition(position);
          fresh.append(old.entryKeys[entry]!, old.hashHi[entry]!, old.hashLo[entry]!, values[entry], undefined);
        }
        old.refcount--;
      } else {
        for (let entry = 0; entry < old.nentries; entry++) {
          const value = old.entryValues[entry];
          if (value === undefined) continue;
          fresh.append(old.entryKeys[entry]!, old.hashHi[entry]!, old.hashLo[entry]!, value, undefined);
        }
      }
    }
    this.keys = fresh;
    this.values = null;
    this.order = null;
  }

  /** A 3.11+ split table: positions are ranks in `order` (see there), not entry indices. */
  private get isManagedSplit(): boolean {
    return this.values !== null && this.rules.managedInstanceDicts;
  }

  /** The order as an array of `used` entry indices (made from the implicit 0..used-1). */
  private explicitOrder(): number[] {
    if (this.order === null) {
      const order = new Array<number>(this.used);
      for (let position = 0; position < this.used; position++) order[position] = position;
      this.order = order;
    }
    return this.order;
  }

  /** Records `entry` as the next in a 3.11+ split table's order (the caller then increments `used`). */
  private appendToOrder(entry: number): void {
    if (this.order === null && entry === this.used) return;
    this.explicitOrder()[this.used] = entry;
  }

  /** Drops `entry` from a 3.11+ split table's order (the caller then decrements `used`). */
  private removeFromOrder(entry: number): void {
    const last = this.used - 1;
    if (this.order === null && entry === last) return;
    const order = this.explicitOrder();
    let position = 0;
    while (order[position] !== entry) position++;
    for (; position < last; position++) order[position] = order[position + 1]!;
  }

  private releaseKeys(): void {
    if (this.keys !== null) this.keys.refcount--;
  }

  private entryOfPosition(position: number): number {
    return this.order !== null ? this.order[position]! : position;
  }

  private forEachEntry(visit: (key: K, hi: number, lo: number, value: V) => void): void {
    const keys = this.keys;
    if (keys === null) return;
    for (let position = this.nextPosition(0); position >= 0; position = this.nextPosition(position + 1)) {
      const entry = this.entryOfPosition(position);
      visit(keys.entryKeys[entry]!, keys.hashHi[entry]!, keys.hashLo[entry]!, this.valueAtPosition(position));
    }
  }
}

/** Bytes of a keys object (`_PyDict_KeysSize`; `sizeof(PyDictKeysObject) + indices + entries`). */
export function keysObjectSize<K, V>(keys: DictKeys<K, V>, rules: DictRules): number {
  const size = keys.size;
  const indexBytes = size <= 0x80 ? 1 : size <= 0x8000 ? 2 : size <= 0x80000000 ? 4 : 8;
  const entrySize = rules.unicodeEntries && keys.kind !== "general" ? 16 : 24;
  return rules.keysHeaderSize + indexBytes * size + usableFraction(size) * entrySize;
}
