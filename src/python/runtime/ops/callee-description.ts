// How CPython names the callee of f(*args, **kwargs) in its argument errors: PyEval_GetFuncName
// and PyEval_GetFuncDesc up to 3.8 ("f()", "C object"), _PyObject_FunctionStr from 3.9
// ("__main__.C.m()", "len()", or str() of an object without __qualname__).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyFunction } from "../types/function.js";
import { PyMethod } from "../types/method.js";
import { PyBuiltinFunction } from "../types/builtin-function.js";
import { PyStr } from "../types/str.js";
import { str } from "../abstract/object-protocol.js";
import { optionalAttribute } from "../../modules/optional-attribute.js";

/** The callee as the version's argument errors name it ("f()", "__main__.f()", "C object"). */
export function calleeDescription(callable: PyObject): string {
  return rt.profile.minor >= 9 ? functionStr(callable) : functionNameAndDescription(callable);
}

/** PyEval_GetFuncName + PyEval_GetFuncDesc. */
function functionNameAndDescription(callable: PyObject): string {
  const target = callable instanceof PyMethod ? callable.func : callable;
  if (target instanceof PyFunction) return `${target.name.value}()`;
  if (target instanceof PyBuiltinFunction) return `${target.def.name}()`;
  if (callable instanceof PyMethod) return `${target.type.name} object`;
  return `${callable.type.name} object`;
}

/** _PyObject_FunctionStr: "module.qualname()", "qualname()" for builtins, else str(callable). */
function functionStr(callable: PyObject): string {
  const qualname = optionalAttribute(callable, "__qualname__");
  if (qualname === null) return textOf(str(callable));
  try {
    const module = optionalAttribute(callable, "__module__");
    const qualnameText = textOf(str(qualname));
    if (module === null) return `${qualnameText}()`;
    const moduleText = module instanceof PyStr ? module.value : null;
    const isNone = module === rt.None;
    const moduleShown = isNone || moduleText === "builtins" ? null : textOf(str(module));
    decref(module);
    return moduleShown === null ? `${qualnameText}()` : `${moduleShown}.${qualnameText}()`;
  } finally {
    decref(qualname);
  }
}

/** The text of a str (stolen). */
function textOf(text: PyStr): string {
  const value = text.value;
  decref(text);
  return value;
}
