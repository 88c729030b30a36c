// What importers produce: canonical lesson markdown plus the problems met on the way.
import type { LessonMessage } from "../lesson/types.js";

export interface ImportResult {
  /** The lesson as canonical markdown (empty when the input was unreadable). */
  readonly markdown: string;
  readonly messages: readonly LessonMessage[];
  /** False when the input is not a notebook at all (bad JSON, not nbformat 4): nothing to parse. */
  readonly readable: boolean;
}

/** The neutral shape every importer fills and `writeMarkdown` turns into a lesson. */
export interface ImportedDocument {
  readonly title: string;
  readonly blocks: readonly ImportedBlock[];
}

export type ImportedBlock = ProseBlock | RawBlock | CodeBlock;

/** Markdown prose, written as it is (after its own python fences were made `skip`). */
export interface ProseBlock {
  readonly kind: "prose";
  readonly text: string;
}

/** A notebook raw cell (for nbconvert: LaTeX, HTML, reST), kept in a fence nobody runs. */
export interface RawBlock {
  readonly kind: "raw";
  readonly text: string;
  /** The raw cell's target format, e.g. "text/html". */
  readonly format?: string;
}

export interface CodeBlock {
  readonly kind: "code";
  /** The cell's source, "\n" line endings. */
  readonly source: string;
  readonly executionCount?: number;
  /** Extra fence options, e.g. "raises=ZeroDivisionError". */
  readonly options: readonly string[];
  /** Everything the notebook showed, in order; empty when it showed nothing. */
  readonly output: string;
  /** Visible notes written after the cell (outputs that have no text form). */
  readonly notes: readonly string[];
}

/** Rule ids of import problems. */
export type ImportRuleId =
  | "invalid-json"
  | "unsupported-notebook"
  | "bad-notebook"
  | "output-not-text"
  | "unknown-output"
  | "attachment-dropped"
  | "unclosed-prose-fence"
  | "orphan-output-in-prose"
  | "ambiguous-split"
  | "import-mismatch";
