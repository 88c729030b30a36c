// String literals: implicit concatenation and f-strings (python.gram "LITERALS", PEP 701), with
// CPython's action helpers (_PyPegen_concatenate_strings, _PyPegen_joined_str, ...).
import type { Constant, Conversion, Expr, JoinedStr, Located } from "../ast/nodes.js";
import { decodeBytes, decodeString, joinsSurrogates, splitStringToken, type DecodeProblems } from "../lexer/literals.js";
import { TokenType, type Token } from "../lexer/tokens.js";
import { concatenateLegacyStrings, type LegacyStringHost } from "./legacy-strings.js";
import { Memo, tokenSpan } from "./parser-base.js";
import { ParameterParser } from "./parameters.js";

/** Raised out of the parser when a literal uses something we cannot model (a \N{} name). */
export class UnsupportedFeature {
  constructor(
    readonly feature: string,
    readonly lineno: number,
  ) {}
}

/** A Constant holding a str, the only kind the f-string helpers manipulate. */
function strConstant(value: string, span: Located): Constant {
  return { type: "Constant", value: { kind: "str", value }, ...span };
}

function strValue(expr: Expr): string | undefined {
  return expr.type === "Constant" && expr.value.kind === "str" ? expr.value.value : undefined;
}

function isEmptyStr(expr: Expr): boolean {
  return strValue(expr) === "";
}

function spanOfNode(node: Located): Located {
  return { lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}

export abstract class StringParser extends ParameterParser {
  // strings[expr_ty] (memo): a[asdl_expr_seq*]=(fstring|string)+ { _PyPegen_concatenate_strings(p, a, EXTRA) }
  strings(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.Strings);
    if (cached !== undefined) return cached;
    const start = this.mark;
    if (!this.atLeast(3, 12)) {
      // Before 3.12: `a=STRING+ { concatenate_strings }`, f-strings being STRING tokens too.
      const group: Token[] = [];
      while (this.isType(TokenType.String)) group.push(this.tokens[this.mark++]!);
      const legacy = group.length === 0 ? null : concatenateLegacyStrings(this.legacyHost(), group);
      return this.memoSet(Memo.Strings, start, legacy);
    }
    const parts: Expr[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === TokenType.String) {
        this.mark++;
        parts.push(this.stringConstant(token));
      } else if (token.type === TokenType.FStringStart) {
        const fstring = this.fstring();
        if (fstring === null) break;
        parts.push(fstring);
      } else {
        break;
      }
    }
    const result = parts.length === 0 ? null : this.concatenateStrings(parts, this.extra(start));
    return this.memoSet(Memo.Strings, start, result);
  }

  /** CPython's _PyPegen_constant_from_string (3.12+): one STRING token, decoded. */
  private stringConstant(token: Token): Expr {
    const parts = splitStringToken(token.text);
    const span = tokenSpan(token);
    const problems: DecodeProblems = {};
    if (parts.bytes) {
      if (/[^\x00-\x7f]/.test(parts.body)) this.raiseKnownLocation(span, this.message("bytes-non-ascii"));
      const value = decodeBytes(parts.body, parts.raw, problems);
      this.reportDecodeProblems(problems, token);
      return { type: "Constant", value: { kind: "bytes", value }, ...span };
    }
    const value = decodeString(parts.body, parts.raw, problems);
    this.reportDecodeProblems(problems, token);
    const constant: Constant = { type: "Constant", value: { kind: "str", value }, ...span };
    if (parts.unicodePrefix) constant.kind = "u";
    return constant;
  }

  protected reportDecodeProblems(problems: DecodeProblems, token: Token): void {
    if (problems.joinedSurrogates === true) throw new UnsupportedFeature(this.message("unsupported-joined-surrogates"), token.lineno);
    if (problems.unsupportedName !== undefined) {
      throw new UnsupportedFeature(this.message("unsupported-unicode-name", problems.unsupportedName), token.lineno);
    }
    if (problems.error !== undefined) this.raiseError(this.message(problems.error.code, ...problems.error.args));
    if (problems.invalidEscape !== undefined) {
      this.warnings.push({
        category: this.atLeast(3, 12) ? "SyntaxWarning" : "DeprecationWarning",
        message: this.message(problems.invalidEscape.code, ...problems.invalidEscape.args),
        lineno: token.lineno,
      });
    }
  }

  // fstring[expr_ty]:
  //     | a=FSTRING_START b=fstring_middle* c=FSTRING_END { _PyPegen_joined_str(p, a, b, c) }
  // fstring_middle[expr_ty]:
  //     | fstring_replacement_field
  //     | t=FSTRING_MIDDLE { _PyPegen_constant_from_token(p, t) }
  private fstring(): Expr | null {
    const start = this.mark;
    const startToken = this.expectType(TokenType.FStringStart);
    if (startToken === null) return null;
    const raw: Expr[] = [];
    for (;;) {
      const field = this.fstringReplacementField();
      if (field !== null) {
        raw.push(field);
        continue;
      }
      const middle = this.expectType(TokenType.FStringMiddle);
      if (middle === null) break;
      raw.push(strConstant(middle.text, tokenSpan(middle)));
    }
    const endToken = this.expectType(TokenType.FStringEnd);
    if (endToken === null) {
      this.mark = start;
      return null;
    }
    return this.joinedStr(startToken, raw, endToken);
  }

  /** CPython's _PyPegen_joined_str: flattens debug fields, decodes literal parts, drops empty ones. */
  private joinedStr(startToken: Token, raw: Expr[], endToken: Token): JoinedStr {
    const isRaw = /[rR]/.test(startToken.text);
    const values: Expr[] = [];
    for (const item of raw) {
      const items = item.type === "JoinedStr" ? item.values : [item];
      for (const part of items) {
        if (part.type === "Constant") {
          const decoded = this.decodeFStringPart(isRaw, part, endToken);
          if (!isEmptyStr(decoded)) values.push(decoded);
        } else {
          values.push(part);
        }
      }
    }
    return {
      type: "JoinedStr",
      values,
      lineno: startToken.lineno,
      col_offset: startToken.col,
      end_lineno: endToken.endLineno,
      end_col_offset: endToken.endCol,
    };
  }

  /** CPython's _PyPegen_decode_fstring_part. */
  private decodeFStringPart(isRaw: boolean, constant: Constant, token: Token): Constant {
    const text = strValue(constant)!;
    const problems: DecodeProblems = {};
    const value = decodeString(text, isRaw || text.indexOf("\\") < 0, problems);
    this.reportFStringProblems(problems, token);
    return strConstant(value, spanOfNode(constant));
  }

  private reportFStringProblems(problems: DecodeProblems, token: Token): void {
    // The tokenizer already warned about \{ and \}.
    const escape = problems.invalidEscape;
    if (escape !== undefined && escape.code === "invalid-escape" && (escape.args[0] === "{" || escape.args[0] === "}")) {
      delete problems.invalidEscape;
    }
    this.reportDecodeProblems(problems, token);
  }

  // fstring_replacement_field[expr_ty]:
  //     | '{' a=annotated_rhs debug_expr='='? conversion=[fstring_conversion] format=[fstring_full_format_spec] rbrace='}' {
  //         _PyPegen_formatted_value(p, a, debug_expr, conversion, format, rbrace, EXTRA) }
  //     | invalid_replacement_field
  private fstringReplacementField(): Expr | null {
    const start = this.mark;
    const lbrace = this.expectOp("{");
    if (lbrace === null) return null;
    const value = this.annotatedRhs();
    if (value !== null) {
      const debug = this.expectOp("=");
      const conversion = this.fstringConversion();
      const format = this.fstringFullFormatSpec();
      const rbrace = this.expectOp("}");
      if (rbrace !== null) return this.formattedValue(start, lbrace, value, debug, conversion, format, rbrace);
    }
    this.mark = start;
    if (this.callInvalidRules) {
      this.invalidReplacementField();
      this.mark = start;
    }
    return null;
  }

  // fstring_conversion[ResultTokenWithMetadata*]:
  //     | conv_token="!" conv=NAME { _PyPegen_check_fstring_conversion(p, conv_token, conv) }
  private fstringConversion(): { bang: Token; name: Token } | null {
    const start = this.mark;
    const bang = this.expectOp("!");
    if (bang === null) return null;
    const name = this.nameToken();
    if (name === null) {
      this.mark = start;
      return null;
    }
    if (bang.lineno !== name.lineno || bang.endCol !== name.col) {
      this.raiseKnownRange(tokenSpan(bang), tokenSpan(name), this.message("fstring-conversion-spacing"));
    }
    return { bang, name };
  }

  // fstring_full_format_spec[ResultTokenWithMetadata*]:
  //     | colon=':' spec=fstring_format_spec* { _PyPegen_setup_full_format_spec(p, colon, spec, EXTRA) }
  // fstring_format_spec[expr_ty]:
  //     | t=FSTRING_MIDDLE { _PyPegen_decoded_constant_from_token(p, t) }
  //     | fstring_replacement_field
  private fstringFullFormatSpec(): { colon: Token; spec: Expr } | null {
    const start = this.mark;
    const colon = this.expectOp(":");
    if (colon === null) return null;
    const parts: Expr[] = [];
    for (;;) {
      const middle = this.expectType(TokenType.FStringMiddle);
      if (middle !== null) {
        const problems: DecodeProblems = {};
        const value = decodeString(middle.text, false, problems);
        this.reportFStringProblems(problems, middle);
        parts.push(strConstant(value, tokenSpan(middle)));
        continue;
      }
      const field = this.fstringReplacementField();
      if (field === null) break;
      parts.push(field);
    }
    const span = this.extra(start);
    if (!this.atLeast(3, 13)) {
      // 3.12 only drops a lone empty part (an empty spec is an empty JoinedStr, as in 3.11).
      const values = parts.length === 1 && isEmptyStr(parts[0]!) ? [] : parts;
      return { colon, spec: { type: "JoinedStr", values, ...span } };
    }
    const nonEmpty = parts.filter((part) => !isEmptyStr(part));
    const spec =
      nonEmpty.length === 0 || (nonEmpty.length === 1 && nonEmpty[0]!.type === "Constant")
        ? ({ type: "JoinedStr", values: nonEmpty, ...span } satisfies JoinedStr)
        : this.concatenateStrings(nonEmpty, span);
    return { colon, spec };
  }

  /** CPython's _PyPegen_formatted_value. */
  private formattedValue(
    start: number,
    lbrace: Token,
    value: Expr,
    debug: Token | null,
    conversion: { bang: Token; name: Token } | null,
    format: { colon: Token; spec: Expr } | null,
    rbrace: Token,
  ): Expr {
    let conversionValue: Conversion = -1;
    if (conversion !== null) {
      const name = conversion.name.text;
      if (name.length > 1 || !(name === "s" || name === "r" || name === "a")) {
        this.raiseKnownLocation(
          tokenSpan(conversion.name),
          this.message("fstring-invalid-conversion", pythonRepr(name)),
        );
      }
      conversionValue = name.charCodeAt(0) as Conversion;
    } else if (debug !== null && format === null) {
      conversionValue = 114;
    }
    const span = this.extra(start);
    const formatted: Expr = { type: "FormattedValue", value, conversion: conversionValue, format_spec: format?.spec ?? null, ...span };
    if (debug === null) return formatted;
    let endLineno: number;
    let endCol: number;
    let textEnd: Token;
    if (conversion !== null) {
      endLineno = conversion.name.lineno;
      endCol = conversion.name.col;
      textEnd = conversion.bang;
    } else if (format !== null) {
      endLineno = format.spec.lineno;
      endCol = format.spec.col_offset + 1;
      textEnd = format.colon;
    } else {
      endLineno = span.end_lineno;
      endCol = span.end_col_offset;
      textEnd = rbrace;
    }
    const debugText = this.debugText(lbrace, textEnd);
    const text = strConstant(debugText, {
      lineno: span.lineno,
      col_offset: span.col_offset + 1,
      end_lineno: endLineno,
      end_col_offset: endCol - 1,
    });
    return {
      type: "JoinedStr",
      values: [text, formatted],
      lineno: span.lineno,
      col_offset: span.col_offset,
      end_lineno: endLineno,
      end_col_offset: endCol,
    };
  }

  /** The source between `{` and the token ending a `=` field; 3.13 drops comments from it. */
  private debugText(lbrace: Token, end: Token): string {
    const text = this.source.slice(lbrace.end, end.start);
    if (!this.atLeast(3, 13) || text.indexOf("#") < 0) return text;
    return text.replace(/#[^\n]*/g, "");
  }

  // invalid_replacement_field:
  //     | '{' a='=' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "f-string: valid expression required before '='") }
  //     | '{' a='!' { ... before '!'" }  | '{' a=':' { ... before ':'" }  | '{' a='}' { ... before '}'" }
  //     | '{' !annotated_rhs { RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: expecting a valid expression after '{'") }
  //     | '{' annotated_rhs !('=' | '!' | ':' | '}') { ON_NEXT_TOKEN("f-string: expecting '=', or '!', or ':', or '}'") }
  //     | '{' annotated_rhs '=' !('!' | ':' | '}') { ON_NEXT_TOKEN("f-string: expecting '!', or ':', or '}'") }
  //     | '{' annotated_rhs '='? invalid_conversion_character
  //     | '{' annotated_rhs '='? ['!' NAME] !(':' | '}') { ON_NEXT_TOKEN("f-string: expecting ':' or '}'") }
  //     | '{' annotated_rhs '='? ['!' NAME] ':' fstring_format_spec* !'}' { ON_NEXT_TOKEN("f-string: expecting '}', or format specs") }
  //     | '{' annotated_rhs '='? ['!' NAME] !'}' { ON_NEXT_TOKEN("f-string: expecting '}'") }
  // invalid_conversion_character:
  //     | '!' &(':' | '}') { ON_NEXT_TOKEN("f-string: missing conversion character") }
  //     | '!' !NAME { ON_NEXT_TOKEN("f-string: invalid conversion character") }
  private invalidReplacementField(): void {
    const start = this.mark;
    if (this.expectOp("{") === null) return;
    for (const op of ["=", "!", ":", "}"]) {
      const token = this.expectOp(op);
      if (token !== null) this.raiseKnownLocation(tokenSpan(token), this.message("fstring-expression-before", op));
    }
    if (!this.lookahead(() => this.annotatedRhs())) this.raiseOnNextToken(this.message("fstring-expecting-expression"));
    this.annotatedRhs();
    const afterValue = this.mark;
    if (!(this.isOp("=") || this.isOp("!") || this.isOp(":") || this.isOp("}"))) {
      this.raiseOnNextToken(this.message("fstring-expecting-any"));
    }
    if (this.expectOp("=") !== null && !(this.isOp("!") || this.isOp(":") || this.isOp("}"))) {
      this.raiseOnNextToken(this.message("fstring-expecting-after-debug"));
    }
    this.mark = afterValue;
    this.expectOp("=");
    const afterDebug = this.mark;
    if (this.expectOp("!") !== null) {
      if (this.isOp(":") || this.isOp("}")) this.raiseOnNextToken(this.message("fstring-missing-conversion"));
      if (!this.lookahead(() => this.nameToken())) this.raiseOnNextToken(this.message("fstring-invalid-conversion-bare"));
    }
    this.mark = afterDebug;
    const conversionStart = this.mark;
    if (!(this.expectOp("!") !== null && this.nameToken() !== null)) this.mark = conversionStart;
    const afterConversion = this.mark;
    if (!(this.isOp(":") || this.isOp("}"))) this.raiseOnNextToken(this.message("fstring-expecting-colon-or-brace"));
    if (this.expectOp(":") !== null) {
      for (;;) {
        if (this.expectType(TokenType.FStringMiddle) !== null) continue;
        if (this.fstringReplacementField() === null) break;
      }
      if (!this.isOp("}")) this.raiseOnNextToken(this.message("fstring-expecting-brace-or-spec"));
    }
    this.mark = afterConversion;
    if (!this.isOp("}")) this.raiseOnNextToken(this.message("fstring-expecting-brace"));
    this.mark = start;
  }

  /** CPython's _PyPegen_concatenate_strings. */
  protected concatenateStrings(strings: Expr[], span: Located): Expr {
    let fstringFound = false;
    let unicodeFound = false;
    let bytesFound = false;
    for (const element of strings) {
      if (element.type === "Constant") {
        if (element.value.kind === "bytes") bytesFound = true;
        else unicodeFound = true;
      } else {
        fstringFound = true;
      }
    }
    if ((unicodeFound || fstringFound) && bytesFound) this.raiseError(this.message("mixed-bytes"));
    if (bytesFound) {
      const chunks = strings.map((element) => (element as Constant).value as { kind: "bytes"; value: Uint8Array });
      const total = chunks.reduce((length, chunk) => length + chunk.value.length, 0);
      const value = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        value.set(chunk.value, offset);
        offset += chunk.value.length;
      }
      const constant: Constant = { type: "Constant", value: { kind: "bytes", value }, ...span };
      const kind = (strings[0] as Constant).kind;
      if (kind !== undefined) constant.kind = kind;
      return constant;
    }
    if (!fstringFound && strings.length === 1) return strings[0]!;
    const flattened: Expr[] = [];
    for (const element of strings) {
      if (element.type === "JoinedStr") flattened.push(...element.values);
      else flattened.push(element);
    }
    const values: Expr[] = [];
    for (let index = 0; index < flattened.length; index++) {
      let element = flattened[index]!;
      if (element.type === "Constant") {
        if (index + 1 < flattened.length && flattened[index + 1]!.type === "Constant") {
          const first = element;
          let last = element;
          let text = "";
          let next = index;
          for (; next < flattened.length; next++) {
            const current = flattened[next]!;
            if (current.type !== "Constant") break;
            const piece = strValue(current) ?? "";
            if (joinsSurrogates(text, piece)) throw new UnsupportedFeature(this.message("unsupported-joined-surrogates"), current.lineno);
            text += piece;
            last = current;
          }
          index = next - 1;
          const merged = strConstant(text, spanOf(first, last));
          if (first.kind !== undefined) merged.kind = first.kind;
          element = merged;
        }
        if (fstringFound && isEmptyStr(element)) continue;
      }
      values.push(element);
    }
    if (!fstringFound) return values[0]!;
    return { type: "JoinedStr", values, ...span };
  }

  /** The parser services the pre-3.12 string code needs. */
  private legacyHost(): LegacyStringHost {
    return {
      source: this.source,
      minor: this.version.minor,
      message: (code, ...args) => this.message(code, ...args),
      raiseError: (msg) => this.raiseError(msg),
      raiseAtToken: (token, msg) => this.raiseKnownLocation(tokenSpan(token), msg),
      reportProblems: (problems, token) => this.reportDecodeProblems(problems, token),
      warn: (message, token) => {
        this.warnings.push({ category: "DeprecationWarning", message, lineno: token.lineno });
      },
      compileExpression: (start, end) => this.compileFStringExpression(start, end),
    };
  }

  /** Parses the expression of a pre-3.12 f-string replacement field (see parser.ts). */
  protected abstract compileFStringExpression(start: number, end: number): Expr;
}

function spanOf(first: Located, last: Located): Located {
  return { lineno: first.lineno, col_offset: first.col_offset, end_lineno: last.end_lineno, end_col_offset: last.end_col_offset };
}

/** Python's repr() of a str, enough for identifiers in messages. */
function pythonRepr(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text}"`;
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
