// match=unordered: the same multiset of lines, in any order (sets, dicts, threads printing).
//
// Lines without addresses are compared as a multiset of strings. Lines with addresses are
// grouped by shape (the line with its addresses blanked) and each group is assigned by
// backtracking, so identity still holds whichever order the lines come in.
import type { Binder } from "./identity.js";
import { matchLine, type MatchBudget } from "./line-matcher.js";
import { actualShapeOf, shapeOf, type ActualLine, type LinePattern } from "./line-pattern.js";

export function matchUnordered(
  patterns: readonly LinePattern[],
  actuals: readonly ActualLine[],
  binder: Binder,
  budget: MatchBudget,
): boolean {
  if (patterns.length !== actuals.length) return false;
  const expectedGroups = groupBy(patterns, shapeOf);
  const actualGroups = groupBy(actuals, actualShapeOf);
  if (expectedGroups.size !== actualGroups.size) return false;
  for (const [shape, group] of expectedGroups) {
    if (actualGroups.get(shape)?.length !== group.length) return false;
  }
  const start = binder.mark();
  for (const [shape, group] of expectedGroups) {
    if (!group[0]!.hasAddresses) continue; // equal shapes without addresses are equal lines
    if (!assignGroup(group, actualGroups.get(shape)!, binder, budget)) {
      binder.rollback(start);
      return false;
    }
  }
  return true;
}

function assignGroup(
  patterns: readonly LinePattern[],
  actuals: readonly ActualLine[],
  binder: Binder,
  budget: MatchBudget,
): boolean {
  const used = new Array<boolean>(actuals.length).fill(false);
  const context = { binder, budget };
  const assign = (patternIndex: number): boolean => {
    if (patternIndex === patterns.length) return true;
    for (let actualIndex = 0; actualIndex < actuals.length; actualIndex++) {
      if (used[actualIndex]) continue;
      used[actualIndex] = true;
      if (matchLine(patterns[patternIndex]!, actuals[actualIndex]!, context, () => assign(patternIndex + 1))) {
        return true;
      }
      used[actualIndex] = false;
    }
    return false;
  };
  return assign(0);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
