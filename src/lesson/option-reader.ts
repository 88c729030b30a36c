// Shared machinery for reading fence options: a table of known keys, duplicates, quoting errors.
import type { MetaToken } from "./fence-meta.js";
import type { LessonRuleId } from "./messages.js";

/** Reports a problem at an offset of the fence's info string. */
export interface OptionReporter {
  error(infoOffset: number, ruleId: LessonRuleId, reason: string): void;
  warning(infoOffset: number, ruleId: LessonRuleId, reason: string): void;
}

/** Reads one known option; returns an error text for `bad-option-value`, or undefined if fine. */
export type OptionHandler = (token: MetaToken) => string | undefined;

/**
 * Runs each token through the handler registered for its key. Unknown keys, repeated keys and
 * unclosed quotes are reported; every token is still looked at, so all problems are found.
 */
export function readOptions(
  tokens: readonly MetaToken[],
  handlers: ReadonlyMap<string, OptionHandler>,
  fenceKind: string,
  reporter: OptionReporter,
): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.unterminatedQuote) {
      reporter.error(token.offset, "unterminated-quote", `the quoted value of "${token.key}" is never closed`);
    }
    const handler = token.key === undefined ? undefined : handlers.get(token.key);
    if (token.key === undefined || handler === undefined) {
      const known = [...handlers.keys()].join(", ");
      reporter.error(token.offset, "unknown-option", `unknown option "${token.raw}" on a ${fenceKind} fence (known: ${known})`);
      continue;
    }
    if (seen.has(token.key)) {
      reporter.warning(token.offset, "duplicate-option", `option "${token.key}" is given more than once; the last one wins`);
    }
    seen.add(token.key);
    const problem = handler(token);
    if (problem !== undefined) {
      reporter.error(token.valueOffset ?? token.offset, "bad-option-value", problem);
    }
  }
}

/** A flag is written bare (`skip`) or as `skip=true` / `skip=false`. */
export function readFlag(token: MetaToken): { value: boolean } | { error: string } {
  if (token.value === undefined) return { value: true };
  if (token.value === "true") return { value: true };
  if (token.value === "false") return { value: false };
  return { error: `"${token.key}" is a flag: write it alone, or as ${token.key}=true / ${token.key}=false` };
}
