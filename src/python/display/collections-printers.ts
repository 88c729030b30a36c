// IPython's deferred printers for the collections module (found by module and class name):
// defaultdict, OrderedDict, deque, Counter and UserList shown as constructor calls.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { Unsupported } from "../runtime/errors.js";
import { getAttrString } from "../runtime/abstract/attributes.js";
import { length } from "../runtime/abstract/items.js";
import type { Printer } from "./printer-tables.js";
import type { RepresentationPrinter } from "./representation-printer.js";
import { CallExpression, RawText } from "./call-expression.js";
import { callWith, textOf } from "./python-access.js";

/** `obj.__class__.__name__`. */
function className(value: PyObject): string {
  const klass = getAttrString(value, "__class__");
  try {
    const nameObject = getAttrString(klass, "__name__");
    const name = textOf(nameObject);
    decref(nameObject);
    if (name === null) throw new Unsupported("IPython display of a collection whose class __name__ is not a str");
    return name;
  } finally {
    decref(klass);
  }
}

/** `p.pretty(cls_ctor(*args, **keywords))` with arguments made by `makeArguments` (new references). */
function showCall(printer: RepresentationPrinter, name: string, args: PyObject[], keywords: [string, PyObject][] = []): void {
  try {
    printer.prettyHelper(new CallExpression(name, args, keywords));
  } finally {
    for (const arg of args) decref(arg);
    for (const [, value] of keywords) decref(value);
  }
}

/** `dict(obj)` / `list(obj)`: new references. */
function convert(type: PyObject, value: PyObject): PyObject {
  return callWith(type, [value]);
}

function attribute(value: PyObject, name: string): PyObject {
  return getAttrString(value, name);
}

function callMethod(value: PyObject, name: string): PyObject {
  const method = getAttrString(value, name);
  try {
    return callWith(method, []);
  } finally {
    decref(method);
  }
}

function cycleCall(printer: RepresentationPrinter, name: string): void {
  printer.prettyHelper(new CallExpression(name, [new RawText("...")]));
}

export const printDefaultdict: Printer = (value, printer, cycle) => {
  const name = className(value);
  if (cycle) return cycleCall(printer, name);
  const factory = attribute(value, "default_factory");
  let copy: PyObject;
  try {
    copy = convert(rt.types.dict, value);
  } catch (error) {
    decref(factory);
    throw error;
  }
  showCall(printer, name, [factory, copy]);
};

export const printOrderedDict: Printer = (value, printer, cycle) => {
  const name = className(value);
  if (cycle) return cycleCall(printer, name);
  if (length(value) === 0) return showCall(printer, name, []);
  const items = callMethod(value, "items");
  let list: PyObject;
  try {
    list = convert(rt.types.list, items);
  } finally {
    decref(items);
  }
  showCall(printer, name, [list]);
};

export const printDeque: Printer = (value, printer, cycle) => {
  const name = className(value);
  if (cycle) return cycleCall(printer, name);
  const maxlen = attribute(value, "maxlen");
  if (maxlen === rt.None) {
    decref(maxlen);
    return showCall(printer, name, [convert(rt.types.list, value)]);
  }
  let list: PyObject;
  try {
    list = convert(rt.types.list, value);
  } catch (error) {
    decref(maxlen);
    throw error;
  }
  showCall(printer, name, [list], [["maxlen", maxlen]]);
};

export const printCounter: Printer = (value, printer, cycle) => {
  const name = className(value);
  if (cycle) return cycleCall(printer, name);
  if (length(value) === 0) return showCall(printer, name, []);
  showCall(printer, name, [convert(rt.types.dict, value)]);
};

export const printUserList: Printer = (value, printer, cycle) => {
  const name = className(value);
  if (cycle) return cycleCall(printer, name);
  showCall(printer, name, [attribute(value, "data")]);
};
