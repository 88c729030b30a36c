// IPython's `_type_pprint`: a class shows as `module.QualName` (`int`, `__main__.A`), unless its
// metaclass brings its own __repr__.
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { Unsupported } from "../runtime/errors.js";
import { getAttrString } from "../runtime/abstract/attributes.js";
import type { Printer } from "./printer-tables.js";
import { printRepr } from "./repr-printers.js";
import { exceptException, safeAttribute, textOf } from "./python-access.js";

/** Modules IPython leaves out of a name (`builtins.int` shows as `int`). */
export const UNSHOWN_MODULES: ReadonlySet<string> = new Set(["__builtin__", "builtins", "exceptions"]);

export const printType: Printer = (value, printer, cycle) => {
  const firstOwnRepr = value.type.mro.find((klass) => klass.namespace.has("__repr__"));
  if (firstOwnRepr !== rt.types.type) {
    printRepr(value, printer, cycle);
    return;
  }
  const moduleObject = safeAttribute(value, "__module__");
  const module = moduleObject === null || moduleObject === rt.None ? null : textOf(moduleObject);
  const moduleIsOther = moduleObject !== null && moduleObject !== rt.None && module === null;
  if (moduleObject !== null) decref(moduleObject);
  // try: name = obj.__qualname__ (a str) / except Exception: name = obj.__name__
  const name = exceptException(
    () => {
      const qualname = getAttrString(value, "__qualname__");
      const text = textOf(qualname);
      decref(qualname);
      return text;
    },
    () => null,
  );
  const shownName = name ?? nameFallback(value);
  if (module === null && !moduleIsOther) {
    printer.text(shownName);
    return;
  }
  if (module === null) throw new Unsupported("IPython display of a class whose __module__ is not a str");
  printer.text(UNSHOWN_MODULES.has(module) ? shownName : `${module}.${shownName}`);
};

function nameFallback(value: Parameters<Printer>[0]): string {
  const nameObject = getAttrString(value, "__name__");
  const text = textOf(nameObject);
  decref(nameObject);
  return text ?? "<unknown type>";
}
