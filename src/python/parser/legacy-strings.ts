// String concatenation and f-strings as CPython 3.8 - 3.11 did them (Parser/string_parser.c):
// every STRING token of a group is scanned by hand, f-string expressions are compiled
// separately, and literal parts and replacement fields take the location of the whole group.
import type { Constant, Conversion, Expr, Located } from "../ast/nodes.js";
import { decodeBytes, decodeString, joinsSurrogates, splitStringToken, type DecodeProblems } from "../lexer/literals.js";
import type { Token } from "../lexer/tokens.js";

/** What the legacy string code needs from the parser. */
export interface LegacyStringHost {
  readonly source: string;
  readonly minor: number;
  /** The catalogue wording of `code` for the parser's version. */
  message(code: string, ...args: (string | number)[]): string;
  /** RAISE_SYNTAX_ERROR: located at the last token the parser fetched. */
  raiseError(msg: string): never;
  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, msg). */
  raiseAtToken(token: Token, msg: string): never;
  reportProblems(problems: DecodeProblems, token: Token): void;
  /** Records a warning (DeprecationWarning before 3.12) at `token`'s line. */
  warn(message: string, token: Token): void;
  /** Compiles the expression text source[start, end) of a replacement field. */
  compileExpression(start: number, end: number): Expr;
}

/** CPython's FstringParser state: the pending literal text and the finished parts. */
interface FStringState {
  lastStr: string | null;
  readonly parts: Expr[];
  fmode: boolean;
}

function spanOfTokens(first: Token, last: Token): Located {
  return { lineno: first.lineno, col_offset: first.col, end_lineno: last.endLineno, end_col_offset: last.endCol };
}

/** CPython's _PyPegen_concatenate_strings before 3.12 (STRING tokens only). */
export function concatenateLegacyStrings(host: LegacyStringHost, tokens: readonly Token[]): Expr {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const state: FStringState = { lastStr: null, parts: [], fmode: false };
  let bytesMode = false;
  const byteChunks: Uint8Array[] = [];
  tokens.forEach((token, index) => {
    const parts = splitStringToken(token.text);
    if (index !== 0 && bytesMode !== parts.bytes) host.raiseError(host.message("mixed-bytes"));
    bytesMode = parts.bytes;
    const bodyStart = token.end - parts.quoteSize - parts.body.length;
    if (parts.fstring) {
      concatFString(host, state, parts.body, bodyStart, parts.raw, 0, first, token, last);
    } else if (parts.bytes) {
      if (/[^\x00-\x7f]/.test(parts.body)) {
        const message = host.message("bytes-non-ascii");
        if (host.minor >= 11) host.raiseAtToken(token, message);
        host.raiseError(message);
      }
      const problems: DecodeProblems = {};
      byteChunks.push(decodeBytes(parts.body, parts.raw, problems, host.minor >= 11));
      host.reportProblems(problems, token);
    } else {
      const problems: DecodeProblems = {};
      const value = decodeString(parts.body, parts.raw, problems, host.minor >= 11);
      if (joinsSurrogates(state.lastStr ?? "", value)) problems.joinedSurrogates = true;
      host.reportProblems(problems, token);
      concatAndDel(state, value);
    }
  });
  if (bytesMode) {
    const total = byteChunks.reduce((length, chunk) => length + chunk.length, 0);
    const value = new Uint8Array(total);
    let offset = 0;
    for (const chunk of byteChunks) {
      value.set(chunk, offset);
      offset += chunk.length;
    }
    return { type: "Constant", value: { kind: "bytes", value }, ...spanOfTokens(first, last) };
  }
  return finish(state, first, last);
}

function concatAndDel(state: FStringState, value: string): void {
  if (value.length === 0) return;
  state.lastStr = state.lastStr === null ? value : state.lastStr + value;
}

/** make_str_node_and_del: the kind comes from the first token of the whole group. */
function strNode(state: FStringState, kindToken: Token, first: Token, last: Token): Constant {
  const constant: Constant = { type: "Constant", value: { kind: "str", value: state.lastStr ?? "" }, ...spanOfTokens(first, last) };
  if (kindToken.text[0] === "u") constant.kind = "u";
  state.lastStr = null;
  return constant;
}

/** _PyPegen_FstringParser_Finish: the kind comes from `first`, the location spans first..last. */
function finish(state: FStringState, first: Token, last: Token): Expr {
  if (!state.fmode) return strNode(state, first, first, last);
  if (state.lastStr !== null) state.parts.push(strNode(state, first, first, last));
  return { type: "JoinedStr", values: state.parts, ...spanOfTokens(first, last) };
}

/**
 * _PyPegen_FstringParser_ConcatFstring: scans `body` (the f-string without prefix and quotes,
 * starting at source index `bodyStart`) from `position` on; returns where scanning stopped.
 */
function concatFString(
  host: LegacyStringHost,
  state: FStringState,
  body: string,
  bodyStart: number,
  raw: boolean,
  recurseLevel: number,
  first: Token,
  token: Token,
  last: Token,
  position = 0,
): number {
  state.fmode = true;
  let cursor = position;
  for (;;) {
    const literal = findLiteral(host, body, cursor, raw, recurseLevel, token);
    cursor = literal.next;
    if (literal.text !== null) {
      const problems: DecodeProblems = {};
      const decoded = raw ? literal.text : decodeString(literal.text, false, problems, host.minor >= 11);
      if (joinsSurrogates(state.lastStr ?? "", decoded)) problems.joinedSurrogates = true;
      host.reportProblems(problems, token);
      concatAndDel(state, decoded);
    }
    if (literal.more) continue;
    if (cursor >= body.length || body[cursor] === "}") break;
    const field = findExpression(host, body, bodyStart, cursor, raw, recurseLevel, first, token, last);
    cursor = field.next;
    if (field.debugText !== null) concatAndDel(state, field.debugText);
    if (state.lastStr !== null) state.parts.push(strNode(state, first, first, last));
    state.parts.push(field.expression);
  }
  if (recurseLevel === 0 && cursor < body.length - 1) host.raiseError(host.message("legacy-fstring-end"));
  if (recurseLevel !== 0 && body[cursor] !== "}") host.raiseError(host.message("fstring-expecting-brace"));
  return cursor;
}

/** fstring_find_literal: literal text up to an undoubled brace; `more` for a doubled one. */
function findLiteral(
  host: LegacyStringHost,
  body: string,
  start: number,
  raw: boolean,
  recurseLevel: number,
  token: Token,
): { text: string | null; next: number; more: boolean } {
  let cursor = start;
  while (cursor < body.length) {
    let char = body[cursor++]!;
    if (!raw && char === "\\" && cursor < body.length) {
      char = body[cursor++]!;
      if (char === "{") host.warn(host.message("invalid-escape", "{"), token);
      if (char === "N") {
        if (cursor < body.length && body[cursor++] === "{") {
          while (cursor < body.length && body[cursor++] !== "}") {
            // skip the character name
          }
          continue;
        }
        break;
      }
    }
    if (char === "{" || char === "}") {
      if (recurseLevel === 0) {
        if (cursor < body.length && body[cursor] === char) {
          return { text: body.slice(start, cursor), next: cursor + 1, more: true };
        }
        if (char === "}") host.raiseError(host.message("fstring-single-brace"));
      }
      cursor--;
      break;
    }
  }
  return { text: cursor === start ? null : body.slice(start, cursor), next: cursor, more: false };
}

/** fstring_find_expr: one replacement field, from its '{'. */
function findExpression(
  host: LegacyStringHost,
  body: string,
  bodyStart: number,
  start: number,
  raw: boolean,
  recurseLevel: number,
  first: Token,
  token: Token,
  last: Token,
): { expression: Expr; debugText: string | null; next: number } {
  if (recurseLevel >= 2) host.raiseError(host.message("legacy-fstring-nested-too-deeply"));
  let cursor = start + 1;
  const expressionStart = cursor;
  let quote = "";
  let stringType = 0;
  const parens: string[] = [];
  for (; cursor < body.length; cursor++) {
    const char = body[cursor]!;
    if (char === "\\") host.raiseError(host.message("legacy-fstring-backslash"));
    if (quote !== "") {
      if (char === quote) {
        if (stringType === 3) {
          if (cursor + 2 < body.length && body[cursor + 1] === char && body[cursor + 2] === char) {
            cursor += 2;
            stringType = 0;
            quote = "";
          }
        } else {
          stringType = 0;
          quote = "";
        }
      }
    } else if (char === "'" || char === '"') {
      if (cursor + 2 < body.length && body[cursor + 1] === char && body[cursor + 2] === char) {
        stringType = 3;
        cursor += 2;
      } else {
        stringType = 1;
      }
      quote = char;
    } else if (char === "[" || char === "{" || char === "(") {
      if (parens.length >= 200) host.raiseError(host.message("legacy-fstring-too-many-parens"));
      parens.push(char);
    } else if (char === "#") {
      host.raiseError(host.message("legacy-fstring-comment"));
    } else if (parens.length === 0 && (char === "!" || char === ":" || char === "}" || (char === "=" && host.minor >= 8) || char === ">" || char === "<")) {
      if (cursor + 1 < body.length) {
        const next = body[cursor + 1];
        if ((char === "!" && next === "=") || (char === "=" && next === "=") || (char === "<" && next === "=") || (char === ">" && next === "=")) {
          cursor += 1;
          continue;
        }
        if (char === ">" || char === "<") continue;
      }
      break;
    } else if (char === "]" || char === "}" || char === ")") {
      if (parens.length === 0) host.raiseError(host.message("fstring-unmatched", char));
      const opening = parens.pop()!;
      if (!((opening === "(" && char === ")") || (opening === "[" && char === "]") || (opening === "{" && char === "}"))) {
        host.raiseError(host.message("legacy-fstring-mismatch", char, opening));
      }
    }
  }
  const expressionEnd = cursor;
  if (quote !== "") host.raiseError(host.message("legacy-fstring-unterminated"));
  if (parens.length > 0) host.raiseError(host.message("fstring-unmatched", parens[parens.length - 1]!));
  if (cursor >= body.length) host.raiseError(host.message("fstring-expecting-brace"));
  if (host.minor >= 11 && expressionEnd === expressionStart) {
    const terminator = body[cursor]!;
    if (terminator !== "}") host.raiseError(host.message("legacy-fstring-expression-required", terminator));
  }
  if (/^[ \t\n\f]*$/.test(body.slice(expressionStart, expressionEnd))) host.raiseError(host.message("legacy-fstring-empty"));
  const simpleExpression = host.compileExpression(bodyStart + expressionStart, bodyStart + expressionEnd);
  let debugText: string | null = null;
  if (body[cursor] === "=") {
    cursor += 1;
    while (cursor < body.length && /[ \t\n\r\f\v]/.test(body[cursor]!)) cursor += 1;
    debugText = body.slice(expressionStart, cursor);
  }
  let conversion: Conversion = -1;
  if (body[cursor] === "!") {
    cursor += 1;
    if (cursor >= body.length) host.raiseError(host.message("fstring-expecting-brace"));
    const conversionChar = body[cursor]!;
    cursor += 1;
    if (!(conversionChar === "s" || conversionChar === "r" || conversionChar === "a")) {
      host.raiseError(host.message("legacy-fstring-conversion"));
    }
    conversion = conversionChar.charCodeAt(0) as Conversion;
  }
  if (cursor >= body.length) host.raiseError(host.message("fstring-expecting-brace"));
  let formatSpec: Expr | null = null;
  if (body[cursor] === ":") {
    cursor += 1;
    if (cursor >= body.length) host.raiseError(host.message("fstring-expecting-brace"));
    const specState: FStringState = { lastStr: null, parts: [], fmode: false };
    cursor = concatFString(host, specState, body, bodyStart, raw, recurseLevel + 1, first, token, last, cursor);
    formatSpec = finish(specState, token, token);
  }
  if (cursor >= body.length || body[cursor] !== "}") host.raiseError(host.message("fstring-expecting-brace"));
  cursor += 1;
  if (debugText !== null && formatSpec === null && conversion === -1) conversion = 114;
  return {
    expression: { type: "FormattedValue", value: simpleExpression, conversion, format_spec: formatSpec, ...spanOfTokens(first, last) },
    debugText,
    next: cursor,
  };
}
