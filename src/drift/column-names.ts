// Naming sets of columns compactly: "3.6–3.11, sim 3.12–3.14".
import type { DriftColumn } from "./types.js";

/** Consecutive columns of one kind collapse into "first–last". */
export function describeColumns(columns: readonly DriftColumn[], members: readonly number[]): string {
  const sorted = [...members].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (
      end + 1 < sorted.length &&
      sorted[end + 1] === sorted[end]! + 1 &&
      columns[sorted[end + 1]!]!.kind === columns[sorted[start]!]!.kind
    ) {
      end += 1;
    }
    const first = columns[sorted[start]!]!;
    const last = columns[sorted[end]!]!;
    if (start === end) parts.push(first.label);
    else if (first.kind === "sim") parts.push(`sim ${first.minor}–${last.minor}`);
    else parts.push(`${first.label}–${last.label}`);
    start = end + 1;
  }
  return parts.join(", ");
}
