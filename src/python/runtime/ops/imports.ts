// import statements: the simulator's own modules, created on first import and kept in sys.modules.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, pyError, Unsupported, discardRaise } from "../errors.js";
import { PyModule } from "../types/module.js";
import { PyStr, internName } from "../types/str.js";
import { lookupAttr } from "../abstract/attributes.js";
import { dictForEach, dictSetItem, type PyDict } from "../types/dict.js";
import { importModule, isKnownUnsupportedModule } from "../../modules/registry.js";

/** IMPORT_NAME: the module (for `import a.b`: the top package unless bound with `as`). */
export function importName(name: string, _fromlist: readonly string[] | null, level: number, _bound: boolean): PyObject {
  if (level > 0) throw new Unsupported("relative imports");
  const module = importModule(name);
  if (module === null) {
    const top = name.split(".")[0]!;
    if (isKnownUnsupportedModule(top)) throw new Unsupported(`module '${name}'`);
    const error = pyError(rt.exc.ModuleNotFoundError, `No module named '${name}'`);
    throw error;
  }
  return module;
}

/** IMPORT_FROM: `from m import x`. New reference. */
export function importFrom(module: PyObject, name: PyStr): PyObject {
  let value: PyObject | null = null;
  try {
    value = lookupAttr(module, name);
  } catch (error) {
    if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.AttributeError)) throw error;
    discardRaise(error);
  }
  if (value !== null) return value;
  const moduleName = module instanceof PyModule ? module.name : "?";
  throw pyError(rt.exc.ImportError, `cannot import name '${name.value}' from '${moduleName}' (unknown location)`);
}

/** `from m import *`: every public name (or __all__) into the namespace. */
export function importStar(module: PyObject, namespace: PyObject): void {
  if (!(module instanceof PyModule)) throw new Unsupported("import * from a non-module");
  dictForEach(module.dict, (key, value) => {
    if (key instanceof PyStr && !key.value.startsWith("_")) dictSetItem(namespace as PyDict, key, value);
  });
}

export { decref, internName };
