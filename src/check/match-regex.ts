// match=regex: each expected line is a JavaScript regular expression for the whole actual line.
//
// Addresses written literally in a regex line stay identity symbols: each becomes a named
// capture of an address-shaped text, and what it captured must be a whole address token of the
// actual line, bound like any other address. Regex syntax the author writes (`0x[0-9a-f]+`,
// `\d+`) is the author's own wildcard and binds nothing.
import { findAddresses, type AddressToken } from "./addresses.js";
import type { Binder } from "./identity.js";
import type { MatchBudget } from "./line-matcher.js";
import type { ActualLine, ExpectedLine } from "./line-pattern.js";

export interface RegexLine {
  readonly source: ExpectedLine;
  readonly regex: RegExp;
  /** Capture group name -> the expected address it stands for. */
  readonly addressGroups: ReadonlyMap<string, AddressToken>;
}

export type CompiledRegexLines =
  | { readonly ok: true; readonly lines: readonly RegexLine[] }
  | { readonly ok: false; readonly problem: string };

const GROUP_PREFIX = "lessonkitAddress";

export function compileRegexLines(lines: readonly ExpectedLine[], decimalIds: boolean): CompiledRegexLines {
  const compiled: RegexLine[] = [];
  for (const line of lines) {
    const addressGroups = new Map<string, AddressToken>();
    let source = "";
    let cursor = 0;
    for (const token of findAddresses(line.text, { decimalIds })) {
      const before = line.text[token.start - 1];
      // `\1234567` is an escape and `{1234567}` a quantifier, not an address.
      if (before === "\\" || (token.form === "decimal" && (before === "{" || before === ","))) continue;
      const name = `${GROUP_PREFIX}${addressGroups.size}`;
      addressGroups.set(name, token);
      const body = token.form === "hex" ? "0[xX][0-9a-fA-F]+" : "[0-9]+";
      source += `${line.text.slice(cursor, token.start)}(?<${name}>${body})`;
      cursor = token.end;
    }
    source += line.text.slice(cursor);
    try {
      compiled.push({ source: line, regex: new RegExp(`^(?:${source})$`, "d"), addressGroups });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: `invalid regular expression at line ${line.fileLine}: ${reason}` };
    }
  }
  return { ok: true, lines: compiled };
}

export function regexLineMatches(line: RegexLine, actual: ActualLine, binder: Binder): boolean {
  const match = line.regex.exec(actual.text);
  if (!match) return false;
  const mark = binder.mark();
  for (const [name, expected] of line.addressGroups) {
    const span = match.indices?.groups?.[name];
    const token = span ? actual.addressesAt.get(span[0]) : undefined;
    if (!span || !token || token.end !== span[1] || token.form !== expected.form) {
      binder.rollback(mark);
      return false;
    }
    if (binder.bind(expected, token, line.source.fileLine)) {
      binder.rollback(mark);
      return false;
    }
  }
  return true;
}

export function matchRegexLines(
  lines: readonly RegexLine[],
  actuals: readonly ActualLine[],
  binder: Binder,
  budget: MatchBudget,
): boolean {
  if (lines.length !== actuals.length) return false;
  const start = binder.mark();
  for (let index = 0; index < lines.length; index++) {
    budget.spend();
    if (!regexLineMatches(lines[index]!, actuals[index]!, binder)) {
      binder.rollback(start);
      return false;
    }
  }
  return true;
}
