// Imports the plain-text export of a notebook (`In [N]:` header, code, blank line, output,
// prose between cells) as canonical lesson markdown, losing no line.
import { basename, extname } from "node:path";
import type { LessonMessage } from "../lesson/types.js";
import { neutralizeProse } from "./prose.js";
import { splitCandidates, paragraphTexts, type SplitContext, type SplitJudge } from "./split.js";
import { bestCandidate, defaultSplitJudge } from "./split-judge.js";
import type { CodeBlock, ImportedBlock, ImportResult } from "./types.js";
import { verifyImport } from "./verify.js";
import { writeMarkdown } from "./write-markdown.js";

export interface TextExportOptions {
  /** Decides ambiguous splits; the default weighs how code-, output- and prose-like text is. */
  readonly judge?: SplitJudge;
}

/** `In [12]:` or `In [ ]:`; code written on the header line itself is kept as the first line. */
const HEADER = /^In \[\s*(\d*)\s*\]:[ \t]?(.*)$/;

interface Header {
  /** 0-based index of the header line. */
  readonly index: number;
  readonly executionCount?: number;
  readonly sameLineCode: string;
}

export function importTextExport(path: string, text: string, options: TextExportOptions = {}): ImportResult {
  const judge = options.judge ?? defaultSplitJudge;
  const body = (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const lines = body.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();

  const headers: Header[] = [];
  lines.forEach((line, index) => {
    const match = HEADER.exec(line);
    if (!match) return;
    headers.push({
      index,
      ...(match[1] === "" ? {} : { executionCount: Number(match[1]) }),
      sameLineCode: match[2]!.trim() === "" ? "" : match[2]!,
    });
  });

  const messages: LessonMessage[] = [];
  const blocks: ImportedBlock[] = [];
  const previousCells: { source: string; output: string }[] = [];
  let title: string | undefined;
  let proseCells = 0;

  const addProse = (proseText: string, firstLine: number): void => {
    if (proseText.trim() === "") return;
    const prose = neutralizeProse(proseText);
    proseCells += prose.skippedCells;
    title ??= prose.firstHeading;
    for (const problem of prose.problems) {
      const line = firstLine + problem.line - 1;
      messages.push(
        problem.kind === "unclosed-fence"
          ? { file: path, line, column: 1, ruleId: "unclosed-prose-fence", severity: "warning", reason: "this fence in the prose is never closed; it was closed before the next cell" }
          : { file: path, line, column: 1, ruleId: "orphan-output-in-prose", severity: "warning", reason: "this output fence in the prose follows no python fence; it was renamed to text" },
      );
    }
    blocks.push({ kind: "prose", text: prose.text });
  };

  addProse(lines.slice(0, headers[0]?.index ?? lines.length).join("\n"), 1);

  headers.forEach((header, headerNumber) => {
    const blockEnd = headers[headerNumber + 1]?.index ?? lines.length;
    const blockLines = lines.slice(header.index + 1, blockEnd);
    if (header.sameLineCode !== "") blockLines.unshift(header.sameLineCode);
    const firstLine = header.sameLineCode !== "" ? header.index + 1 : header.index + 2;
    const candidates = splitCandidates(blockLines, firstLine);
    const context: SplitContext = {
      path,
      headerLine: header.index + 1,
      ...(header.executionCount === undefined ? {} : { executionCount: header.executionCount }),
      paragraphs: paragraphTexts(blockLines),
      previousCells: [...previousCells],
    };
    let chosen = candidates.length === 1 ? 0 : judge(candidates, context);
    if (chosen === undefined || candidates[chosen] === undefined) {
      chosen = bestCandidate(candidates, context);
      messages.push({
        file: path,
        line: header.index + 1,
        column: 1,
        ruleId: "ambiguous-split",
        severity: "warning",
        reason: `cannot tell for sure where the code of ${label(header)} ends and its output or prose starts; ${describe(candidates[chosen]!)}`,
      });
    }
    const reading = candidates[chosen]!;
    const block: CodeBlock = {
      kind: "code",
      source: reading.code,
      ...(header.executionCount === undefined ? {} : { executionCount: header.executionCount }),
      options: raisesOption(reading.output),
      output: reading.output,
      notes: [],
    };
    blocks.push(block);
    previousCells.push({ source: reading.code, output: reading.output });
    if (reading.prose !== "") addProse(reading.prose, reading.proseLine ?? firstLine);
  });

  const markdown = writeMarkdown({ title: title ?? basename(path, extname(path)), blocks });
  messages.push(...verifyImport(path, markdown, blocks, proseCells));
  return { markdown, messages, readable: true };
}

function label(header: Header): string {
  return header.executionCount === undefined ? "this cell" : `In [${header.executionCount}]`;
}

function describe(candidate: { outputLine?: number; proseLine?: number; output: string; prose: string }): string {
  const parts = [
    candidate.outputLine === undefined ? "read with no output" : `read its output from line ${candidate.outputLine}`,
    candidate.proseLine === undefined ? "no prose after it" : `prose from line ${candidate.proseLine}`,
  ];
  return `${parts.join(", ")}; check it and move the blank lines if needed`;
}

/** A shown traceback ends with the exception line: the cell must raise that exception. */
function raisesOption(output: string): string[] {
  if (!output.includes("Traceback (most recent call last)")) return [];
  const lines = output.split("\n").filter((line) => line.trim() !== "");
  const last = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?::|$)/.exec(lines[lines.length - 1] ?? "");
  return last ? [`raises=${last[1]}`] : [];
}
