// Building blocks of the str and bytes method tables: declared conventions and argument checks.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { MethodDef, Binding } from "../method-def.js";
import type { CallArgs } from "../slots.js";
import { typeError } from "../errors.js";
import { parseArguments, type ConventionHistory, type Convention } from "./str-arguments.js";
import { PyStr } from "./str.js";

export const NOARGS: ConventionHistory = [[6, { kind: "noargs" }]];
export const ONE: ConventionHistory = [[6, { kind: "one" }]];

/** A METH_VARARGS method until `untilMinor`, Argument Clinic positional-only from then on. */
export function varargsThenPositional(min: number, max: number, untilMinor: number): ConventionHistory {
  return [
    [6, { kind: "varargs", min, max }],
    [untilMinor, { kind: "positional", min, max }],
  ];
}

export function keywords(names: readonly string[], min = 0): ConventionHistory {
  return [[6, { kind: "keywords", names, min }]];
}

export function conventions(...entries: (readonly [number, Convention])[]): ConventionHistory {
  return entries;
}

/** Declared method: `impl` receives one slot per parameter (undefined when not given). */
export interface MethodSpec {
  readonly name: string;
  readonly history: ConventionHistory;
  /** First minor version that has the method (CPython adds methods over time). */
  readonly since?: number;
  readonly binding?: Binding;
  readonly impl: (self: PyObject, args: readonly (PyObject | undefined)[], call: CallArgs) => PyObject;
}

/** The MethodDefs of `owner` that exist in the active profile's version. */
export function methodDefs(owner: string, specs: readonly MethodSpec[]): MethodDef[] {
  const minor = rt.profile.minor;
  return specs
    .filter((spec) => (spec.since ?? 6) <= minor)
    .map((spec) => {
      const signature = { name: spec.name, owner, history: spec.history };
      const def: MethodDef = {
        name: spec.name,
        kind: "keywords",
        impl: (self, args) => spec.impl(self, parseArguments(signature, args), args),
        ...(spec.binding === undefined ? {} : { binding: spec.binding }),
      };
      return def;
    });
}

/** A str argument's text, or the TypeError CPython's converters raise ("must be str, not int"). */
export function requireStr(value: PyObject, message: (typeName: string) => string): PyStr {
  if (!(value instanceof PyStr)) throw typeError(message(value.type.name));
  return value;
}
