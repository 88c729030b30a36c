// sys.getsizeof of sets and dicts on 64-bit builds (the GC header included, as getsizeof does).

import { SET_MIN_SIZE, type SetTable } from "./set-table.js";

/** sizeof(setentry): a key pointer and its hash. */
const SET_ENTRY_SIZE = 16;

/** sys.getsizeof(s) for a set or frozenset (`set_sizeof`): the table counts once it is not inline. */
export function setSizeof<K>(table: SetTable<K>): number {
  const slots = table.mask + 1;
  return table.rules.objectSize + (slots > SET_MIN_SIZE ? slots * SET_ENTRY_SIZE : 0);
}

export { keysObjectSize } from "./dict-table.js";
