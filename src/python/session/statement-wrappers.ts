// The objects IPython's run_ast_nodes builds around each top-level statement of a cell:
// `Module(body=[node], type_ignores=[])` (or `Interactive(body=[node])` for a trailing
// expression) stays alive while the statement runs and is dropped once the next statement's
// wrapper exists; compile() then builds and drops its own lists (symbol table and compiler
// state). They take the list, dict and small-object blocks a previous statement freed, which is
// why a list or (on 3.6-3.10) an instance deleted by one statement is not reused by the next
// statement's new one.
import { IMMORTAL_MARK, PyObject, decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newList } from "../runtime/types/list.js";
import { newDict, dictSetItem } from "../runtime/types/dict.js";
import { internName } from "../runtime/types/str.js";
import { allocateAstObject, freeAstObject } from "./cell-tree-memory.js";

/** Stands for the statement's ast node, which lives in the cell's tree (not modelled as memory). */
function nodeStandIn(): PyObject {
  const node = new PyObject(rt.types.object);
  node.refcount = IMMORTAL_MARK;
  return node;
}

/**
 * The lists compile() of one simple statement creates and drops (measured: a statement that
 * frees five lists leaves them to the next statement's lists in the order below), as indexes
 * into the order they were taken from the list free list, in the order they are freed.
 */
const COMPILE_LIST_FREE_ORDER = [3, 4, 2, 1, 0];

export interface StatementWrapper {
  /** Drops the wrapper (when the next statement's wrapper exists, or the cell ends). */
  release(): void;
}

/**
 * A new statement wrapper: the list arguments, the AST object and its dict holding them; then
 * the previous wrapper (if any) is released and compile()'s lists come and go.
 */
export function newStatementWrapper(interactive: boolean, previous: StatementWrapper | null): StatementWrapper {
  const body = newList([nodeStandIn()]);
  // Module's type_ignores field exists from 3.8.
  const typeIgnores = interactive || rt.profile.minor < 8 ? null : newList([]);
  const fields = newDict();
  dictSetItem(fields, internName("body"), body);
  decref(body);
  if (typeIgnores !== null) {
    dictSetItem(fields, internName("type_ignores"), typeIgnores);
    decref(typeIgnores);
  }
  const address = allocateAstObject();
  if (previous !== null) previous.release();
  compileListChurn();
  return {
    release(): void {
      // subtype_dealloc: the instance dict (and the lists in it) goes before the object's block.
      decref(fields);
      freeAstObject(address);
    },
  };
}

function compileListChurn(): void {
  const lists = COMPILE_LIST_FREE_ORDER.map(() => newList([]));
  for (const index of COMPILE_LIST_FREE_ORDER) decref(lists[index]!);
}
