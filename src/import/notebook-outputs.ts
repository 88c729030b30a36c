// Turns a notebook code cell's outputs into the text a reader saw, in order (nbformat 4).
import { stripAnsi } from "./ansi.js";

/** nbformat stores multi-line strings either as one string or as a list of lines. */
export function joinMultiline(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((part) => (typeof part === "string" ? part : "")).join("");
  return "";
}

export interface OutputProblem {
  readonly ruleId: "output-not-text" | "unknown-output";
  readonly reason: string;
}

export interface CellOutputs {
  /** Everything shown, in order; ends with "\n" unless empty. */
  readonly text: string;
  /** The exception type when the cell ended with an error output. */
  readonly raised?: string;
  /** Visible notes for outputs that have no text form. */
  readonly notes: readonly string[];
  readonly problems: readonly OutputProblem[];
}

const EXCEPTION_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

export function readCellOutputs(outputs: unknown): CellOutputs {
  const pieces: string[] = [];
  const notes: string[] = [];
  const problems: OutputProblem[] = [];
  let raised: string | undefined;
  const list = Array.isArray(outputs) ? outputs : [];
  for (const output of list) {
    const record = (typeof output === "object" && output !== null ? output : {}) as Record<string, unknown>;
    const kind = record["output_type"];
    switch (kind) {
      case "stream":
        pieces.push(joinMultiline(record["text"]));
        break;
      case "execute_result":
      case "display_data": {
        const data = (typeof record["data"] === "object" && record["data"] !== null ? record["data"] : {}) as Record<string, unknown>;
        if ("text/plain" in data) {
          pieces.push(withNewline(joinMultiline(data["text/plain"])));
        } else if (Object.keys(data).length > 0) {
          const kinds = Object.keys(data).join(", ");
          notes.push(`Output not imported: a ${String(kind)} output with only ${kinds} (no text/plain form).`);
          problems.push({ ruleId: "output-not-text", reason: `a ${String(kind)} output has no text/plain form (${kinds}); a note marks its place` });
        }
        break;
      }
      case "error": {
        const name = stripAnsi(typeof record["ename"] === "string" ? record["ename"] : "").trim();
        const value = stripAnsi(typeof record["evalue"] === "string" ? record["evalue"] : "");
        const lastLine = lastTracebackLine(record["traceback"]);
        const line = name !== "" ? (value === "" ? name : `${name}: ${value}`) : lastLine;
        if (line !== "") pieces.push(withNewline(line));
        if (EXCEPTION_NAME.test(name)) raised = name;
        break;
      }
      default: {
        notes.push(`Output not imported: an output of unknown type "${String(kind)}".`);
        problems.push({ ruleId: "unknown-output", reason: `unknown output type "${String(kind)}"; a note marks its place` });
      }
    }
  }
  const joined = pieces.join("");
  return {
    text: withNewline(joined),
    ...(raised === undefined ? {} : { raised }),
    notes,
    problems,
  };
}

function withNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

function lastTracebackLine(traceback: unknown): string {
  if (!Array.isArray(traceback)) return "";
  const lines = traceback
    .filter((entry): entry is string => typeof entry === "string")
    .flatMap((entry) => stripAnsi(entry).split("\n"))
    .filter((line) => line.trim() !== "");
  return lines[lines.length - 1] ?? "";
}
