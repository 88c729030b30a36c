// import statements: the simulator's own modules, created on first import and kept in sys.modules.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, pyError, Unsupported, discardRaise } from "../errors.js";
import { PyModule } from "../types/module.js";
import { PyStr, internName, newStr } from "../types/str.js";
import { setExceptionAttribute } from "../types/exceptions.js";
import type { PyType } from "../type.js";
import { getAttr, lookupAttr } from "../abstract/attributes.js";
import { dictForEach, dictGetItem, dictSetItem, type PyDict } from "../types/dict.js";
import { PyList } from "../types/list.js";
import { importModule, isImplementedModule, isImplementedPackage } from "../../modules/registry.js";
import { mightBeImportable } from "../../modules/module-availability.js";
import { refuseImportErrorLocation, refuseIncompleteStarImport } from "../../modules/module-namespace.js";

/** IMPORT_NAME: the module (for `import a.b`: the top package unless bound with `as`). */
export function importName(name: string, _fromlist: readonly string[] | null, level: number, _bound: boolean): PyObject {
  if (level > 0) throw new Unsupported("relative imports");
  const module = importModule(name);
  if (module === null) throw moduleNotFound(name);
  return module;
}

/**
 * Why `name` cannot be imported: ModuleNotFoundError when CPython says so in every environment,
 * otherwise the import is refused as unsupported (see module-availability.ts for the rule).
 */
function moduleNotFound(name: string): PyRaise | Unsupported {
  const dot = name.indexOf(".");
  const top = dot < 0 ? name : name.slice(0, dot);
  if (dot >= 0 && isImplementedModule(top) && !isImplementedPackage(top)) {
    // _find_and_load_unlocked imports the parent first, then finds it has no __path__.
    const parent = importModule(top)!;
    decref(parent);
    return importError(rt.exc.ModuleNotFoundError, `No module named '${name}'; '${top}' is not a package`, name);
  }
  if (isImplementedModule(top) || mightBeImportable(rt, top)) return new Unsupported(`module '${name}'`);
  // `import a.b` of an unknown `a` fails on `a` itself.
  return importError(rt.exc.ModuleNotFoundError, `No module named '${top}'`, top);
}

/** An ImportError with its msg and name members set, as importlib raises it (path stays None). */
function importError(type: PyType, message: string, moduleName: string | null, nameFrom?: string): PyRaise {
  const error = pyError(type, message);
  const exception = error.exception;
  const fields: [string, string][] = [["msg", message]];
  if (moduleName !== null) fields.push(["name", moduleName]);
  if (nameFrom !== undefined && rt.profile.minor >= 12) fields.push(["name_from", nameFrom]);
  for (const [field, text] of fields) {
    const value = newStr(text);
    setExceptionAttribute(exception, field, value);
    decref(value);
  }
  return error;
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
  // 3.6's IMPORT_FROM named neither the module nor the location, and left `name` None.
  if (rt.profile.minor <= 6) throw importError(rt.exc.ImportError, `cannot import name '${name.value}'`, null);
  if (module instanceof PyModule) refuseImportErrorLocation(module, name.value);
  throw importError(rt.exc.ImportError, `cannot import name '${name.value}' from '${moduleName}' (unknown location)`, moduleName, name.value);
}

/**
 * `from m import *` (import_all_from): the names of `__all__` through getattr when the module
 * has one, else every public name of its dict (refused for one of the simulator's modules that
 * lacks a public name of CPython's, which would bind fewer names).
 */
export function importStar(module: PyObject, namespace: PyObject): void {
  if (!(module instanceof PyModule)) throw new Unsupported("import * from a non-module");
  const allKey = internName("__all__");
  const all = dictGetItem(module.dict, allKey);
  decref(allKey);
  if (all === null) {
    refuseIncompleteStarImport(module);
    dictForEach(module.dict, (key, value) => {
      if (key instanceof PyStr && !key.value.startsWith("_")) dictSetItem(namespace as PyDict, key, value);
    });
    return;
  }
  if (!(all instanceof PyList) || !all.items.every((name) => name instanceof PyStr)) throw new Unsupported("import * with an __all__ other than a list of str");
  for (const name of [...all.items] as PyStr[]) {
    const value = getAttr(module, name);
    dictSetItem(namespace as PyDict, name, value);
    decref(value);
  }
}

export { decref, internName };
