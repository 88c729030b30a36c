// The sentence that tells where an output first differs, for a fail's message.
import type { EditOp } from "./diff.js";
import type { ExpectedLine } from "./line-pattern.js";

const MAX_QUOTED = 80;

/** `"text"` with long lines cut, so a message stays one readable line. */
export function quote(text: string): string {
  const shown = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
  return JSON.stringify(shown);
}

/**
 * "line 17: expected "3", got "4"" for the first change of an edit script; undefined when the
 * script has no change.
 */
export function describeFirstDifference(
  ops: readonly EditOp[],
  expected: readonly ExpectedLine[],
  actual: readonly string[],
  fenceLine: number,
): string | undefined {
  const first = ops.findIndex((op) => op.kind !== "equal");
  if (first === -1) return undefined;
  const op = ops[first]!;
  if (op.kind === "delete") {
    // A replaced block is a run of deletes then a run of inserts: pair the first of each.
    let next = first;
    while (ops[next]?.kind === "delete") next++;
    const replacement = ops[next];
    const line = expected[op.expectedIndex]!;
    const got = replacement?.kind === "insert" ? quote(actual[replacement.actualIndex]!) : "nothing";
    return `line ${line.fileLine}: expected ${quote(line.text)}, got ${got}`;
  }
  if (op.kind === "insert") {
    let place = `at line ${fenceLine}`;
    for (const previous of ops.slice(0, first)) {
      if (previous.kind !== "insert") place = `after line ${expected[previous.expectedIndex]!.fileLine}`;
    }
    if (first === 0 && expected.length > 0) place = `before line ${expected[0]!.fileLine}`;
    return `unexpected output ${place}: ${quote(actual[op.actualIndex]!)}`;
  }
  return undefined;
}
