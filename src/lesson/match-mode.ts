// Reads and writes `match=` values: exact, ellipsis, regex, any, unordered, number(rel=…, abs=…).
import type { MatchMode } from "./types.js";

/** Tolerances of a bare `match=number`. */
export const DEFAULT_NUMBER_TOLERANCE = { rel: 1e-6, abs: 0 } as const;

const SIMPLE_MODES: ReadonlyMap<string, MatchMode> = new Map<string, MatchMode>([
  ["exact", { kind: "exact" }],
  ["ellipsis", { kind: "ellipsis" }],
  ["regex", { kind: "regex" }],
  ["any", { kind: "any" }],
  ["unordered", { kind: "unordered" }],
]);

export type MatchModeResult = { readonly mode: MatchMode } | { readonly error: string };

/** Parses a `match=` value; the error says what is wrong, for a `bad-option-value` message. */
export function parseMatchMode(text: string): MatchModeResult {
  const value = text.trim();
  const simple = SIMPLE_MODES.get(value);
  if (simple) return { mode: simple };
  const number = /^number\s*(?:\((.*)\))?$/s.exec(value);
  if (!number) {
    return { error: `unknown match mode "${value}" (expected exact, ellipsis, regex, any, unordered or number(rel=…, abs=…))` };
  }
  let rel: number = DEFAULT_NUMBER_TOLERANCE.rel;
  let abs: number = DEFAULT_NUMBER_TOLERANCE.abs;
  const argumentsText = number[1]?.trim() ?? "";
  if (argumentsText !== "") {
    for (const argument of argumentsText.split(",")) {
      const pair = /^\s*(rel|abs)\s*=\s*(\S+?)\s*$/.exec(argument);
      const amount = pair ? Number(pair[2]) : Number.NaN;
      if (!pair || !Number.isFinite(amount) || amount < 0) {
        return { error: `bad number tolerance "${argument.trim()}" in "${value}" (expected rel=<number ≥ 0> or abs=<number ≥ 0>)` };
      }
      if (pair[1] === "rel") rel = amount;
      else abs = amount;
    }
  }
  return { mode: { kind: "number", rel, abs } };
}

/** The text of a match mode as it is written in a fence (the inverse of parseMatchMode). */
export function formatMatchMode(mode: MatchMode): string {
  if (mode.kind !== "number") return mode.kind;
  if (mode.rel === DEFAULT_NUMBER_TOLERANCE.rel && mode.abs === DEFAULT_NUMBER_TOLERANCE.abs) return "number";
  return `number(rel=${mode.rel},abs=${mode.abs})`;
}
