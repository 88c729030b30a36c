// What differs in setobject.c and dictobject.c between 3.6 and 3.14, one record per version.

import type { HashVersion } from "../hashing/hash-rules.js";

export interface SetRules {
  /**
   * `set_add_entry` grows the table after filling an unused slot unless
   * `fill * resizeDenominator < mask * resizeNumerator`: 2/3 in 3.6, 3/5 from 3.7.
   */
  readonly resizeNumerator: number;
  readonly resizeDenominator: number;
  /**
   * Which dummy slot an added key takes when its probe sequence passed some: the first one
   * (3.6), the last one (3.7, 3.8, 3.10+), or none at all (3.9, whose set_add_entry only
   * stops at unused slots).
   */
  readonly dummyReuse: "first" | "last" | "none";
  /** sizeof(PySetObject) plus the GC header that sys.getsizeof adds (64-bit builds). */
  readonly objectSize: number;
  /**
   * 3.9+: a display of more than two constants, `{1, 2, 3}`, is BUILD_SET 0 + SET_UPDATE of a
   * constant frozenset (built by adds), i.e. a `set_merge`; before, BUILD_SET adds each item.
   */
  readonly constantDisplayMerges: boolean;
  /**
   * 3.6: `difference_update` on a set that is already empty does nothing at all, not even the
   * dummy purge that follows the discards (measured; 3.7+ always checks for the purge).
   */
  readonly differenceUpdateSkipsEmpty: boolean;
}

export interface DictRules {
  /** 3.6/3.7: `PyDict_New()` allocates an 8-slot keys table; 3.8+: it shares Py_EMPTY_KEYS. */
  readonly newDictHasKeys: boolean;
  /** 3.8/3.9: `dict_new` (calling the type: `dict()`, `dict(x)`) allocates 8 slots; else as PyDict_New. */
  readonly typeCallHasKeys: boolean;
  /**
   * How a requested minimum becomes a table size. "loop": the smallest power of two >= the
   * minimum, at least 8 (3.6–3.9). "bit-length": 3.10+ on LP64 computes
   * `1 << bit_length(((minsize | 8) - 1) | 7)`, which doubles for minimums 1–7 and for powers
   * of two >= 16.
   */
  readonly sizeRounding: "loop" | "bit-length";
  /** GROWTH_RATE: 3.6 `used*2 + size/2`, 3.7+ `used*3`. */
  readonly growth: "used2-plus-half" | "used3";
  /**
   * 3.6: a cleared dict is a split table over Py_EMPTY_KEYS (`empty_values`), so its copy is
   * one too; 3.7+ `PyDict_Copy` returns PyDict_New() for any empty dict.
   */
  readonly copyOfClearedSharesEmptyKeys: boolean;
  /** 3.8+: `_PyDict_NewPresized(n)` returns PyDict_New() when n <= 5. */
  readonly presizeSmallIsEmpty: boolean;
  /** 3.11+: str-only tables store 16-byte entries without a hash (DICT_KEYS_UNICODE). */
  readonly unicodeEntries: boolean;
  /**
   * 3.6–3.9: probing a str-only table with another key switches it to `lookdict` for good;
   * 3.10's lookdict_unicode only delegates (inserting such a key still switches, up to 3.10).
   */
  readonly probeSwitchesToGeneral: boolean;
  /** 3.7+: `PyDict_Copy` clones the keys table when at most a third of its entries are holes. */
  readonly copyClones: boolean;
  /** 3.10+: `dict_merge` into an empty dict clones a clean, not oversized source table. */
  readonly mergeClonesIntoEmpty: boolean;
  /** 3.10–3.12 clone into an empty split dict too (it turns combined); 3.13 keeps it split. */
  readonly mergeClonesIntoSplit: boolean;
  /**
   * 3.11+: instance dicts are "managed": a class's shared keys start with 30 usable entries,
   * each new instance takes one away, split dicts keep deletions and any insertion order.
   * Up to 3.10 a split dict must be filled in the shared order and turns combined on delete.
   */
  readonly managedInstanceDicts: boolean;
  /**
   * 3.13+: attribute stores keep going through the instance's inline values while its
   * materialized `__dict__` still shares them; 3.11/3.12 switch to the dict once it exists.
   * (Only visible through `del obj.missing`, which puts the name into the shared keys.)
   */
  readonly valuesPathAfterMaterialize: boolean;
  /** `dict(**kw)` / `dict(a=1)`: 3.6–3.8 merge a presized kwargs dict; 3.9+ insert one by one. */
  readonly keywordsMergeDict: boolean;
  /**
   * How the compiler cuts a dict display into BUILD_MAP chunks merged by DICT_UPDATE:
   * 65535 items up to 3.9; from 3.10 at STACK_USE_GUIDELINE (30 stack slots), a chunk of more
   * than 15 pairs being built by BUILD_MAP 0 + MAP_ADD.
   */
  readonly displayChunking: "max-oparg" | "stack-guideline";
  /** sizeof(PyDictObject) plus the GC header (64-bit builds). */
  readonly objectSize: number;
  /** Bytes of PyDictKeysObject's header before dk_indices. */
  readonly keysHeaderSize: number;
}

const setRulesByMinor: SetRules[] = [];
const dictRulesByMinor: DictRules[] = [];

for (let minor = 6; minor <= 14; minor++) {
  const gcHeader = minor <= 7 ? 32 : 16;
  setRulesByMinor[minor] = {
    resizeNumerator: minor === 6 ? 2 : 3,
    resizeDenominator: minor === 6 ? 3 : 5,
    dummyReuse: minor === 6 ? "first" : minor === 9 ? "none" : "last",
    objectSize: 200 + gcHeader,
    constantDisplayMerges: minor >= 9,
    differenceUpdateSkipsEmpty: minor === 6,
  };
  dictRulesByMinor[minor] = {
    newDictHasKeys: minor <= 7,
    typeCallHasKeys: minor <= 9,
    sizeRounding: minor >= 10 ? "bit-length" : "loop",
    growth: minor === 6 ? "used2-plus-half" : "used3",
    copyOfClearedSharesEmptyKeys: minor === 6,
    presizeSmallIsEmpty: minor >= 8,
    unicodeEntries: minor >= 11,
    probeSwitchesToGeneral: minor <= 9,
    copyClones: minor >= 7,
    mergeClonesIntoEmpty: minor >= 10,
    mergeClonesIntoSplit: minor <= 12,
    managedInstanceDicts: minor >= 11,
    valuesPathAfterMaterialize: minor >= 13,
    keywordsMergeDict: minor <= 8,
    displayChunking: minor >= 10 ? "stack-guideline" : "max-oparg",
    objectSize: 48 + gcHeader,
    keysHeaderSize: minor >= 11 ? 32 : 40,
  };
}

function lookup<T>(table: T[], version: HashVersion, what: string): T {
  const rules = version.major === 3 ? table[version.minor] : undefined;
  if (rules === undefined) {
    throw new RangeError(`no ${what} rules for Python ${version.major}.${version.minor} (3.6–3.14 known)`);
  }
  return rules;
}

export function setRules(version: HashVersion): SetRules {
  return lookup(setRulesByMinor, version, "set");
}

export function dictRules(version: HashVersion): DictRules {
  return lookup(dictRulesByMinor, version, "dict");
}
