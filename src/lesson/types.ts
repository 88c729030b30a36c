// The Lesson data model: what the parser produces and every later stage reads.
import type { Root } from "mdast";
import type { VersionRange } from "../versions/version.js";

/** A place in a lesson file: 1-based line and column, 0-based UTF-16 offset into `Lesson.source`. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open range [start, end) of the lesson's text. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/** How an expected output is compared with the actual one (`match=` on a fence). */
export type MatchMode =
  | { readonly kind: "exact" }
  | { readonly kind: "ellipsis" }
  | { readonly kind: "regex" }
  | { readonly kind: "any" }
  | { readonly kind: "unordered" }
  | { readonly kind: "number"; readonly rel: number; readonly abs: number };

/** One `output` fence. Several fences with `python=` ranges give per-version outputs. */
export interface ExpectedOutput {
  /** The fence's content; ends with "\n" unless empty. */
  readonly text: string;
  /** `python=">=3.12"`: the versions this output is for; absent = every version. */
  readonly range?: VersionRange;
  /** `match=` written on this output fence; overrides the cell's mode. */
  readonly match?: MatchMode;
  /** The whole fence, opening line to closing line. */
  readonly span: Span;
  /** The content between the fence lines (empty span for an empty fence). */
  readonly contentSpan: Span;
}

export interface CellOptions {
  /** Not run at all. */
  readonly skip: boolean;
  /** Run (setup) but not rendered. */
  readonly hide: boolean;
  /** Run and rendered, output not compared. */
  readonly nocheck: boolean;
  /** The cell must end with this exception type (e.g. "TypeError"). */
  readonly raises?: string;
  /** Comparison mode for the cell's outputs (default exact). */
  readonly match: MatchMode;
  /** Draw a heap diagram after the cell (simulator only). */
  readonly diagram: boolean;
  /** Per-cell timeout in seconds, overriding the run's `--timeout`. */
  readonly timeoutSeconds?: number;
}

export interface CodeCell {
  /** 0-based position among the lesson's code cells. */
  readonly index: number;
  /** The Python source, without the fence lines; ends with "\n" unless empty. */
  readonly source: string;
  readonly options: CellOptions;
  /** Expected outputs; empty means the cell must print nothing. */
  readonly outputs: readonly ExpectedOutput[];
  /** The code fence, opening line to closing line. */
  readonly span: Span;
  /** 1-based line in the lesson file of the cell's first source line. */
  readonly sourceLine: number;
  /** The notebook's `In [N]` number, when the lesson was imported from a notebook. */
  readonly executionCount?: number;
}

/** How trailing expressions are shown: IPython's pretty printer, or `python -i`'s repr echo. */
export type DisplayMode = "pretty" | "repr";

export interface LessonSettings {
  readonly title?: string;
  /** `python:` in the frontmatter: the versions the lesson is meant for. */
  readonly python?: VersionRange;
  readonly display: DisplayMode;
  /** `diagram: true`: heap diagrams for every cell. */
  readonly diagram: boolean;
  /** `replay: true`: after a timeout or crash, re-run the earlier cells in a fresh interpreter. */
  readonly replay: boolean;
  /** The frontmatter exactly as parsed, for keys other stages may read. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export type Severity = "error" | "warning";

/** A problem in a lesson's content, reported with its place and a stable rule id. */
export interface LessonMessage {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly reason: string;
}

export interface Lesson {
  /** The path it was read from, as given by the user. */
  readonly path: string;
  /** The file's text exactly as read (for `--update`, which must keep every other byte). */
  readonly source: string;
  readonly settings: LessonSettings;
  /** Frontmatter title, else the first heading, else the file name. */
  readonly title: string;
  readonly cells: readonly CodeCell[];
  /** The markdown tree (for the renderer). */
  readonly tree: Root;
  readonly messages: readonly LessonMessage[];
  /**
   * Set when the lesson was converted in memory from a notebook: `source` is then the
   * generated markdown, not the file, so `--update` must not write it back.
   */
  readonly importedFrom?: "ipynb" | "text-export";
}
