// "Did you mean: 'x'?" and "Did you forget to import 'x'?" on NameError and AttributeError lines,
// as the display that shows the exception computes them (which differs per version).
//
// Two displays matter. `python -i` prints with the C display (PyErr_Display): suggestions from
// 3.10, computed by Python/suggestions.c. IPython prints with the traceback module: nothing
// before 3.12 (TracebackException had no suggestions), then traceback.py's own search on 3.12
// (which never accepts a distance of len(name) or more) and the C search again on 3.13+
// (traceback imports _suggestions).
import type { PyObject } from "./object.js";
import { rt } from "./state.js";
import { PyBaseException, exceptionAttribute } from "./types/exceptions.js";
import { PyStr, internName } from "./types/str.js";
import { dictForEach, dictGetItem, type PyDict } from "./types/dict.js";
import { PyType } from "./type.js";
import { PyModule } from "./types/module.js";
import type { PyFrame } from "./types/frame.js";
import { PyCell } from "./types/cell.js";
import { lookupAttr } from "./abstract/attributes.js";
import { decref } from "./object.js";
import { stdlibModuleNames } from "../modules/stdlib-names.js";
import { attributesOf } from "./instance-attributes.js";

/** Which display formats the exception: IPython's (traceback module) or `python -i`'s (C). */
export type DisplayStyle = "ipython" | "repl";

/** suggestions.c / traceback.py constants. */
const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_STRING_SIZE = 40;
const MAX_CANDIDATE_ITEMS = 750;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

/** levenshtein_distance: common affixes trimmed first; more than maxCost is reported as maxCost + 1. */
function levenshtein(whole: string, other: string, maxCost: number): number {
  if (whole === other) return 0;
  let a = [...whole];
  let b = [...other];
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  a = a.slice(prefix);
  b = b.slice(prefix);
  let suffix = 0;
  while (suffix < a.length && suffix < b.length && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  a = a.slice(0, a.length - suffix);
  b = b.slice(0, b.length - suffix);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) row[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let bIndex = 0; bIndex < b.length; bIndex++) {
    const code = b[bIndex]!;
    let distance = bIndex * MOVE_COST;
    result = distance;
    let minimum = Infinity;
    for (let index = 0; index < a.length; index++) {
      const substitute = distance + substitutionCost(code, a[index]!);
      distance = row[index]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/**
 * The closest candidate: suggestions.c's _Py_CalculateSuggestions, or (cappedByLength) 3.12's
 * traceback.py, whose best distance starts at len(name).
 */
function closest(name: string, candidates: readonly string[], cappedByLength: boolean): string | null {
  if (cappedByLength ? candidates.length > MAX_CANDIDATE_ITEMS : candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameLength = [...name].length;
  if (cappedByLength && nameLength > MAX_STRING_SIZE) return null;
  let best: string | null = null;
  let bestDistance = cappedByLength ? nameLength : Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const maxDistance = Math.min(Math.floor(((nameLength + [...candidate].length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const distance = levenshtein(name, candidate, maxDistance);
    if (distance > maxDistance) continue;
    if (best === null || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function dictKeys(dict: PyObject | null): string[] {
  const keys: string[] = [];
  if (dict === null) return keys;
  dictForEach(dict as PyDict, (key) => {
    if (key instanceof PyStr) keys.push(key.value);
  });
  return keys;
}

/** The frame the exception was raised in (its innermost traceback entry), or null. */
function innermostFrame(exception: PyBaseException): PyFrame | null {
  let entry = exception.tracebackObject;
  if (entry === null) return null;
  while (entry.next !== null) entry = entry.next;
  return entry.frame;
}

/** frame.f_locals as names, in order: a namespace's keys or the bound fast locals. */
function localNames(frame: PyFrame): string[] {
  if (frame.namespace !== null) return dictKeys(frame.namespace);
  const names: string[] = [];
  frame.localNames.forEach((name, index) => {
    const value = frame.localValues[index] ?? null;
    const bound = value instanceof PyCell ? value.contents : value;
    if (bound !== null) names.push(name);
  });
  return names;
}

/** The value of local `name` in the frame (borrowed), or null. */
function localValue(frame: PyFrame, name: string): PyObject | null {
  if (frame.namespace !== null) {
    const key = internName(name);
    try {
      return dictGetItem(frame.namespace as PyDict, key);
    } finally {
      decref(key);
    }
  }
  const index = frame.localNames.indexOf(name);
  if (index < 0) return null;
  const value = frame.localValues[index] ?? null;
  return value instanceof PyCell ? value.contents : value;
}

/** hasattr(self, name) for the "Did you mean: 'self.x'?" hint (3.12+); errors count as no. */
function instanceHas(self: PyObject, name: PyStr): boolean {
  try {
    const value = lookupAttr(self, name);
    if (value === null) return false;
    decref(value);
    return true;
  } catch {
    return false;
  }
}

function selfAttributeHint(frame: PyFrame, name: PyStr): string | null {
  if (rt.profile.minor < 12) return null;
  const self = localValue(frame, "self");
  return self !== null && instanceHas(self, name) ? `self.${name.value}` : null;
}

/** What the display appends to "NameError: name 'x' is not defined", or "". */
function nameErrorSuffix(exception: PyBaseException, nameObject: PyStr, style: DisplayStyle): string {
  const name = nameObject.value;
  const minor = rt.profile.minor;
  const frame = innermostFrame(exception);
  let suggestion: string | null = null;
  if (frame !== null) {
    const globals = dictKeys(frame.globals ?? rt.currentGlobals);
    const builtins = dictKeys(rt.builtins.dict);
    if (style === "repl") {
      // offer_suggestions_for_name_error: co_varnames, then globals, then builtins, one at a time.
      suggestion = closest(name, frame.code.info.varnames, false) ?? selfAttributeHint(frame, nameObject) ?? closest(name, globals, false) ?? closest(name, builtins, false);
    } else {
      suggestion = selfAttributeHint(frame, nameObject) ?? closest(name, [...localNames(frame), ...globals, ...builtins], minor === 12);
    }
  }
  let suffix = suggestion === null ? "" : `. Did you mean: '${suggestion}'?`;
  if (minor >= 12 && stdlibModuleNames(rt.profile.key).has(name)) {
    // 3.12's traceback.py forgot the question mark; the C display and 3.13 have it.
    const mark = style === "ipython" && minor === 12 ? "" : "?";
    suffix += suggestion === null ? `. Did you forget to import '${name}'${mark}` : ` Or did you forget to import '${name}'${mark}`;
  }
  return suffix;
}

/** dir(obj)'s names for an AttributeError suggestion (sorted, as dir() returns them). */
function attributeCandidates(target: PyObject): string[] {
  const names = new Set<string>();
  if (target instanceof PyModule) for (const key of dictKeys(target.dict)) names.add(key);
  const table = attributesOf(target)?.dict;
  if (table) for (const key of table.keysInOrder()) if (key instanceof PyStr) names.add(key.value);
  const type = target instanceof PyType ? target : target.type;
  for (const base of type.mro) for (const key of base.namespace.keys()) names.add(key);
  return [...names].sort();
}

function attributeErrorSuffix(exception: PyBaseException, name: string, style: DisplayStyle): string {
  const target = exceptionAttribute(exception, "obj");
  if (target === null) return "";
  let candidates = attributeCandidates(target);
  if (style === "ipython" && rt.profile.minor >= 13 && !name.startsWith("_")) {
    // 3.13's traceback hides private names unless the error is about `self` in its own method.
    const frame = innermostFrame(exception);
    const isOwnSelf = frame !== null && localValue(frame, "self") === target;
    if (!isOwnSelf) candidates = candidates.filter((candidate) => !candidate.startsWith("_"));
  }
  const suggestion = closest(name, candidates, style === "ipython" && rt.profile.minor === 12);
  return suggestion === null ? "" : `. Did you mean: '${suggestion}'?`;
}

/** What the display appends to the exception's last traceback line ("" when nothing). */
export function suggestionSuffix(exception: PyObject, style: DisplayStyle): string {
  const minor = rt.profile.minor;
  if (minor < 10 || (style === "ipython" && minor < 12) || !(exception instanceof PyBaseException)) return "";
  const nameObject = exceptionAttribute(exception, "name");
  if (!(nameObject instanceof PyStr)) return "";
  if (exception.type.isSubtypeOf(rt.exc.AttributeError)) return attributeErrorSuffix(exception, nameObject.value, style);
  if (exception.type.isSubtypeOf(rt.exc.NameError)) return nameErrorSuffix(exception, nameObject, style);
  return "";
}
