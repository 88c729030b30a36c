// The catalogue of every SyntaxError / IndentationError message, worded per CPython version.
import type { LanguageVersion } from "./language-version.js";
import { atLeast } from "./language-version.js";

type Argument = string | number;
type Wording = (version: LanguageVersion, args: readonly Argument[]) => string;

/** Reasons of the unicodeescape codec, quoted in "(unicode error) ..." messages. */
const UNICODE_ESCAPE_REASONS: ReadonlyMap<string, string> = new Map([
  ["truncated-x", "truncated \\xXX escape"],
  ["truncated-u", "truncated \\uXXXX escape"],
  ["truncated-U", "truncated \\UXXXXXXXX escape"],
  ["illegal-unicode", "illegal Unicode character"],
  ["malformed-N", "malformed \\N character escape"],
]);

/** `code -> wording`. Codes are ours; wordings are CPython's, byte for byte. */
const CATALOGUE: ReadonlyMap<string, Wording> = new Map<string, Wording>([
  // ---- tokenizer ---------------------------------------------------------------------------
  ["invalid-syntax", () => "invalid syntax"],
  ["unterminated-string", (v, [line, escapedQuote]) =>
    !atLeast(v, 3, 10)
      ? "EOL while scanning string literal"
      : escapedQuote && atLeast(v, 3, 13)
        ? `unterminated string literal (detected at line ${line}); perhaps you escaped the end quote?`
        : `unterminated string literal (detected at line ${line})`],
  ["unterminated-triple-string", (v, [line]) =>
    atLeast(v, 3, 10)
      ? `unterminated triple-quoted string literal (detected at line ${line})`
      : "EOF while scanning triple-quoted string literal"],
  ["unterminated-fstring", (_v, [line]) => `unterminated f-string literal (detected at line ${line})`],
  ["unterminated-triple-fstring", (_v, [line]) =>
    `unterminated triple-quoted f-string literal (detected at line ${line})`],
  ["fstring-expecting-brace", () => "f-string: expecting '}'"],
  ["fstring-single-brace", () => "f-string: single '}' is not allowed"],
  ["fstring-nested-too-deeply", () => "f-string: expressions nested too deeply"],
  ["fstring-unmatched", (_v, [char]) => `f-string: unmatched '${char}'`],
  ["too-many-nested-fstrings", () => "too many nested f-strings"],
  ["invalid-number", (v, [kind]) => (atLeast(v, 3, 8) ? `invalid ${kind} literal` : "invalid token")],
  ["invalid-digit", (v, [digit, kind]) =>
    atLeast(v, 3, 8) ? `invalid digit '${digit}' in ${kind} literal` : "invalid token"],
  ["leading-zeros", (v) =>
    atLeast(v, 3, 8)
      ? "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
      : "invalid token"],
  ["invalid-character", (v, [char, codePoint]) =>
    atLeast(v, 3, 9) ? `invalid character '${char}' (U+${codePoint})` : "invalid character in identifier"],
  ["invalid-non-printable-character", (v, [codePoint]) =>
    atLeast(v, 3, 9) ? `invalid non-printable character U+${codePoint}` : "invalid character in identifier"],
  ["unmatched-bracket", (_v, [char]) => `unmatched '${char}'`],
  ["mismatched-bracket", (_v, [closing, opening]) =>
    `closing parenthesis '${closing}' does not match opening parenthesis '${opening}'`],
  ["mismatched-bracket-on-line", (_v, [closing, opening, line]) =>
    `closing parenthesis '${closing}' does not match opening parenthesis '${opening}' on line ${line}`],
  ["too-many-nested-parens", () => "too many nested parentheses"],
  ["null-bytes", () => "source code cannot contain null bytes"],
  // ---- raised when the parser meets a tokenizer stop -----------------------------------------
  ["unindent-mismatch", () => "unindent does not match any outer indentation level"],
  ["unexpected-indent", () => "unexpected indent"],
  ["unexpected-unindent", () => "unexpected unindent"],
  ["inconsistent-tabs", () => "inconsistent use of tabs and spaces in indentation"],
  ["too-deep", () => "too many levels of indentation"],
  ["line-continuation", () => "unexpected character after line continuation character"],
  ["unexpected-eof", () => "unexpected EOF while parsing"],
  ["never-closed", (_v, [char]) => `'${char}' was never closed`],
  ["bytes-non-ascii", (v) =>
    atLeast(v, 3, 10) ? "bytes can only contain ASCII literal characters" : "bytes can only contain ASCII literal characters."],
  // ---- parameters ----------------------------------------------------------------------------
  ["param-nondefault-after-default", (v) =>
    atLeast(v, 3, 12)
      ? "parameter without a default follows parameter with a default"
      : "non-default argument follows default argument"],
  // 3.14 says "parameter" where earlier versions said "argument" (from CPython's main grammar;
  // not checked against a 3.14 interpreter here).
  ["param-at-least-one-before-slash", (v) =>
    atLeast(v, 3, 14) ? "at least one parameter must precede /" : "at least one argument must precede /"],
  ["param-named-after-bare-star", (v) =>
    atLeast(v, 3, 14) ? "named parameters must follow bare *" : "named arguments must follow bare *"],
  ["param-vararg-default", (v) =>
    atLeast(v, 3, 14) ? "var-positional parameter cannot have default value" : "var-positional argument cannot have default value"],
  ["param-star-once", (v) => (atLeast(v, 3, 14) ? "* may appear only once" : "* argument may appear only once")],
  ["param-varkw-default", (v) =>
    atLeast(v, 3, 14) ? "var-keyword parameter cannot have default value" : "var-keyword argument cannot have default value"],
  ["param-after-varkw", (v) =>
    atLeast(v, 3, 14) ? "parameters cannot follow var-keyword parameter" : "arguments cannot follow var-keyword argument"],
  ["param-slash-once", () => "/ may appear only once"],
  ["param-slash-after-star", () => "/ must be ahead of *"],
  ["param-comma-slash-star", () => "expected comma between / and *"],
  ["param-expected-default", () => "expected default value expression"],
  ["function-params-parenthesized", () => "Function parameters cannot be parenthesized"],
  ["lambda-params-parenthesized", () => "Lambda expression parameters cannot be parenthesized"],
  // ---- generic and expression errors -------------------------------------------------------
  ["expected-token", (_v, [token]) => `expected '${token}'`],
  ["expected-colon", () => "expected ':'"],
  ["forgot-comma", () => "invalid syntax. Perhaps you forgot a comma?"],
  ["maybe-equality", () => "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"],
  ["missing-parentheses-call", (_v, [name]) => `Missing parentheses in call to '${name}'. Did you mean ${name}(...)?`],
  ["legacy-print", (_v, [argument]) => `Missing parentheses in call to 'print'. Did you mean print(${argument})?`],
  ["legacy-exec", () => "Missing parentheses in call to 'exec'"],
  ["expected-else", () => "expected 'else' after 'if' expression"],
  ["fstring-lambda", () => "f-string: lambda expressions are not allowed without parentheses"],
  ["walrus-target", (_v, [name]) => `cannot use assignment expressions with ${name}`],
  ["assign-here-maybe-equality", (_v, [name]) => `cannot assign to ${name} here. Maybe you meant '==' instead of '='?`],
  ["not-after-operator", () => "'not' after an operator must be parenthesized"],
  ["starred-here", (v) => (atLeast(v, 3, 10) ? "cannot use starred expression here" : "can't use starred expression here")],
  ["double-starred-here", () => "cannot use double starred expression here"],
  ["dict-starred-value", () => "cannot use a starred expression in a dictionary value"],
  ["dict-expected-value", () => "expression expected after dictionary key and ':'"],
  ["dict-expected-colon", () => "':' expected after dictionary key"],
  ["in-expected", () => "'in' expected after for-loop variables"],
  ["comprehension-unpacking", () => "iterable unpacking cannot be used in comprehension"],
  ["dict-comprehension-unpacking", () => "dict unpacking cannot be used in dict comprehension"],
  ["comprehension-parentheses", () => "did you forget parentheses around the comprehension target?"],
  ["bytes-non-ascii", (v) =>
    atLeast(v, 3, 10) ? "bytes can only contain ASCII literal characters" : "bytes can only contain ASCII literal characters."],
  ["mixed-bytes", () => "cannot mix bytes and nonbytes literals"],
  // 3.8 changed the wording from "can't".
  ["cannot-assign", (v, [name]) => `${atLeast(v, 3, 8) ? "cannot" : "can't"} assign to ${name}`],
  ["cannot-delete", (v, [name]) => `${atLeast(v, 3, 8) ? "cannot" : "can't"} delete ${name}`],
  // ---- call arguments ----------------------------------------------------------------------
  ["unpacking-order", () => "iterable argument unpacking follows keyword argument unpacking"],
  ["genexp-parentheses", () => "Generator expression must be parenthesized"],
  ["expected-argument-value", () => "expected argument value expression"],
  ["keyword-unpacking-assign", () => "cannot assign to keyword argument unpacking"],
  ["positional-after-keyword", () => "positional argument follows keyword argument"],
  ["positional-after-keyword-unpacking", () => "positional argument follows keyword argument unpacking"],
  ["keyword-expression-assign", () => 'expression cannot contain assignment, perhaps you meant "=="?'],
  ["invalid-star-expression", () => "Invalid star expression"],
  // ---- statements ---------------------------------------------------------------------------
  ["annotation-single-target", (_v, [name]) => `only single target (not ${name}) can be annotated`],
  ["annotation-illegal-target", () => "illegal target for annotation"],
  ["yield-assign", () => "assignment to yield expression not possible"],
  ["augmented-illegal", (_v, [name]) => `'${name}' is an illegal expression for augmented assignment`],
  ["import-from-instead", () => "Did you mean to use 'from ... import ...' instead?"],
  ["import-expected-names", () => "Expected one or more names after 'import'"],
  ["import-trailing-comma", () => "trailing comma not allowed without surrounding parentheses"],
  ["type-params-empty", () => "Type parameter list cannot be empty"],
  ["type-param-bound", (_v, [what, kind]) => `cannot use ${what} with ${kind}`],
  ["indented-block", () => "expected an indented block"],
  ["indented-block-after", (_v, [owner, line]) => `expected an indented block after ${owner} on line ${line}`],
  ["try-needs-handler", () => "expected 'except' or 'finally' block"],
  ["except-mixed", () => "cannot have both 'except' and 'except*' on the same 'try'"],
  ["except-parenthesized", (v) =>
    atLeast(v, 3, 14) ? "multiple exception types must be parenthesized when using 'as'" : "multiple exception types must be parenthesized"],
  ["except-star-types", () => "expected one or more exception types"],
  ["single-statement", () => "multiple statements found while compiling a single statement"],
  // ---- patterns -----------------------------------------------------------------------------
  ["pattern-underscore-target", () => "cannot use '_' as a target"],
  ["pattern-invalid-target", (v, [name]) => (atLeast(v, 3, 14) ? `cannot use ${name} as pattern target` : "invalid pattern target")],
  ["pattern-positional-after-keyword", () => "positional patterns follow keyword patterns"],
  ["pattern-real-required", () => "real number required in complex literal"],
  ["pattern-imaginary-required", () => "imaginary number required in complex literal"],
  // ---- f-strings (3.12+, PEP 701) -------------------------------------------------------------
  ["fstring-conversion-spacing", () => "f-string: conversion type must come right after the exclamanation mark"],
  ["fstring-invalid-conversion", (_v, [repr]) => `f-string: invalid conversion character ${repr}: expected 's', 'r', or 'a'`],
  ["fstring-expression-before", (_v, [token]) => `f-string: valid expression required before '${token}'`],
  ["fstring-expecting-expression", () => "f-string: expecting a valid expression after '{'"],
  ["fstring-expecting-any", () => "f-string: expecting '=', or '!', or ':', or '}'"],
  ["fstring-expecting-after-debug", () => "f-string: expecting '!', or ':', or '}'"],
  ["fstring-missing-conversion", () => "f-string: missing conversion character"],
  ["fstring-invalid-conversion-bare", () => "f-string: invalid conversion character"],
  ["fstring-expecting-colon-or-brace", () => "f-string: expecting ':' or '}'"],
  ["fstring-expecting-brace-or-spec", () => "f-string: expecting '}', or format specs"],
  // ---- f-strings before 3.12 (Parser/string_parser.c) ------------------------------------------
  ["legacy-fstring-nested-too-deeply", () => "f-string: expressions nested too deeply"],
  ["legacy-fstring-backslash", () => "f-string expression part cannot include a backslash"],
  ["legacy-fstring-comment", () => "f-string expression part cannot include '#'"],
  ["legacy-fstring-too-many-parens", () => "f-string: too many nested parenthesis"],
  ["legacy-fstring-unterminated", () => "f-string: unterminated string"],
  ["legacy-fstring-mismatch", (_v, [closing, opening]) =>
    `f-string: closing parenthesis '${closing}' does not match opening parenthesis '${opening}'`],
  ["legacy-fstring-expression-required", (_v, [token]) => `f-string: expression required before '${token}'`],
  ["legacy-fstring-empty", () => "f-string: empty expression not allowed"],
  ["legacy-fstring-conversion", () => "f-string: invalid conversion character: expected 's', 'r', or 'a'"],
  ["legacy-fstring-end", () => "f-string: unexpected end of string"],
  // The pgen parser (≤3.8) reported the field's error without the prefix.
  ["legacy-fstring-prefix", (v, [message]) => (atLeast(v, 3, 9) ? `f-string: ${message}` : `${message}`)],
  ["source-null-bytes", () => "source code string cannot contain null bytes"],
  // ---- literals -----------------------------------------------------------------------------
  ["unicode-escape-error", (_v, [start, end, reason]) =>
    `(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${end}: ${UNICODE_ESCAPE_REASONS.get(String(reason))}`],
  ["bytes-invalid-x-escape", (_v, [position]) => `(value error) invalid \\x escape at position ${position}`],
  ["bytes-trailing-backslash", () => "(value error) Trailing \\ in string"],
  // ours, not CPython's: the simulator only knows a table of common character names
  ["unsupported-joined-surrogates", () =>
    "a str literal with a lone high surrogate before a lone low one (the simulator's strs are UTF-16)"],
  ["unsupported-unicode-name", (_v, [name]) =>
    `unsupported \\N{} name: \\N{${name}} is not in the simulator's table of character names`],
  // ---- warnings -----------------------------------------------------------------------------
  ["invalid-escape", (_v, [char]) => `invalid escape sequence '\\${char}'`],
  ["invalid-octal-escape", (_v, [digits]) => `invalid octal escape sequence '\\${digits}'`],
  ["invalid-number-warning", (_v, [kind]) => `invalid ${kind} literal`],
  // CPython raises this one as a MemoryError; we keep the SyntaxError shape.
  ["too-complex", () => "Parser stack overflowed - Python source too complex to parse"],
]);

/** The message for `code` as `version` words it. Throws on an unknown code (a bug of ours). */
export function formatMessage(code: string, version: LanguageVersion, ...args: Argument[]): string {
  const wording = CATALOGUE.get(code);
  if (wording === undefined) throw new Error(`no syntax error message for code "${code}"`);
  return wording(version, args);
}
