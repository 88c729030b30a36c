// IPython's printers for exceptions (`ValueError('x')`, `__main__.E(1, 2)`), super objects
// (`<super: A, <__main__.B at 0x…>>`) and types.SimpleNamespace (`namespace(a=1)`).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { Unsupported } from "../runtime/errors.js";
import { getAttrString } from "../runtime/abstract/attributes.js";
import { PySuper } from "../runtime/types/super.js";
import { PyDict, dictForEach } from "../runtime/types/dict.js";
import type { Printer } from "./printer-tables.js";
import { CallExpression, RawText } from "./call-expression.js";
import { attributeOrNull, forEachItem, textOf } from "./python-access.js";

/** `getattr(obj, name)` as text (null when not a str); raises as Python would. */
function attributeText(value: PyObject, name: string): string | null {
  const found = getAttrString(value, name);
  const text = textOf(found);
  decref(found);
  return text;
}

/** `_exception_pprint`: CallExpression(qualified class name, *obj.args). */
export const printException: Printer = (value, printer) => {
  const klass = getAttrString(value, "__class__");
  const args: PyObject[] = [];
  try {
    // getattr(cls, '__qualname__', cls.__name__): the default is evaluated first.
    const plainName = attributeText(klass, "__name__");
    const qualnameObject = attributeOrNull(klass, "__qualname__");
    let name = qualnameObject === null ? plainName : textOf(qualnameObject);
    if (qualnameObject !== null) decref(qualnameObject);
    const module = attributeText(klass, "__module__");
    if (name === null || module === null) throw new Unsupported("IPython display of an exception whose class names are not str");
    if (module !== "exceptions" && module !== "builtins") name = `${module}.${name}`;
    const argsObject = attributeOrNull(value, "args");
    if (argsObject !== null) {
      try {
        forEachItem(argsObject, (item) => {
          item.refcount++;
          args.push(item);
        });
      } finally {
        decref(argsObject);
      }
    }
    printer.prettyHelper(new CallExpression(name, args));
  } finally {
    for (const arg of args) decref(arg);
    decref(klass);
  }
};

/** `_super_pprint`. */
export const printSuper: Printer = (value, printer) => {
  if (!(value instanceof PySuper)) throw new Unsupported("IPython display of a super subclass instance");
  printer.beginGroup(8, "<super: ");
  printer.pretty(value.start);
  printer.text(",");
  printer.breakable();
  printer.pretty(value.object ?? rt.None);
  printer.endGroup(8, ">");
};

/** `_types_simplenamespace_pprint`: namespace(**obj.__dict__). */
export const printSimpleNamespace: Printer = (value, printer, cycle) => {
  if (cycle) {
    printer.prettyHelper(new CallExpression("namespace", [new RawText("...")]));
    return;
  }
  const namespace = getAttrString(value, "__dict__");
  // `**obj.__dict__` copies the items into the call's keyword arguments.
  const keywords: [string, PyObject][] = [];
  try {
    if (!(namespace instanceof PyDict)) throw new Unsupported("IPython display of a SimpleNamespace without a dict");
    dictForEach(namespace, (key, item) => {
      const name = textOf(key);
      if (name === null) throw new Unsupported("IPython display of a SimpleNamespace with a non-str key");
      item.refcount++;
      keywords.push([name, item]);
    });
    printer.prettyHelper(new CallExpression("namespace", [], keywords));
  } finally {
    for (const [, item] of keywords) decref(item);
    decref(namespace);
  }
};
