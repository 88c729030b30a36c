// Public entry point of the front end: Python source text -> CPython-shaped AST or SyntaxError.
import type { Expression, Interactive, Mod, Module } from "../ast/nodes.js";
import { normalizeSource } from "../lexer/source-text.js";
import { tokenize } from "../lexer/tokenizer.js";
import { atLeast, DEFAULT_LANGUAGE_VERSION, type LanguageVersion } from "./language-version.js";
import { formatMessage } from "./messages.js";
import { Parser, type ParseMode } from "./parser.js";
import type { PythonSyntaxError, PythonSyntaxWarning } from "./syntax-error.js";

export type { ParseMode } from "./parser.js";
export type { PythonSyntaxError, PythonSyntaxWarning } from "./syntax-error.js";
export type { LanguageVersion } from "./language-version.js";

export interface ParseOptions {
  /** "exec" (a module, the default), "eval" (one expression) or "single" (one REPL statement). */
  readonly mode?: ParseMode;
  /** Grammar and error wording to follow; default 3.13. Only major and minor matter. */
  readonly version?: LanguageVersion;
  /**
   * PyCF_ALLOW_INCOMPLETE_INPUT (codeop, hence IPython, from 3.10): source that fails because it
   * ends too early (an open bracket, a block header, a triple-quoted string) is "incomplete
   * input" instead of the error the parser would report.
   */
  readonly allowIncompleteInput?: boolean;
}

/** Something in the source the simulator cannot model faithfully (not a Python error). */
export interface UnsupportedSyntax {
  readonly feature: string;
  readonly lineno: number;
}

export type ParseResult<T extends Mod> =
  | { readonly ok: true; readonly tree: T; readonly warnings: readonly PythonSyntaxWarning[] }
  | { readonly ok: false; readonly error: PythonSyntaxError; readonly warnings: readonly PythonSyntaxWarning[] }
  | { readonly ok: false; readonly unsupported: UnsupportedSyntax; readonly warnings: readonly PythonSyntaxWarning[] };

/** Parses `source` like CPython's compile(source, "<string>", mode) would, up to the AST. */
export function parse(source: string, options: ParseOptions & { mode: "eval" }): ParseResult<Expression>;
export function parse(source: string, options: ParseOptions & { mode: "single" }): ParseResult<Interactive>;
export function parse(source: string, options?: ParseOptions & { mode?: "exec" }): ParseResult<Module>;
export function parse(source: string, options: ParseOptions = {}): ParseResult<Mod> {
  const version = options.version ?? DEFAULT_LANGUAGE_VERSION;
  const mode = options.mode ?? "exec";
  if (source.indexOf("\0") >= 0) return nullBytesError(version);
  // compile() only appends a final newline for "exec" input ("single" ends its statement
  // with a NEWLINE anyway).
  const text = normalizeSource(source, mode !== "eval");
  const { tokens, warnings: lexWarnings } = tokenize(text, version);
  const parser = new Parser(text, tokens, { major: version.major, minor: version.minor }, mode, options.allowIncompleteInput ?? false);
  const outcome = parser.run();
  const warnings = dedupeWarnings([
    ...lexWarnings.map((warning) => ({ category: warning.category, message: warning.message, lineno: warning.lineno })),
    ...parser.collectedWarnings,
  ]);
  switch (outcome.kind) {
    case "tree":
      return { ok: true, tree: outcome.tree, warnings };
    case "error":
      return { ok: false, error: olderErrorShape(outcome.error, version), warnings };
    case "unsupported":
      return { ok: false, unsupported: { feature: outcome.feature, lineno: outcome.lineno }, warnings };
  }
}

/** compile() refuses NUL characters before parsing: a SyntaxError from 3.12, a ValueError before. */
function nullBytesError(version: LanguageVersion): ParseResult<Mod> {
  return {
    ok: false,
    error: {
      type: "SyntaxError",
      msg: formatMessage("source-null-bytes", version),
      lineno: null,
      offset: null,
      end_lineno: null,
      end_offset: null,
      text: null,
    },
    warnings: [],
  };
}

/** Python's default warning filter shows a warning once per location. */
function dedupeWarnings(warnings: PythonSyntaxWarning[]): PythonSyntaxWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.category}:${warning.lineno}:${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Before 3.10, SyntaxError had no end position, and SyntaxError.__init__ itself rewrote the
 * message of a line that looks like a Python 2 print or exec statement (any message, as long
 * as the line has no "(").
 */
function olderErrorShape(error: PythonSyntaxError, version: LanguageVersion): PythonSyntaxError {
  if (atLeast(version, 3, 10)) return error;
  let msg = error.msg;
  if (error.type === "SyntaxError" && error.text !== null && !error.text.includes("(")) {
    msg = legacyStatementMessage(error.text, 0, version) ?? msg;
    if (msg === error.msg) {
      const colon = error.text.indexOf(":");
      if (colon >= 0) msg = legacyStatementMessage(error.text, colon + 1, version) ?? msg;
    }
  }
  return { ...error, msg, end_lineno: null, end_offset: null };
}

/** CPython's _check_for_legacy_statements (3.6 - 3.9). */
function legacyStatementMessage(text: string, from: number, version: LanguageVersion): string | undefined {
  let start = from;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start === text.length) return undefined;
  if (text.startsWith("print ", start)) {
    const semicolon = text.indexOf(";", start);
    const argument = text.slice(start + 6, semicolon < 0 ? text.length : semicolon).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
    const endArgument = argument.endsWith(",") ? ' end=" "' : "";
    return formatMessage("legacy-print", version, argument + endArgument);
  }
  if (text.startsWith("exec ", start)) return formatMessage("legacy-exec", version);
  return undefined;
}
