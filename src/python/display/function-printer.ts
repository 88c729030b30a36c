// IPython's `_function_pprint` for Python functions and built-in functions/methods:
// `<function __main__.f(x, y=1)>`, `<function len(obj, /)>`, `<function list.append(object, /)>`.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { Unsupported } from "../runtime/errors.js";
import { getAttrString } from "../runtime/abstract/attributes.js";
import { isTrue } from "../runtime/abstract/truth.js";
import { PyFunction } from "../runtime/types/function.js";
import { PyBuiltinFunction } from "../runtime/types/builtin-function.js";
import type { Printer } from "./printer-tables.js";
import { safeAttribute, textOf } from "./python-access.js";
import { functionSignatureText } from "./python-signature.js";
import { builtinFunctionText } from "./builtin-signatures.js";
import { UNSHOWN_MODULES } from "./type-printer.js";

export const printFunction: Printer = (value, printer) => {
  if (value instanceof PyBuiltinFunction) {
    printer.text(`<function ${builtinFunctionText(value)}>`);
    return;
  }
  if (!(value instanceof PyFunction)) throw new Unsupported(`IPython display of a ${value.type.name} as a function`);
  const name = shownName(value);
  const signature = functionSignatureText(value);
  printer.text(`<function ${signature === null ? name : name + signature}>`);
};

/** `_safe_getattr(obj, '__qualname__', obj.__name__)`, prefixed by a true `__module__` not builtins. */
function shownName(func: PyFunction): string {
  // The default is evaluated first, as Python evaluates call arguments before the call.
  const plainName = textOfAttribute(func, "__name__");
  const qualnameObject = safeAttribute(func, "__qualname__");
  const name = qualnameObject === null ? plainName : textOf(qualnameObject);
  if (qualnameObject !== null) decref(qualnameObject);
  if (name === null) throw new Unsupported("IPython display of a function whose __qualname__ is not a str");
  const moduleObject = getAttrString(func, "__module__");
  try {
    if (!isTrue(moduleObject)) return name;
    const module = textOf(moduleObject);
    if (module === null) throw new Unsupported("IPython display of a function whose __module__ is not a str");
    return UNSHOWN_MODULES.has(module) ? name : `${module}.${name}`;
  } finally {
    decref(moduleObject);
  }
}

function textOfAttribute(value: PyObject, name: string): string | null {
  const found = getAttrString(value, name);
  const text = textOf(found);
  decref(found);
  return text;
}
