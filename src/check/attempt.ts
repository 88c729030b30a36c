// Runs one comparison against the lesson's identity ledger and says why it did not match.
import { RecordingBinder, type IdentityLedger, type IdentityViolation } from "./identity.js";
import { DEFAULT_MATCH_STEPS, MatchBudget, MatchBudgetExceeded } from "./line-matcher.js";
import type { Comparison } from "./match.js";

export type AttemptOutcome =
  | { readonly kind: "match" }
  /** The text lines up, but an address broke an identity binding. */
  | { readonly kind: "identity"; readonly violation: IdentityViolation }
  /** The text itself differs. */
  | { readonly kind: "text" }
  /** The comparison could not be made (invalid regex, hopelessly ambiguous pattern). */
  | { readonly kind: "problem"; readonly message: string };

/**
 * On a match the new bindings stay in the ledger (uncommitted until the cell is done); on any
 * other outcome the ledger is as it was before.
 */
export function attemptComparison(comparison: Comparison, ledger: IdentityLedger, steps = DEFAULT_MATCH_STEPS): AttemptOutcome {
  if (comparison.problem) return { kind: "problem", message: comparison.problem };
  const start = ledger.mark();
  try {
    if (comparison.match(ledger, new MatchBudget(steps))) return { kind: "match" };
    ledger.rollback(start);
    // Match again with identity switched off: if the text lines up, replaying that alignment
    // on the ledger finds the binding that broke.
    const recorder = new RecordingBinder();
    if (!comparison.match(recorder, new MatchBudget(steps))) return { kind: "text" };
    for (const pair of recorder.pairs) {
      const violation = ledger.bind(pair.expected, pair.actual, pair.expectedLine);
      if (violation) {
        ledger.rollback(start);
        return { kind: "identity", violation };
      }
    }
    ledger.rollback(start);
    return { kind: "text" };
  } catch (error) {
    ledger.rollback(start);
    // A pattern whose backtracking runs away, or recursion too deep for the stack.
    if (error instanceof MatchBudgetExceeded || error instanceof RangeError) {
      return { kind: "problem", message: `the expected output is too ambiguous to match (over ${steps} steps)` };
    }
    throw error;
  }
}
