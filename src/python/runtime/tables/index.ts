// CPython-exact set and dict tables (order, growth, sys.getsizeof) for the simulator.

export { type SetRules, type DictRules, setRules, dictRules } from "./table-rules.js";
export { type KeyEquals, SET_MIN_SIZE, SetTable } from "./set-table.js";
export * as setOps from "./set-operations.js";
export type { HashedKey, HashedLookup } from "./set-operations.js";
export { type SetDisplayOptions, buildSetDisplay, buildSetFromKeys, updateSetFromDict } from "./set-constructs.js";
export { type DictKeysKind, type DictKeyOps, DictKeys, usableFraction } from "./dict-keys.js";
export { DictTable, keysObjectSize } from "./dict-table.js";
export { DICT_MIN_SIZE, keysSizeFor, estimateMinSize, growthMinSize } from "./key-size.js";
export {
  type HashedItem,
  type FromKeysSource,
  buildDictDisplay,
  buildDictFromKeywords,
  buildDictFromDict,
  buildDictFromPairs,
  buildDictFromKeys,
} from "./dict-constructs.js";
export {
  ClassKeysCache,
  InstanceDictSlot,
  instanceDict,
  setInstanceAttribute,
  deleteInstanceAttribute,
} from "./instance-dicts.js";
export { setSizeof } from "./sizes.js";
