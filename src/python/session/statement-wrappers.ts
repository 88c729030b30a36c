// The objects IPython's run_ast_nodes builds around each top-level statement of a cell:
// `Module(body=[node], type_ignores=[])` (or `Interactive(body=[node])` for a trailing
// expression) stays alive while the statement runs and is dropped once the next statement's
// wrapper exists. They take the list, dict and small-object blocks a previous statement freed,
// which is why a list deleted by one statement is not reused by the next statement's new list.
import { IMMORTAL_MARK, PyObject, decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newList } from "../runtime/types/list.js";
import { newDict, dictSetItem } from "../runtime/types/dict.js";
import { newCell } from "../runtime/types/cell.js";
import { internName } from "../runtime/types/str.js";

/** Stands for the statement's ast node, which lives in the cell's tree (not modelled as memory). */
function nodeStandIn(): PyObject {
  const node = new PyObject(rt.types.object);
  node.refcount = IMMORTAL_MARK;
  return node;
}

/**
 * A new statement wrapper: the two lists built as arguments, then the AST object (24 bytes with
 * a dict pointer, the layout of a cell) whose dict holds them. New reference.
 */
export function newStatementWrapper(interactive: boolean): PyObject {
  const body = newList([nodeStandIn()]);
  const typeIgnores = interactive ? null : newList([]);
  const fields = newDict();
  dictSetItem(fields, internName("body"), body);
  decref(body);
  if (typeIgnores !== null) {
    dictSetItem(fields, internName("type_ignores"), typeIgnores);
    decref(typeIgnores);
  }
  return newCell(fields);
}
