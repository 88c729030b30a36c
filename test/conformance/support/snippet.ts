// The data shape of a conformance snippet (notebook cells compared between simulator and CPython).

/** The CPython versions the suite can compare against (simulator profile = same key). */
export const KNOWN_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] as const;
export type VersionKey = (typeof KNOWN_VERSIONS)[number];

export interface Snippet {
  /** Unique within its topic; the test's name. */
  readonly name: string;
  /** Notebook cells, run in order in one session. */
  readonly cells: readonly string[];
  /** The versions where the snippet means something (default: every version the suite runs). */
  readonly versions?: readonly VersionKey[];
  /**
   * Run in its own fresh interpreter even in a batched topic: the snippet reads state that earlier
   * snippets would disturb (refcounts of shared objects, gc counters, execution counts, Out).
   */
  readonly fresh?: boolean;
  /** How a trailing expression is shown (default IPython's pretty printer). */
  readonly display?: "pretty" | "repr";
}

export interface SnippetOptions {
  readonly versions?: readonly VersionKey[];
  readonly fresh?: boolean;
  readonly display?: "pretty" | "repr";
}

export function snippet(name: string, cells: readonly string[], options: SnippetOptions = {}): Snippet {
  return { name, cells, ...options };
}

/**
 * Python source written indented inside TypeScript: the first line break, the common leading
 * indentation and trailing blank space are removed. Raw text, so `\n` stays a Python escape.
 */
export function py(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  const text = String.raw({ raw: strings.raw }, ...values);
  const lines = text.replace(/^[ \t]*\n/, "").replace(/\s+$/, "").split("\n");
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common)).join("\n");
}
