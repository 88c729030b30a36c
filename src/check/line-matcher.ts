// Matches one expected line pattern against one actual line, binding addresses as it aligns.
//
// Written in continuation style: `then` is the match of everything after this line, so a
// wildcard that could end at several places tries each until the whole output matches, and an
// address bound on a path that fails later is unbound again (binder mark/rollback).
import type { Binder } from "./identity.js";
import type { ActualLine, LinePattern } from "./line-pattern.js";
import { numbersClose, type Tolerance } from "./numbers.js";

/** Thrown when matching would take unreasonably long (a pathological ellipsis pattern). */
export class MatchBudgetExceeded extends Error {
  override name = "MatchBudgetExceeded";
}

/** Caps the number of matching steps for one comparison. */
export class MatchBudget {
  constructor(private remaining: number) {}

  spend(): void {
    this.remaining -= 1;
    if (this.remaining < 0) throw new MatchBudgetExceeded("too many steps");
  }
}

export const DEFAULT_MATCH_STEPS = 2_000_000;

export interface LineMatchContext {
  readonly binder: Binder;
  readonly budget: MatchBudget;
  readonly tolerance?: Tolerance;
}

export function matchLine(
  pattern: LinePattern,
  actual: ActualLine,
  context: LineMatchContext,
  then: () => boolean,
): boolean {
  const { elements } = pattern;
  const text = actual.text;
  if (!literalsInOrder(pattern, text)) return false;
  // Without address elements nothing is bound inside this line, so a (element, position) that
  // failed once fails again: remembering it keeps wildcard matching polynomial.
  const failed = pattern.hasAddresses ? undefined : new Set<number>();

  const step = (elementIndex: number, position: number): boolean => {
    const key = elementIndex * (text.length + 1) + position;
    if (failed?.has(key)) return false;
    const matched = tryStep(elementIndex, position);
    if (!matched) failed?.add(key);
    return matched;
  };

  const tryStep = (elementIndex: number, position: number): boolean => {
    context.budget.spend();
    if (elementIndex === elements.length) return position === text.length && then();
    const element = elements[elementIndex]!;
    switch (element.kind) {
      case "literal":
        return text.startsWith(element.text, position) && step(elementIndex + 1, position + element.text.length);
      case "number": {
        const token = actual.numbersAt.get(position);
        if (!token || !numbersClose(element.token, token, context.tolerance ?? { rel: 0, abs: 0 })) return false;
        return step(elementIndex + 1, token.end);
      }
      case "address": {
        const token = actual.addressesAt.get(position);
        if (!token || token.form !== element.token.form) return false;
        const mark = context.binder.mark();
        const violation = context.binder.bind(element.token, token, pattern.source.fileLine);
        if (!violation && step(elementIndex + 1, token.end)) return true;
        context.binder.rollback(mark);
        return false;
      }
      case "wildcard": {
        const next = elements[elementIndex + 1];
        if (next === undefined) {
          // A trailing wildcard takes the rest of the line.
          return step(elementIndex + 1, text.length);
        }
        if (next.kind === "literal") {
          // Only places where the following literal occurs can end the wildcard.
          for (let end = text.indexOf(next.text, position); end !== -1; end = text.indexOf(next.text, end + 1)) {
            if (step(elementIndex + 1, end)) return true;
          }
          return false;
        }
        for (let end = position; end <= text.length; end++) {
          if (step(elementIndex + 1, end)) return true;
        }
        return false;
      }
    }
  };

  return step(0, 0);
}

/** A cheap necessary condition: the pattern's literals occur in the line in order. */
function literalsInOrder(pattern: LinePattern, text: string): boolean {
  let position = 0;
  for (const element of pattern.elements) {
    if (element.kind !== "literal") continue;
    const found = text.indexOf(element.text, position);
    if (found === -1) return false;
    position = found + element.text.length;
  }
  return true;
}
