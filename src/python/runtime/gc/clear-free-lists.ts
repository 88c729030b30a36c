// clear_freelists: a collection of the oldest generation gives every parked method, tuple, float,
// list and dict block back to the allocator, so the next such object comes from pymalloc again.
import { rt } from "../state.js";
import { headerBytesOf } from "../memory/object-memory.js";
import { tupleObjectSize } from "../types/tuple.js";
import { LIST_OBJECT_SIZE } from "../types/list.js";
import { DICT_OBJECT_SIZE } from "../types/dict.js";
import { FLOAT_OBJECT_SIZE } from "../types/float.js";
import { methodSize, methodsHaveFreeList } from "../types/method.js";

/** Empties the free lists in CPython's order (3.13+ clears floats before tuples). */
export function clearFreeLists(): void {
  const freeLists = rt.freeLists;
  const types = rt.types;
  const clearFloats = (): void => freeLists.float.clear(0, FLOAT_OBJECT_SIZE);
  // ≤3.8 empties the bound-method free list first, ≤3.10 the frame free list then.
  if (methodsHaveFreeList()) freeLists.method.clear(headerBytesOf(types.method), methodSize() + headerBytesOf(types.method));
  if (rt.profile.minor <= 10) freeLists.frame.clearFreeList();
  if (rt.profile.minor >= 13) clearFloats();
  const tupleHeader = headerBytesOf(types.tuple);
  for (let length = 1; length < freeLists.tuple.length; length++) freeLists.tuple[length]!.clear(tupleHeader, tupleObjectSize(length) + tupleHeader);
  if (rt.profile.minor < 13) clearFloats();
  const listHeader = headerBytesOf(types.list);
  freeLists.list.clear(listHeader, LIST_OBJECT_SIZE + listHeader);
  const dictHeader = headerBytesOf(types.dict);
  freeLists.dict.clear(dictHeader, DICT_OBJECT_SIZE + dictHeader);
}
