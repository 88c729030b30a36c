// Unified diffs of expected vs actual output, numbered with the lesson file's own lines.
import type { ExpectedLine } from "./line-pattern.js";

export type EditOp =
  | { readonly kind: "equal"; readonly expectedIndex: number; readonly actualIndex: number }
  | { readonly kind: "delete"; readonly expectedIndex: number }
  | { readonly kind: "insert"; readonly actualIndex: number };

/** Above this many line pairs the middle of a diff is shown as replaced wholesale. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * A shortest edit script turning expected into actual, where `equals` decides whether two lines
 * match (so lines differing only by allowed tolerances are context, not changes).
 */
export function diffLines(
  expectedCount: number,
  actualCount: number,
  equals: (expectedIndex: number, actualIndex: number) => boolean,
): EditOp[] {
  let prefix = 0;
  while (prefix < expectedCount && prefix < actualCount && equals(prefix, prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < expectedCount - prefix &&
    suffix < actualCount - prefix &&
    equals(expectedCount - 1 - suffix, actualCount - 1 - suffix)
  ) {
    suffix++;
  }
  const ops: EditOp[] = [];
  for (let index = 0; index < prefix; index++) ops.push({ kind: "equal", expectedIndex: index, actualIndex: index });
  ops.push(...middleOps(prefix, expectedCount - suffix, prefix, actualCount - suffix, equals));
  for (let offset = suffix; offset > 0; offset--) {
    ops.push({ kind: "equal", expectedIndex: expectedCount - offset, actualIndex: actualCount - offset });
  }
  return ops;
}

/** Longest-common-subsequence alignment of expected[eStart, eEnd) with actual[aStart, aEnd). */
function middleOps(
  expectedStart: number,
  expectedEnd: number,
  actualStart: number,
  actualEnd: number,
  equals: (expectedIndex: number, actualIndex: number) => boolean,
): EditOp[] {
  const rows = expectedEnd - expectedStart;
  const columns = actualEnd - actualStart;
  const ops: EditOp[] = [];
  if (rows * columns > MAX_DIFF_CELLS || rows === 0 || columns === 0) {
    for (let index = expectedStart; index < expectedEnd; index++) ops.push({ kind: "delete", expectedIndex: index });
    for (let index = actualStart; index < actualEnd; index++) ops.push({ kind: "insert", actualIndex: index });
    return ops;
  }
  // lengths[row][column]: LCS length of expected[row..] and actual[column..], flattened.
  const width = columns + 1;
  const lengths = new Uint32Array((rows + 1) * width);
  for (let row = rows - 1; row >= 0; row--) {
    for (let column = columns - 1; column >= 0; column--) {
      lengths[row * width + column] = equals(expectedStart + row, actualStart + column)
        ? lengths[(row + 1) * width + column + 1]! + 1
        : Math.max(lengths[(row + 1) * width + column]!, lengths[row * width + column + 1]!);
    }
  }
  let row = 0;
  let column = 0;
  while (row < rows && column < columns) {
    if (equals(expectedStart + row, actualStart + column) && lengths[row * width + column] === lengths[(row + 1) * width + column + 1]! + 1) {
      ops.push({ kind: "equal", expectedIndex: expectedStart + row, actualIndex: actualStart + column });
      row++;
      column++;
    } else if (lengths[(row + 1) * width + column]! >= lengths[row * width + column + 1]!) {
      ops.push({ kind: "delete", expectedIndex: expectedStart + row });
      row++;
    } else {
      ops.push({ kind: "insert", actualIndex: actualStart + column });
      column++;
    }
  }
  for (; row < rows; row++) ops.push({ kind: "delete", expectedIndex: expectedStart + row });
  for (; column < columns; column++) ops.push({ kind: "insert", actualIndex: actualStart + column });
  return ops;
}

export interface DiffHeader {
  /** The lesson file, as the user gave it. */
  readonly file: string;
  /** 1-based line of the expected output fence (or, with no fence, of the code fence's end). */
  readonly fenceLine: number;
  /** Extra words for the expected side, e.g. `python=">=3.12"`. */
  readonly expectedNote?: string;
  /** Which engine produced the actual side, e.g. "sim 3.13". */
  readonly actualLabel: string;
}

const CONTEXT_LINES = 3;

/**
 * A unified diff: expected lines numbered as in the lesson file, actual lines from 1. When the
 * script has no change (the failure is elsewhere, e.g. a missing exception) every line is shown
 * as context so the reader still sees what was compared.
 */
export function formatUnifiedDiff(
  expected: readonly ExpectedLine[],
  actual: readonly string[],
  ops: readonly EditOp[],
  header: DiffHeader,
): string {
  const note = header.expectedNote ? `, ${header.expectedNote}` : "";
  const lines = [`--- ${header.file}:${header.fenceLine} (expected${note})`, `+++ actual (${header.actualLabel})`];
  const changedIndices = ops.flatMap((op, index) => (op.kind === "equal" ? [] : [index]));
  const hunks: [number, number][] = [];
  if (changedIndices.length === 0) {
    hunks.push([0, ops.length]);
  } else {
    // Changes closer than twice the context share one hunk.
    let groupStart = changedIndices[0]!;
    let groupEnd = groupStart;
    const close = (): void => {
      hunks.push([Math.max(0, groupStart - CONTEXT_LINES), Math.min(ops.length, groupEnd + 1 + CONTEXT_LINES)]);
    };
    for (const index of changedIndices.slice(1)) {
      if (index - groupEnd - 1 <= 2 * CONTEXT_LINES) {
        groupEnd = index;
      } else {
        close();
        groupStart = index;
        groupEnd = index;
      }
    }
    close();
  }
  for (const [start, end] of hunks) lines.push(...formatHunk(ops.slice(start, end), ops.slice(0, start), expected, actual, header));
  return `${lines.join("\n")}\n`;
}

function formatHunk(
  hunk: readonly EditOp[],
  before: readonly EditOp[],
  expected: readonly ExpectedLine[],
  actual: readonly string[],
  header: DiffHeader,
): string[] {
  const expectedIndices = hunk.flatMap((op) => (op.kind === "insert" ? [] : [op.expectedIndex]));
  const actualIndices = hunk.flatMap((op) => (op.kind === "delete" ? [] : [op.actualIndex]));
  const expectedBefore = before.filter((op) => op.kind !== "insert").length;
  const actualBefore = before.filter((op) => op.kind !== "delete").length;
  const firstExpected = expectedIndices[0];
  // With no expected line in the hunk, unified diffs name the line before the insertion.
  const expectedStart =
    firstExpected !== undefined
      ? expected[firstExpected]!.fileLine
      : expectedBefore > 0
        ? expected[expectedBefore - 1]!.fileLine
        : header.fenceLine;
  const actualStart = actualIndices.length > 0 ? actualIndices[0]! + 1 : actualBefore;
  const lines = [`@@ -${expectedStart},${expectedIndices.length} +${actualStart},${actualIndices.length} @@`];
  for (const op of hunk) {
    if (op.kind === "equal") lines.push(` ${expected[op.expectedIndex]!.text}`);
    else if (op.kind === "delete") lines.push(`-${expected[op.expectedIndex]!.text}`);
    else lines.push(`+${actual[op.actualIndex]}`);
  }
  return lines;
}
