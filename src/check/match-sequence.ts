// Line-by-line matching in order: match=exact, match=ellipsis (with `...` lines) and match=number.
import type { Binder } from "./identity.js";
import { matchLine, type MatchBudget } from "./line-matcher.js";
import type { ActualLine, LinePattern } from "./line-pattern.js";
import type { Tolerance } from "./numbers.js";

export function matchSequence(
  patterns: readonly LinePattern[],
  actuals: readonly ActualLine[],
  binder: Binder,
  budget: MatchBudget,
  tolerance?: Tolerance,
): boolean {
  const context = tolerance ? { binder, budget, tolerance } : { binder, budget };
  const hasWildcards = patterns.some((pattern) => pattern.hasWildcards);
  if (!hasWildcards) {
    // Each line then has at most one alignment: match line after line, no deep recursion.
    if (patterns.length !== actuals.length) return false;
    const start = binder.mark();
    for (let index = 0; index < patterns.length; index++) {
      if (!matchLine(patterns[index]!, actuals[index]!, context, () => true)) {
        binder.rollback(start);
        return false;
      }
    }
    return true;
  }

  const minimumLines = patterns.filter((pattern) => !pattern.lineWildcard).length;
  if (minimumLines > actuals.length) return false;
  // Recursion happens only where a choice must be kept open: at `...` lines, and at lines
  // whose in-line wildcards could bind addresses in more than one way. Other lines have one
  // outcome and are walked in a loop, so long outputs do not deepen the stack.
  const from = (startPattern: number, startActual: number): boolean => {
    const entry = binder.mark();
    const fail = (): boolean => {
      binder.rollback(entry);
      return false;
    };
    let patternIndex = startPattern;
    let actualIndex = startActual;
    while (patternIndex < patterns.length) {
      budget.spend();
      const pattern = patterns[patternIndex]!;
      if (pattern.lineWildcard) {
        for (let end = actualIndex; end <= actuals.length; end++) {
          if (from(patternIndex + 1, end)) return true;
        }
        return fail();
      }
      const actual = actuals[actualIndex];
      if (actual === undefined) return fail();
      if (pattern.hasWildcards && pattern.hasAddresses) {
        const rest = patternIndex + 1;
        const next = actualIndex + 1;
        return matchLine(pattern, actual, context, () => from(rest, next)) || fail();
      }
      if (!matchLine(pattern, actual, context, () => true)) return fail();
      patternIndex++;
      actualIndex++;
    }
    return actualIndex === actuals.length || fail();
  };
  return from(0, 0);
}
