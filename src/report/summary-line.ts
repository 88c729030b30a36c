// The one-line summary every human-facing reporter ends with.
import { totalCells } from "../check/summary.js";
import type { Summary } from "../check/types.js";

const WORDS: readonly [keyof Summary, string][] = [
  ["fail", "failed"],
  ["drift", "drifted"],
  ["unsupported", "unsupported"],
  ["error", "errors"],
  ["skipped", "skipped"],
];

/** "3 lessons, 12 cells: 10 passed, 1 failed, 1 skipped (sim 3.13, 1.42s)". */
export function formatSummary(summary: Summary, lessonCount: number, engine: string, elapsedMs?: number): string {
  const counts = [`${summary.pass} passed`];
  for (const [status, word] of WORDS) if (summary[status] > 0) counts.push(`${summary[status]} ${word}`);
  const cells = totalCells(summary);
  const timing = elapsedMs === undefined ? "" : `, ${formatDuration(elapsedMs)}`;
  return (
    `${lessonCount} lesson${lessonCount === 1 ? "" : "s"}, ${cells} cell${cells === 1 ? "" : "s"}: ` +
    `${counts.join(", ")} (${engine}${timing})`
  );
}

export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)}ms` : `${(milliseconds / 1000).toFixed(2)}s`;
}
