// Whether a class call came through tp_call (type.__call__(cls, ...)) rather than the class's
// vectorcall: 3.13's int and str check their argument count in the vectorcall, with other wording.
import { rt } from "../state.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { typeError } from "../errors.js";
import { strRules } from "./str-version-rules.js";

let throughTpCall = false;

/** Runs `call` (the class's tp_call) marked as reached through type.__call__. */
export function callThroughTpCall<T>(call: () => T): T {
  throughTpCall = true;
  try {
    return call();
  } finally {
    throughTpCall = false;
  }
}

/** At the start of a class call: whether it came through tp_call (the mark is used up). */
export function takeTpCallMark(): boolean {
  const marked = throughTpCall;
  throughTpCall = false;
  return marked;
}

/**
 * 3.13+: the vectorcalls of int and str (long_vectorcall, unicode_vectorcall) reject too many
 * positional arguments before tp_new does; keywords send int's call to tp_call instead.
 */
export function checkVectorcallArguments(type: PyType, args: CallArgs): void {
  if (rt.profile.minor < 13 || args.kwnames !== null) return;
  const count = args.values.length;
  if (type === rt.types.int && count > 2) throw typeError(`int expected at most 2 arguments, got ${count}`);
  if (type === rt.types.str && strRules().strConstructorVectorcall && count > 3) throw typeError(`str expected at most 3 arguments, got ${count}`);
}
