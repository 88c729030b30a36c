// Small adapters for writing type specs: text-returning reprs, argument checks, conversions.
import type { PyObject } from "./object.js";
import { newStr } from "./types/str.js";
import { typeError } from "./errors.js";
import type { CallArgs } from "./slots.js";

/** A repr/str slot from a function returning JS text. */
export function textSlot(render: (self: PyObject) => string): (self: PyObject) => PyObject {
  return (self) => newStr(render(self));
}

/** Positional arguments only, with CPython's "takes at most N arguments" errors. */
export function positionalArgs(name: string, args: CallArgs, min: number, max: number): readonly PyObject[] {
  if (args.kwnames !== null && args.kwnames.length > 0) throw typeError(`${name}() takes no keyword arguments`);
  const values = args.values;
  if (values.length < min || values.length > max) {
    if (min === max) throw typeError(`${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${values.length} given)`);
    if (values.length > max) throw typeError(`${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${values.length}`);
    throw typeError(`${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${values.length}`);
  }
  return values;
}

/** Splits vectorcall arguments into positional values and a keyword map. */
export function splitArgs(args: CallArgs): { positional: readonly PyObject[]; keywords: Map<string, PyObject> } {
  const kwnames = args.kwnames;
  if (kwnames === null || kwnames.length === 0) return { positional: args.values, keywords: new Map() };
  const count = args.values.length - kwnames.length;
  const keywords = new Map<string, PyObject>();
  kwnames.forEach((name, index) => keywords.set(name, args.values[count + index]!));
  return { positional: args.values.slice(0, count), keywords };
}

/** Hex address as CPython's %p prints it on Linux. */
export function addressText(object: PyObject): string {
  return `0x${object.address.toString(16)}`;
}
