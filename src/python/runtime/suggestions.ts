// "Did you mean: 'x'?" on NameError and AttributeError lines (3.10+), from the closest name.
import type { PyObject } from "./object.js";
import { rt } from "./state.js";
import { PyBaseException, exceptionAttribute } from "./types/exceptions.js";
import { PyStr } from "./types/str.js";
import { dictForEach, type PyDict } from "./types/dict.js";
import { PyType } from "./type.js";
import { PyModule } from "./types/module.js";

/** CPython's Levenshtein-based suggestion limit (suggestions.c): cost ≤ (len+3)*2/6 moves. */
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

function levenshtein(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j * MOVE_COST;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i * MOVE_COST;
    let rowMinimum = previous[0]!;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = Math.min(diagonal + substitutionCost(a[i - 1]!, b[j - 1]!), above + MOVE_COST, previous[j - 1]! + MOVE_COST);
      previous[j] = cost;
      diagonal = above;
      if (cost < rowMinimum) rowMinimum = cost;
    }
    if (rowMinimum > maxCost) return maxCost + 1;
  }
  return previous[b.length]!;
}

function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestCost = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const maxCost = Math.floor(((Math.max(candidate.length, name.length) + 3) * MOVE_COST) / 6);
    const cost = levenshtein(name, candidate, maxCost);
    if (cost <= maxCost && cost < bestCost) {
      best = candidate;
      bestCost = cost;
    }
  }
  return best;
}

function dictNames(dict: PyDict, into: Set<string>): void {
  dictForEach(dict, (key) => {
    if (key instanceof PyStr) into.add(key.value);
  });
}

/** The suggestion CPython 3.10+ adds to the exception's last traceback line, if any. */
export function suggestionFor(exception: PyObject): string | null {
  if (rt.profile.minor < 10 || !(exception instanceof PyBaseException)) return null;
  const nameObject = exceptionAttribute(exception, "name");
  if (!(nameObject instanceof PyStr)) return null;
  const name = nameObject.value;
  const candidates = new Set<string>();
  if (exception.type.isSubtypeOf(rt.exc.AttributeError)) {
    const target = exceptionAttribute(exception, "obj");
    if (target === null) return null;
    if (target instanceof PyModule) dictNames(target.dict, candidates);
    const table = target.attributes?.slot.dict;
    if (table) for (const key of table.keysInOrder()) if (key instanceof PyStr) candidates.add(key.value);
    const type = target instanceof PyType ? target : target.type;
    for (const base of type.mro) for (const key of base.namespace.keys()) candidates.add(key);
    return closest(name, candidates);
  }
  if (exception.type.isSubtypeOf(rt.exc.NameError)) {
    if (rt.currentGlobals !== null) dictNames(rt.currentGlobals, candidates);
    dictNames(rt.builtins.dict, candidates);
    return closest(name, candidates);
  }
  return null;
}
