// Imports a Jupyter notebook (nbformat 4) as canonical lesson markdown, losing no cell or output.
import { basename, extname } from "node:path";
import type { LessonMessage, Severity } from "../lesson/types.js";
import { readJson } from "./json-text.js";
import { joinMultiline, readCellOutputs } from "./notebook-outputs.js";
import { neutralizeProse } from "./prose.js";
import type { CodeBlock, ImportedBlock, ImportResult, ImportRuleId } from "./types.js";
import { verifyImport } from "./verify.js";
import { writeMarkdown } from "./write-markdown.js";

/** Converts notebook JSON text. Problems are messages; `readable` is false for non-notebooks. */
export function importNotebook(path: string, jsonText: string): ImportResult {
  const messages: LessonMessage[] = [];
  const report = (line: number, column: number, ruleId: ImportRuleId, severity: Severity, reason: string): void => {
    messages.push({ file: path, line, column, ruleId, severity, reason });
  };

  const parsed = readJson(jsonText);
  if (!parsed.ok) {
    report(parsed.line, parsed.column, "invalid-json", "error", `not valid JSON: ${parsed.reason}`);
    return { markdown: "", messages, readable: false };
  }
  const notebook = parsed.value;
  if (typeof notebook !== "object" || notebook === null || Array.isArray(notebook) || !("nbformat" in notebook)) {
    report(1, 1, "unsupported-notebook", "error", "not a Jupyter notebook: the JSON has no nbformat field");
    return { markdown: "", messages, readable: false };
  }
  const record = notebook as Record<string, unknown>;
  if (record["nbformat"] !== 4) {
    report(1, 1, "unsupported-notebook", "error", `nbformat ${JSON.stringify(record["nbformat"])} is not supported (only nbformat 4)`);
    return { markdown: "", messages, readable: false };
  }
  const cells = record["cells"];
  if (!Array.isArray(cells)) {
    report(1, 1, "bad-notebook", "error", "the notebook has no list of cells");
    return { markdown: "", messages, readable: false };
  }

  const cellLines = findCellLines(jsonText, cells.length);
  const blocks: ImportedBlock[] = [];
  let title: string | undefined;
  let proseCells = 0;
  cells.forEach((cell: unknown, cellNumber) => {
    const line = cellLines[cellNumber] ?? 1;
    const where = `cell ${cellNumber + 1}`;
    const fields = (typeof cell === "object" && cell !== null ? cell : {}) as Record<string, unknown>;
    const source = joinMultiline(fields["source"]).replace(/\r\n?/g, "\n");
    switch (fields["cell_type"]) {
      case "markdown": {
        const prose = neutralizeProse(source);
        proseCells += prose.skippedCells;
        title ??= prose.firstHeading;
        for (const problem of prose.problems) {
          if (problem.kind === "unclosed-fence") {
            report(line, 1, "unclosed-prose-fence", "warning", `${where}: a fence in this markdown cell is never closed; it was closed at the cell's end`);
          } else {
            report(line, 1, "orphan-output-in-prose", "warning", `${where}: an output fence in this markdown cell follows no python fence; it was renamed to text`);
          }
        }
        if (typeof fields["attachments"] === "object" && fields["attachments"] !== null && Object.keys(fields["attachments"]).length > 0) {
          report(line, 1, "attachment-dropped", "warning", `${where}: attachments (${Object.keys(fields["attachments"]).join(", ")}) are not imported`);
        }
        blocks.push({ kind: "prose", text: prose.text });
        break;
      }
      case "raw": {
        const metadata = (typeof fields["metadata"] === "object" && fields["metadata"] !== null ? fields["metadata"] : {}) as Record<string, unknown>;
        const format = metadata["format"] ?? metadata["raw_mimetype"];
        blocks.push({ kind: "raw", text: source, ...(typeof format === "string" ? { format } : {}) });
        break;
      }
      case "code": {
        const outputs = readCellOutputs(fields["outputs"]);
        for (const problem of outputs.problems) report(line, 1, problem.ruleId, "warning", `${where}: ${problem.reason}`);
        const count = fields["execution_count"];
        const block: CodeBlock = {
          kind: "code",
          source,
          ...(typeof count === "number" && Number.isInteger(count) && count >= 0 ? { executionCount: count } : {}),
          options: outputs.raised === undefined ? [] : [`raises=${outputs.raised}`],
          output: outputs.text,
          notes: outputs.notes,
        };
        blocks.push(block);
        break;
      }
      default:
        // An unknown kind of cell is kept visibly rather than dropped.
        report(line, 1, "bad-notebook", "warning", `${where}: unknown cell type ${JSON.stringify(fields["cell_type"])}; kept as a raw block`);
        blocks.push({ kind: "raw", text: source });
    }
  });

  const document = { title: title ?? basename(path, extname(path)), blocks };
  const markdown = writeMarkdown(document);
  messages.push(...verifyImport(path, markdown, blocks, proseCells));
  return { markdown, messages, readable: true };
}

/**
 * 1-based line of each cell in the JSON text: the n-th `"cell_type":` key (a quote inside a
 * JSON string is escaped, so it cannot be mistaken for one). Falls back to line 1 when the
 * count does not agree, e.g. when some metadata also has a cell_type key.
 */
function findCellLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  for (const match of text.matchAll(/(?<!\\)"cell_type"\s*:/g)) {
    for (let index = scanned; index < match.index; index++) if (text.charCodeAt(index) === 10) line++;
    scanned = match.index;
    lines.push(line);
  }
  return lines.length === count ? lines : new Array<number>(count).fill(1);
}
