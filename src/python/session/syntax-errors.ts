// SyntaxError / IndentationError instances from the parser's error data.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { PythonSyntaxError } from "../parser/index.js";
import { newExceptionWithArgs, setExceptionAttribute } from "../runtime/types/exceptions.js";
import { newStr } from "../runtime/types/str.js";
import { newInt } from "../runtime/types/int.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newNone } from "../runtime/values.js";
import { decref } from "../runtime/object.js";
import type { PyType } from "../runtime/type.js";
import { allocateBuiltinType, completeBuiltinType } from "../runtime/type-factory.js";
import { exceptionSubclassSpec } from "../runtime/types/exception-spec.js";

const incompleteInputTypes = new WeakMap<object, PyType>();

/**
 * 3.13's builtins._IncompleteInputError (a SyntaxError subclass), made when first raised: the
 * simulator's exception table is the same for every version, and older ones have no such class.
 */
function incompleteInputErrorType(): PyType {
  let type = incompleteInputTypes.get(rt);
  if (type === undefined) {
    const spec = exceptionSubclassSpec("_IncompleteInputError", "SyntaxError");
    type = allocateBuiltinType(spec);
    completeBuiltinType(type, spec, rt.exc.SyntaxError);
    rt.registerStatic(type, 408);
    incompleteInputTypes.set(rt, type);
  }
  return type;
}

function optionalInt(value: number | null): PyObject {
  return value === null ? newNone() : newInt(value);
}

/** SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)) with its attributes. */
export function syntaxErrorObject(error: PythonSyntaxError, filename: string): PyObject {
  const type =
    error.type === "IndentationError"
      ? rt.exc.IndentationError
      : error.type === "TabError"
        ? rt.exc.TabError
        : error.type === "_IncompleteInputError"
          ? incompleteInputErrorType()
          : rt.exc.SyntaxError;
  const message = newStr(error.msg);
  const details: PyObject[] = [newStr(filename), optionalInt(error.lineno), optionalInt(error.offset), error.text === null ? newNone() : newStr(error.text)];
  if (rt.profile.minor >= 10) details.push(optionalInt(error.end_lineno), optionalInt(error.end_offset));
  const detailTuple = newTupleStealing(details);
  const exception = newExceptionWithArgs(type, [message, detailTuple]);
  const attributes: [string, PyObject][] = [
    ["msg", message],
    ["filename", details[0]!],
    ["lineno", details[1]!],
    ["offset", details[2]!],
    ["text", details[3]!],
  ];
  if (rt.profile.minor >= 10) attributes.push(["end_lineno", details[4]!], ["end_offset", details[5]!]);
  for (const [name, value] of attributes) setExceptionAttribute(exception, name, value);
  decref(message);
  decref(detailTuple);
  return exception;
}
