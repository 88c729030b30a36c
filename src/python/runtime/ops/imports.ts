// import statements: the simulator's own modules, created on first import and kept in sys.modules.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, pyError, Unsupported, discardRaise } from "../errors.js";
import { PyModule } from "../types/module.js";
import { PyStr, internName } from "../types/str.js";
import { lookupAttr } from "../abstract/attributes.js";
import { dictForEach, dictSetItem, type PyDict } from "../types/dict.js";
import { importModule, isImplementedModule, isImplementedPackage } from "../../modules/registry.js";
import { mightBeImportable } from "../../modules/module-availability.js";

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
    return pyError(rt.exc.ModuleNotFoundError, `No module named '${name}'; '${top}' is not a package`);
  }
  if (isImplementedModule(top) || mightBeImportable(rt, top)) return new Unsupported(`module '${name}'`);
  // `import a.b` of an unknown `a` fails on `a` itself.
  return pyError(rt.exc.ModuleNotFoundError, `No module named '${top}'`);
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
