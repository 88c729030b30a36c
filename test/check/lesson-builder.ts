// Test helper: writes lesson markdown for cells described in code, parses it with the real
// lesson parser (src/lesson/parse.ts), and builds engine runs.
import { parseLesson } from "../../src/lesson/parse.js";
import { formatMatchMode } from "../../src/lesson/match-mode.js";
import type { CellOptions, Lesson, MatchMode } from "../../src/lesson/types.js";
import type { CellRun, EngineIdentity } from "../../src/runners/types.js";

export interface OutputSpec {
  readonly text: string;
  /** A version range as written in a lesson, e.g. ">=3.12". */
  readonly range?: string;
  readonly match?: MatchMode;
}

export interface CellSpec {
  readonly source: string;
  /** Output fences after the code fence; a string is an output without range. */
  readonly outputs?: readonly (string | OutputSpec)[];
  readonly options?: Partial<Pick<CellOptions, "skip" | "nocheck" | "raises" | "match">>;
}

/** The fence info string of a python fence with these options. */
function pythonInfo(options: CellSpec["options"] = {}): string {
  const words = ["python"];
  if (options.skip) words.push("skip");
  if (options.nocheck) words.push("nocheck");
  if (options.raises) words.push(`raises=${options.raises}`);
  if (options.match) words.push(`match=${formatMatchMode(options.match)}`);
  return words.join(" ");
}

function outputInfo(output: OutputSpec): string {
  const words = ["output"];
  if (output.range) words.push(`python="${output.range}"`);
  if (output.match) words.push(`match=${formatMatchMode(output.match)}`);
  return words.join(" ");
}

function fence(info: string, content: string): string[] {
  const body = content === "" ? [] : content.replace(/\n$/u, "").split("\n");
  return [`~~~~${info}`, ...body, "~~~~", ""];
}

/** The markdown of a lesson with these cells: frontmatter, a heading, prose between cells. */
export function lessonMarkdown(cells: readonly CellSpec[]): string {
  const lines = ["---", "title: Sample", "---", "# Sample", ""];
  cells.forEach((spec, index) => {
    lines.push(`Cell ${index}.`, "");
    lines.push(...fence(pythonInfo(spec.options), spec.source));
    for (const output of spec.outputs ?? []) {
      const described: OutputSpec = typeof output === "string" ? { text: output } : output;
      lines.push(...fence(outputInfo(described), described.text));
    }
  });
  return `${lines.join("\n")}\n`;
}

/** Parses the cells' markdown, keeping whatever messages the parser reports. */
export function parseCells(cells: readonly CellSpec[], path = "lessons/sample.md"): Lesson {
  return parseLesson(path, lessonMarkdown(cells));
}

/** Parses the cells' markdown; a parse message means the test wrote a bad lesson. */
export function buildLesson(cells: readonly CellSpec[], path = "lessons/sample.md"): Lesson {
  const lesson = parseCells(cells, path);
  if (lesson.messages.length > 0) {
    throw new Error(`test lesson does not parse cleanly: ${lesson.messages.map((message) => message.reason).join("; ")}`);
  }
  if (lesson.cells.length !== cells.length) throw new Error(`expected ${cells.length} cells, parsed ${lesson.cells.length}`);
  return lesson;
}

export const SIM_313: EngineIdentity = { kind: "sim", profile: "3.13" };

export function engineFor(profile: string): { identity: EngineIdentity } {
  return { identity: { kind: "sim", profile } };
}

/** A clean run printing `output`. */
export function ok(index: number, output: string): CellRun {
  return { index, status: "ok", output, durationMs: 3 };
}

/** A run that printed `output` and then raised. */
export function raised(index: number, output: string, type: string, message: string): CellRun {
  return {
    index,
    status: "exception",
    output,
    exception: { type, message, traceback: `Traceback (most recent call last):\n  File "<cell>", line 1, in <module>\n${type}: ${message}\n` },
    durationMs: 4,
  };
}

export function runsOf(...runs: CellRun[]): Map<number, CellRun> {
  return new Map(runs.map((run) => [run.index, run]));
}

/** The file line of the n-th (0-based) content line of a cell's output fence. */
export function outputLine(lesson: Lesson, cellIndex: number, lineOffset = 0, outputIndex = 0): number {
  return lesson.cells[cellIndex]!.outputs[outputIndex]!.contentSpan.start.line + lineOffset;
}
