// What IPython shows for a built-in function or method (`len(obj, /)`, `list.append(object, /)`),
// looked up in the table measured from each CPython version (builtin-signature-data.ts).
import { rt } from "../runtime/state.js";
import { PyType } from "../runtime/type.js";
import { Unsupported } from "../runtime/errors.js";
import { PyModule } from "../runtime/types/module.js";
import type { PyBuiltinFunction } from "../runtime/types/builtin-function.js";
import { BOUND_METHODS, MEASURED_MINORS, MODULE_FUNCTIONS } from "./builtin-signature-data.js";

type Table = ReadonlyMap<string, string | null>;

const tablesByMinor = new Map<number, { readonly functions: Table; readonly methods: Table }>();

/** The measured tables of Python 3.`minor` (module functions, methods); refuses unmeasured versions. */
export function tablesFor(minor: number): { readonly functions: Table; readonly methods: Table } {
  let tables = tablesByMinor.get(minor);
  if (tables === undefined) {
    if (!MEASURED_MINORS.includes(minor)) {
      throw new Unsupported(`IPython display of built-in functions on Python 3.${minor} (signatures not measured)`);
    }
    const select = (rows: typeof MODULE_FUNCTIONS): Table => {
      const table = new Map<string, string | null>();
      for (const [key, runs] of rows) {
        const run = runs.find(([first, last]) => first <= minor && minor <= last);
        if (run !== undefined) table.set(key, run[2]);
      }
      return table;
    };
    tables = { functions: select(MODULE_FUNCTIONS), methods: select(BOUND_METHODS) };
    tablesByMinor.set(minor, tables);
  }
  return tables;
}

function typeKey(type: PyType): string {
  return `${type.module}.${type.qualname}`;
}

/**
 * The text inside `<function …>` for a built-in: a module function as measured (module prefix,
 * name, signature); a method as the bound type's qualified name, the method name and the
 * measured signature; a static method as measured.
 */
export function builtinFunctionText(func: PyBuiltinFunction): string {
  const tables = tablesFor(rt.profile.minor);
  const name = func.def.name;
  const owner = func.self;
  if (owner instanceof PyModule) {
    const key = `${owner.name}.${name}`;
    const shown = tables.functions.get(key);
    if (shown === undefined || shown === null) throw new Unsupported(`IPython display of built-in function ${key}`);
    return shown;
  }
  if (owner instanceof PyType && !func.isMethod) {
    // The simulator binds static methods and `T.__new__` alike to their type; CPython's
    // `__new__` is bound to the type (a class method as far as the display goes).
    for (const klass of owner.mro) {
      const shown = tables.methods.get(`static:${typeKey(klass)}.${name}`);
      if (shown !== undefined && shown !== null) return shown;
    }
  }
  // Bound to a class (classmethods, metaclass methods) or to an instance.
  const searched: PyType[] = owner instanceof PyType ? [...owner.mro, ...owner.type.mro] : owner.type.mro;
  const prefix = owner instanceof PyType ? "class:" : "instance:";
  for (const klass of searched) {
    const signature = tables.methods.get(`${prefix}${typeKey(klass)}.${name}`);
    if (signature === undefined) continue;
    const boundType = owner instanceof PyType ? owner : owner.type;
    const qualifiedName = `${boundType.qualname}.${name}`;
    return signature === null ? qualifiedName : qualifiedName + signature;
  }
  throw new Unsupported(`IPython display of built-in method ${owner instanceof PyType ? owner.qualname : owner.type.qualname}.${name}`);
}
