// `drift --reporter pretty`: simulator-vs-real first, then the matrix, fitted to 80 columns.
//
//                   python                        sim
//   line cell        6  7  8  9 10 11 12 13        6  7  8  9 10 11 12 13 14 class
//   lessons/refcounts.md
//     12 cell 1      .  .  .  .  .  .  D  D        .  .  .  .  .  .  D  D  D drift
import type { CellStatus } from "../check/types.js";
import { paletteFor, type Palette } from "../report/colors.js";
import { describeColumns } from "./column-names.js";
import { firstDifferingLine, lineAt } from "./first-difference.js";
import type { DriftColumn, DriftEntry, DriftReport, DriftRow, RowClass } from "./types.js";

export interface DriftPrettyOptions {
  /** Terminal width (default 80). */
  readonly width?: number;
  readonly color?: boolean;
}

const STATUS_SYMBOLS = new Map<CellStatus, string>([
  ["pass", "."],
  ["fail", "F"],
  ["drift", "D"],
  ["unsupported", "U"],
  ["error", "E"],
  ["skipped", "-"],
]);

const CLASS_WIDTH = 7;
const GROUP_GAP = 2;
const MIN_LABEL_WIDTH = 12;

interface Layout {
  readonly width: number;
  readonly labelWidth: number;
  readonly entryWidth: number;
  /** Index of the first simulator column (the gap goes before it), or -1. */
  readonly firstSim: number;
}

function rowLabel(row: DriftRow): string {
  return `  ${row.line} cell ${row.index}`;
}

/** Labels as wide as the longest needs (within what the width leaves), entries 3 wide if they fit. */
function layoutFor(report: DriftReport, width: number): Layout {
  const { columns } = report;
  const firstSim = columns.findIndex((column) => column.kind === "sim");
  const gap = firstSim > 0 ? GROUP_GAP : 0;
  const room = (entryWidth: number): number => width - columns.length * entryWidth - gap - CLASS_WIDTH;
  const entryWidth = room(3) >= MIN_LABEL_WIDTH ? 3 : 2;
  const wanted = Math.max(MIN_LABEL_WIDTH, ...report.rows.map((row) => rowLabel(row).length + 1));
  return { width, labelWidth: Math.max(MIN_LABEL_WIDTH, Math.min(wanted, room(entryWidth))), entryWidth, firstSim };
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Paths keep their end (the file name) when cut. */
function fitPath(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

function classColor(palette: Palette, classification: RowClass): (text: string) => string {
  switch (classification) {
    case "broken":
      return palette.red;
    case "flaky":
      return palette.yellow;
    case "sim":
      return palette.magenta;
    case "drift":
      return palette.cyan;
  }
}

function entryText(entry: DriftEntry | null, entryWidth: number): string {
  if (entry === null) return " ".repeat(entryWidth);
  const symbol = STATUS_SYMBOLS.get(entry.status) ?? "?";
  // Two characters fit a flaky mark next to the status; one only has room for the mark.
  const text = entry.flaky ? (entryWidth >= 3 ? `${symbol}~` : "~") : symbol;
  return text.padStart(entryWidth);
}

function columnCells(layout: Layout, columns: readonly DriftColumn[], text: (column: DriftColumn, index: number) => string): string {
  return columns
    .map((column, index) => (index === layout.firstSim && index > 0 ? " ".repeat(GROUP_GAP) : "") + text(column, index).padStart(layout.entryWidth).slice(-layout.entryWidth))
    .join("");
}

function columnStart(layout: Layout, index: number): number {
  return layout.labelWidth + index * layout.entryWidth + (layout.firstSim > 0 && index >= layout.firstSim ? GROUP_GAP : 0);
}

function headerLines(report: DriftReport, layout: Layout): string[] {
  const { columns } = report;
  const groups = [..." ".repeat(columnStart(layout, columns.length) + CLASS_WIDTH)];
  const put = (index: number, label: string): void => {
    const start = columnStart(layout, index) + 1;
    [...label].forEach((character, offset) => (groups[start + offset] = character));
  };
  const firstReal = columns.findIndex((column) => column.kind === "python");
  if (firstReal !== -1) put(firstReal, "python");
  if (layout.firstSim !== -1) put(layout.firstSim, "sim");
  const lines = [
    groups.join("").trimEnd(),
    "line cell".padEnd(layout.labelWidth) + columnCells(layout, columns, (column) => String(column.version.minor)) + " class",
  ];
  const fullVersion = (column: DriftColumn): boolean => column.kind === "python" && column.label.split(".").length === 3;
  if (columns.some(fullVersion)) {
    const patches = columnCells(layout, columns, (column) => (fullVersion(column) ? `.${column.version.patch ?? ""}` : ""));
    lines.push((" ".repeat(layout.labelWidth) + patches).trimEnd());
  }
  return lines;
}

function matrixLines(report: DriftReport, layout: Layout, palette: Palette): string[] {
  const lines = headerLines(report, layout);
  let currentPath: string | undefined;
  for (const row of report.rows) {
    if (row.path !== currentPath) {
      lines.push(palette.bold(fitPath(row.path, layout.width)));
      currentPath = row.path;
    }
    const label = fit(rowLabel(row), layout.labelWidth - 1).padEnd(layout.labelWidth);
    const entries = columnCells(layout, report.columns, (_column, index) => entryText(row.entries[index] ?? null, layout.entryWidth));
    lines.push(`${label}${entries} ${classColor(palette, row.classification)(row.classification)}`);
  }
  return lines;
}

function outputLines(report: DriftReport, row: DriftRow, width: number, palette: Palette): string[] {
  // Each output shows its first line that differs from the first output's, so three versions
  // that differ on three different lines of a long output each show their own difference.
  const first = row.outputs[0]?.text ?? "";
  const own = row.outputs.map((output, index) => (index === 0 ? -1 : firstDifferingLine([first, output.text])));
  const others = own.filter((line) => line >= 0);
  const differing = others.length === 0 ? 0 : Math.min(...others);
  const lineOf = (index: number): number => (index === 0 ? differing : own[index]!);
  const where = differing > 0 ? ` (output line ${differing + 1})` : "";
  const tail = ` cell ${row.index} ${row.classification}${where}`;
  const place = fitPath(`${row.path}:${row.line}`, Math.max(20, width - tail.length));
  const lines = [`${palette.bold(place)} cell ${row.index} ${classColor(palette, row.classification)(row.classification)}${where}`];
  const shown = row.outputs.slice(0, 4);
  shown.forEach((output, index) => {
    const columns = describeColumns(report.columns, output.columns);
    const line = lineOf(index);
    const at = line === differing ? "" : `line ${line + 1}: `;
    lines.push(fit(`  ${columns}: ${at}${lineAt(output.text, line)}`, width));
  });
  if (row.outputs.length > shown.length) lines.push(`  … and ${row.outputs.length - shown.length} more different outputs`);
  const flaky = row.entries.flatMap((entry, index) => (entry?.flaky ? [index] : []));
  if (flaky.length > 0) lines.push(fit(`  (first runs shown; the second run differed on ${describeColumns(report.columns, flaky)})`, width));
  return lines;
}

function simVsRealLines(report: DriftReport, width: number, palette: Palette): string[] {
  if (report.simVsReal.length === 0) {
    const pairs = report.columns.some(
      (sim) => sim.kind === "sim" && report.columns.some((real) => real.kind === "python" && real.minor === sim.minor),
    );
    return pairs ? [palette.green("Simulator vs real: every profile agrees with the interpreter of its version."), ""] : [];
  }
  const count = report.simVsReal.length;
  const lines = [palette.red(fit(`Simulator vs real: ${count} cell${count === 1 ? "" : "s"} where a profile disagrees with its version's interpreter`, width))];
  for (const item of report.simVsReal) {
    const real = report.columns[item.realColumn]!;
    const sim = report.columns[item.simColumn]!;
    const differing = firstDifferingLine([item.real, item.sim]);
    // The path gives way (keeping its file name) to the version and cell number around it.
    const tail = ` cell ${item.index}`;
    const place = fitPath(`${item.path}:${item.line}`, Math.max(20, width - item.version.length - 3 - tail.length));
    lines.push(`  ${palette.bold(`${item.version}`)} ${place}${tail}`);
    const labelWidth = Math.max(real.label.length + 5, sim.label.length) + 1;
    lines.push(fit(`    ${`real ${real.label}:`.padEnd(labelWidth)} ${lineAt(item.real, differing)}`, width));
    lines.push(fit(`    ${`${sim.label}:`.padEnd(labelWidth)} ${lineAt(item.sim, differing)}`, width));
  }
  lines.push("");
  return lines;
}

/** Cells a profile refused (unsupported): one line each, with the versions, after the disagreements. */
function refusalLines(report: DriftReport, width: number, palette: Palette): string[] {
  if (report.simRefused.length === 0) return [];
  const count = report.simRefused.length;
  const lines = [palette.bold(fit(`Refused by the simulator (unsupported, not compared): ${count} cell${count === 1 ? "" : "s"}`, width))];
  for (const item of report.simRefused) {
    const tail = ` cell ${item.index}`;
    lines.push(`  ${fitPath(`${item.path}:${item.line}`, Math.max(20, width - 2 - tail.length))}${tail}`);
    lines.push(fit(`    ${item.feature} (${item.versions.join(", ")})`, width));
  }
  lines.push("");
  return lines;
}

const LEGEND = [
  "Legend: . pass  F fail  D drift (fits another version's output)  U unsupported",
  "        E engine error  - not compared  ~ two runs differed  blank: not run",
  "Class:  drift = changes with the version  flaky = changes from run to run",
  "        broken = fails everywhere         sim = only a simulator profile differs",
];

/** What ran (and how much the cache served), then what was found. */
function summaryLines(report: DriftReport): string[] {
  const { counts } = report;
  const real = report.columns.filter((column) => column.kind === "python").length;
  const sim = report.columns.length - real;
  const engines = [
    ...(real > 0 ? [`${real} interpreter${real === 1 ? "" : "s"}`] : []),
    ...(sim > 0 ? [`${sim} simulator profile${sim === 1 ? "" : "s"}`] : []),
  ].join(" and ");
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const runs = report.lessonRuns.served + report.lessonRuns.executed;
  return [
    `${counts.lessons} lesson${counts.lessons === 1 ? "" : "s"}, ${counts.cells} cells on ${engines || "no engine"} in ${seconds}s`,
    ...(report.lessonRuns.served > 0 ? [`${report.lessonRuns.served} of ${runs} lesson runs served from the cache`] : []),
    `${counts.rows} row${counts.rows === 1 ? "" : "s"}: ${counts.drift} drift, ${counts.flaky} flaky, ${counts.broken} broken, ${counts.sim} sim; ` +
      `${counts.simVsReal} simulator vs real` +
      (counts.simRefused > 0 ? `, ${counts.simRefused} refused` : ""),
  ];
}

export function formatDriftPretty(report: DriftReport, options: DriftPrettyOptions = {}): string {
  const width = Math.max(60, options.width ?? 80);
  const palette = paletteFor(options.color ?? false);
  const lines: string[] = [];
  for (const lesson of report.lessons) {
    if (lesson.unreadable !== undefined) lines.push(palette.red(fit(`unreadable: ${lesson.unreadable}`, width)));
    for (const message of lesson.messages) {
      lines.push(fit(`${message.file}:${message.line}:${message.column} ${message.severity} ${message.ruleId}: ${message.reason}`, width));
    }
  }
  if (lines.length > 0) lines.push("");
  lines.push(...simVsRealLines(report, width, palette));
  lines.push(...refusalLines(report, width, palette));
  if (report.rows.length === 0) {
    lines.push(`No cell's output differs between the ${report.columns.length} engines, and none fails on all of them.`);
  } else {
    const layout = layoutFor(report, width);
    lines.push(...matrixLines(report, layout, palette), "");
    lines.push(palette.bold("Outputs where they differ:"));
    for (const row of report.rows) lines.push(...outputLines(report, row, width, palette));
    lines.push("", ...LEGEND.map((line) => palette.dim(line)));
  }
  const failing = report.counts.broken + report.counts.simVsReal > 0;
  const colour = failing ? palette.red : palette.bold;
  lines.push("", ...summaryLines(report).map((line) => colour(fit(line, width))));
  return `${lines.join("\n")}\n`;
}
