// Patterns of the match statement (python.gram "Match statement", PEP 634), 3.10+.
import type { Expr, Pattern } from "../ast/nodes.js";
import { numberValue } from "../lexer/literals.js";
import { TokenType } from "../lexer/tokens.js";
import { exprName, setExprContext } from "./context.js";
import { Memo, tokenSpan } from "./parser-base.js";
import { StringParser } from "./strings.js";

interface KeyPatternPair {
  key: Expr;
  pattern: Pattern;
}

export abstract class PatternParser extends StringParser {
  // patterns[pattern_ty]:
  //     | patterns[asdl_pattern_seq*]=open_sequence_pattern { _PyAST_MatchSequence(patterns, EXTRA) }
  //     | pattern
  protected patterns(): Pattern | null {
    const start = this.mark;
    const sequence = this.openSequencePattern();
    if (sequence !== null) return { type: "MatchSequence", patterns: sequence, ...this.extra(start) };
    return this.pattern();
  }

  // pattern[pattern_ty]: as_pattern | or_pattern
  protected pattern(): Pattern | null {
    return this.asPattern() ?? this.orPattern();
  }

  // as_pattern[pattern_ty]:
  //     | pattern=or_pattern 'as' target=pattern_capture_target { _PyAST_MatchAs(pattern, target->v.Name.id, EXTRA) }
  //     | invalid_as_pattern
  private asPattern(): Pattern | null {
    const start = this.mark;
    const inner = this.orPattern();
    if (inner !== null && this.expectKeyword("as") !== null) {
      const target = this.patternCaptureTarget();
      if (target !== null) return { type: "MatchAs", pattern: inner, name: target, ...this.extra(start) };
    }
    this.mark = start;
    if (this.callInvalidRules) {
      // invalid_as_pattern:
      //     | or_pattern 'as' a="_" { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use '_' as a target") }
      //     | or_pattern 'as' !NAME a=expression { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "invalid pattern target") }
      if (this.orPattern() !== null && this.expectKeyword("as") !== null) {
        const afterAs = this.mark;
        const underscore = this.expectSoftKeyword("_");
        if (underscore !== null) this.raiseKnownLocation(tokenSpan(underscore), this.message("pattern-underscore-target"));
        this.mark = afterAs;
        if (!this.lookahead(() => this.nameToken())) {
          const target = this.expression();
          if (target !== null) {
            this.raiseKnownLocation(
              target,
              this.message("pattern-invalid-target", exprName(target, this.version)),
            );
          }
        }
      }
      this.mark = start;
    }
    return null;
  }

  // or_pattern[pattern_ty]:
  //     | patterns[asdl_pattern_seq*]='|'.closed_pattern+ { len == 1 ? patterns[0] : _PyAST_MatchOr(patterns, EXTRA) }
  private orPattern(): Pattern | null {
    const start = this.mark;
    const first = this.closedPattern();
    if (first === null) return null;
    const patterns = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp("|") === null) break;
      const next = this.closedPattern();
      if (next === null) {
        this.mark = save;
        break;
      }
      patterns.push(next);
    }
    return patterns.length === 1 ? first : { type: "MatchOr", patterns, ...this.extra(start) };
  }

  // closed_pattern[pattern_ty] (memo):
  //     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
  //     | group_pattern | sequence_pattern | mapping_pattern | class_pattern
  private closedPattern(): Pattern | null {
    const cached = this.memoGet<Pattern>(Memo.ClosedPattern);
    if (cached !== undefined) return cached;
    const start = this.mark;
    this.enter();
    const result =
      this.literalPattern() ??
      this.capturePattern() ??
      this.wildcardPattern() ??
      this.valuePattern() ??
      this.groupPattern() ??
      this.sequencePattern() ??
      this.mappingPattern() ??
      this.classPattern();
    this.leave();
    return this.memoSet(Memo.ClosedPattern, start, result);
  }

  // literal_pattern[pattern_ty]:
  //     | value=signed_number !('+' | '-') { _PyAST_MatchValue(value, EXTRA) }
  //     | value=complex_number { _PyAST_MatchValue(value, EXTRA) }
  //     | value=strings { _PyAST_MatchValue(value, EXTRA) }
  //     | 'None' { _PyAST_MatchSingleton(Py_None, EXTRA) }
  //     | 'True' { _PyAST_MatchSingleton(Py_True, EXTRA) }
  //     | 'False' { _PyAST_MatchSingleton(Py_False, EXTRA) }
  private literalPattern(): Pattern | null {
    const start = this.mark;
    const value = this.literalValue();
    if (value !== null) return { type: "MatchValue", value, ...this.extra(start) };
    if (this.expectKeyword("None") !== null) return { type: "MatchSingleton", value: { kind: "None" }, ...this.extra(start) };
    if (this.expectKeyword("True") !== null) {
      return { type: "MatchSingleton", value: { kind: "bool", value: true }, ...this.extra(start) };
    }
    if (this.expectKeyword("False") !== null) {
      return { type: "MatchSingleton", value: { kind: "bool", value: false }, ...this.extra(start) };
    }
    return null;
  }

  /** The first three alternatives shared by literal_pattern and literal_expr. */
  private literalValue(): Expr | null {
    const start = this.mark;
    const number = this.signedNumber();
    if (number !== null && !this.isOp("+") && !this.isOp("-")) return number;
    this.mark = start;
    const complex = this.complexNumber();
    if (complex !== null) return complex;
    const token = this.peek();
    if (token.type === TokenType.String || token.type === TokenType.FStringStart) return this.strings();
    return null;
  }

  // literal_expr[expr_ty]:
  //     | signed_number !('+' | '-') | complex_number | &(STRING|FSTRING_START) strings
  //     | 'None' | 'True' | 'False'  (as Constant)
  private literalExpr(): Expr | null {
    const start = this.mark;
    const value = this.literalValue();
    if (value !== null) return value;
    if (this.expectKeyword("None") !== null) return { type: "Constant", value: { kind: "None" }, ...this.extra(start) };
    if (this.expectKeyword("True") !== null) return { type: "Constant", value: { kind: "bool", value: true }, ...this.extra(start) };
    if (this.expectKeyword("False") !== null) return { type: "Constant", value: { kind: "bool", value: false }, ...this.extra(start) };
    return null;
  }

  // complex_number[expr_ty]:
  //     | real=signed_real_number '+' imag=imaginary_number { _PyAST_BinOp(real, Add, imag, EXTRA) }
  //     | real=signed_real_number '-' imag=imaginary_number { _PyAST_BinOp(real, Sub, imag, EXTRA) }
  private complexNumber(): Expr | null {
    const start = this.mark;
    const real = this.signedRealNumber();
    if (real !== null) {
      const operator = this.expectOp("+") ?? this.expectOp("-");
      if (operator !== null) {
        const imag = this.imaginaryNumber();
        if (imag !== null) {
          return { type: "BinOp", left: real, op: operator.text === "+" ? "Add" : "Sub", right: imag, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    return null;
  }

  // signed_number[expr_ty]: NUMBER | '-' number=NUMBER { _PyAST_UnaryOp(USub, number, EXTRA) }
  private signedNumber(): Expr | null {
    const start = this.mark;
    const number = this.numberConstant();
    if (number !== null) return number;
    if (this.expectOp("-") !== null) {
      const operand = this.numberConstant();
      if (operand !== null) return { type: "UnaryOp", op: "USub", operand, ...this.extra(start) };
    }
    this.mark = start;
    return null;
  }

  // signed_real_number[expr_ty]: real_number | '-' real=real_number { _PyAST_UnaryOp(USub, real, EXTRA) }
  // real_number[expr_ty]: real=NUMBER { _PyPegen_ensure_real(p, real) }
  private signedRealNumber(): Expr | null {
    const start = this.mark;
    const negative = this.expectOp("-") !== null;
    const number = this.numberConstant();
    if (number === null) {
      this.mark = start;
      return null;
    }
    if (number.type === "Constant" && number.value.kind === "complex") {
      this.raiseKnownLocation(number, this.message("pattern-real-required"));
    }
    return negative ? { type: "UnaryOp", op: "USub", operand: number, ...this.extra(start) } : number;
  }

  // imaginary_number[expr_ty]: imag=NUMBER { _PyPegen_ensure_imaginary(p, imag) }
  private imaginaryNumber(): Expr | null {
    const number = this.numberConstant();
    if (number === null) return null;
    if (!(number.type === "Constant" && number.value.kind === "complex")) {
      this.raiseKnownLocation(number, this.message("pattern-imaginary-required"));
    }
    return number;
  }

  private numberConstant(): Expr | null {
    const start = this.mark;
    const token = this.expectType(TokenType.Number);
    if (token === null) return null;
    return { type: "Constant", value: numberValue(token.text), ...this.extra(start) };
  }

  // capture_pattern[pattern_ty]: target=pattern_capture_target { _PyAST_MatchAs(NULL, target->v.Name.id, EXTRA) }
  private capturePattern(): Pattern | null {
    const start = this.mark;
    const target = this.patternCaptureTarget();
    if (target === null) return null;
    return { type: "MatchAs", pattern: null, name: target, ...this.extra(start) };
  }

  // pattern_capture_target[expr_ty]: !"_" name=NAME !('.' | '(' | '=') { _PyPegen_set_expr_context(p, name, Store) }
  private patternCaptureTarget(): string | null {
    const start = this.mark;
    if (this.lookahead(() => this.expectSoftKeyword("_"))) return null;
    const name = this.name();
    if (name === null) return null;
    if (this.isOp(".") || this.isOp("(") || this.isOp("=")) {
      this.mark = start;
      return null;
    }
    return (setExprContext(name, "Store") as { id: string }).id;
  }

  // wildcard_pattern[pattern_ty]: "_" { _PyAST_MatchAs(NULL, NULL, EXTRA) }
  private wildcardPattern(): Pattern | null {
    const start = this.mark;
    if (this.expectSoftKeyword("_") === null) return null;
    return { type: "MatchAs", pattern: null, name: null, ...this.extra(start) };
  }

  // value_pattern[pattern_ty]: attr=attr !('.' | '(' | '=') { _PyAST_MatchValue(attr, EXTRA) }
  private valuePattern(): Pattern | null {
    const start = this.mark;
    const attribute = this.attr();
    if (attribute === null) return null;
    if (this.isOp(".") || this.isOp("(") || this.isOp("=")) {
      this.mark = start;
      return null;
    }
    return { type: "MatchValue", value: attribute, ...this.extra(start) };
  }

  // attr[expr_ty]: value=name_or_attr '.' attr=NAME { _PyAST_Attribute(value, attr->v.Name.id, Load, EXTRA) }
  // name_or_attr[expr_ty]: attr | NAME
  // (left-recursive through name_or_attr: a dotted name with at least one dot)
  private attr(): Expr | null {
    const start = this.mark;
    const first = this.name();
    if (first === null) return null;
    let result: Expr = first;
    let dots = 0;
    for (;;) {
      const save = this.mark;
      if (this.expectOp(".") === null) break;
      const name = this.nameToken();
      if (name === null) {
        this.mark = save;
        break;
      }
      result = { type: "Attribute", value: result, attr: this.nameFromToken(name).id, ctx: "Load", ...this.extra(start) };
      dots++;
    }
    if (dots === 0) {
      this.mark = start;
      return null;
    }
    return result;
  }

  private nameOrAttr(): Expr | null {
    return this.attr() ?? this.name();
  }

  // group_pattern[pattern_ty]: '(' pattern=pattern ')' { pattern }
  private groupPattern(): Pattern | null {
    const start = this.mark;
    if (this.expectOp("(") !== null) {
      const inner = this.pattern();
      if (inner !== null && this.expectOp(")") !== null) return inner;
    }
    this.mark = start;
    return null;
  }

  // sequence_pattern[pattern_ty]:
  //     | '[' patterns=maybe_sequence_pattern? ']' { _PyAST_MatchSequence(patterns, EXTRA) }
  //     | '(' patterns=open_sequence_pattern? ')' { _PyAST_MatchSequence(patterns, EXTRA) }
  private sequencePattern(): Pattern | null {
    const start = this.mark;
    if (this.expectOp("[") !== null) {
      const patterns = this.maybeSequencePattern() ?? [];
      if (this.expectOp("]") !== null) return { type: "MatchSequence", patterns, ...this.extra(start) };
    }
    this.mark = start;
    if (this.expectOp("(") !== null) {
      const patterns = this.openSequencePattern() ?? [];
      if (this.expectOp(")") !== null) return { type: "MatchSequence", patterns, ...this.extra(start) };
    }
    this.mark = start;
    return null;
  }

  // open_sequence_pattern[asdl_seq*]:
  //     | pattern=maybe_star_pattern ',' patterns=maybe_sequence_pattern? { insert_in_front(pattern, patterns) }
  private openSequencePattern(): Pattern[] | null {
    const start = this.mark;
    const first = this.maybeStarPattern();
    if (first !== null && this.expectOp(",") !== null) return [first, ...(this.maybeSequencePattern() ?? [])];
    this.mark = start;
    return null;
  }

  // maybe_sequence_pattern[asdl_seq*]: patterns=','.maybe_star_pattern+ ','? { patterns }
  private maybeSequencePattern(): Pattern[] | null {
    const first = this.maybeStarPattern();
    if (first === null) return null;
    const patterns = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.maybeStarPattern();
      if (next === null) {
        this.mark = save;
        break;
      }
      patterns.push(next);
    }
    this.expectOp(",");
    return patterns;
  }

  // maybe_star_pattern[pattern_ty]: star_pattern | pattern
  private maybeStarPattern(): Pattern | null {
    return this.starPattern() ?? this.pattern();
  }

  // star_pattern[pattern_ty] (memo):
  //     | '*' target=pattern_capture_target { _PyAST_MatchStar(target->v.Name.id, EXTRA) }
  //     | '*' wildcard_pattern { _PyAST_MatchStar(NULL, EXTRA) }
  private starPattern(): Pattern | null {
    const cached = this.memoGet<Pattern>(Memo.StarPattern);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result: Pattern | null = null;
    if (this.expectOp("*") !== null) {
      const target = this.patternCaptureTarget();
      if (target !== null) result = { type: "MatchStar", name: target, ...this.extra(start) };
      else if (this.wildcardPattern() !== null) result = { type: "MatchStar", name: null, ...this.extra(start) };
    }
    if (result === null) this.mark = start;
    return this.memoSet(Memo.StarPattern, start, result);
  }

  // mapping_pattern[pattern_ty]:
  //     | '{' '}'
  //     | '{' rest=double_star_pattern ','? '}'
  //     | '{' items=items_pattern ',' rest=double_star_pattern ','? '}'
  //     | '{' items=items_pattern ','? '}'
  //     | invalid_mapping_pattern (3.13+?)
  private mappingPattern(): Pattern | null {
    const start = this.mark;
    if (this.expectOp("{") === null) return null;
    if (this.expectOp("}") !== null) return { type: "MatchMapping", keys: [], patterns: [], rest: null, ...this.extra(start) };
    const afterBrace = this.mark;
    const rest = this.doubleStarPattern();
    if (rest !== null) {
      this.expectOp(",");
      if (this.expectOp("}") !== null) return { type: "MatchMapping", keys: [], patterns: [], rest, ...this.extra(start) };
    }
    this.mark = afterBrace;
    const items = this.itemsPattern();
    if (items !== null) {
      const afterItems = this.mark;
      if (this.expectOp(",") !== null) {
        const restName = this.doubleStarPattern();
        if (restName !== null) {
          this.expectOp(",");
          if (this.expectOp("}") !== null) {
            return {
              type: "MatchMapping",
              keys: items.map((item) => item.key),
              patterns: items.map((item) => item.pattern),
              rest: restName,
              ...this.extra(start),
            };
          }
        }
      }
      this.mark = afterItems;
      this.expectOp(",");
      if (this.expectOp("}") !== null) {
        return {
          type: "MatchMapping",
          keys: items.map((item) => item.key),
          patterns: items.map((item) => item.pattern),
          rest: null,
          ...this.extra(start),
        };
      }
    }
    this.mark = start;
    return null;
  }

  // items_pattern[asdl_seq*]: ','.key_value_pattern+
  private itemsPattern(): KeyPatternPair[] | null {
    const first = this.keyValuePattern();
    if (first === null) return null;
    const items = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.keyValuePattern();
      if (next === null) {
        this.mark = save;
        break;
      }
      items.push(next);
    }
    return items;
  }

  // key_value_pattern[KeyPatternPair*]: key=(literal_expr | attr) ':' pattern=pattern
  private keyValuePattern(): KeyPatternPair | null {
    const start = this.mark;
    const key = this.literalExpr() ?? this.attr();
    if (key !== null && this.expectOp(":") !== null) {
      const pattern = this.pattern();
      if (pattern !== null) return { key, pattern };
    }
    this.mark = start;
    return null;
  }

  // double_star_pattern[expr_ty]: '**' target=pattern_capture_target { target }
  private doubleStarPattern(): string | null {
    const start = this.mark;
    if (this.expectOp("**") !== null) {
      const target = this.patternCaptureTarget();
      if (target !== null) return target;
    }
    this.mark = start;
    return null;
  }

  // class_pattern[pattern_ty]:
  //     | cls=name_or_attr '(' ')'
  //     | cls=name_or_attr '(' patterns=positional_patterns ','? ')'
  //     | cls=name_or_attr '(' keywords=keyword_patterns ','? ')'
  //     | cls=name_or_attr '(' patterns=positional_patterns ',' keywords=keyword_patterns ','? ')'
  //     | invalid_class_pattern
  private classPattern(): Pattern | null {
    const start = this.mark;
    const cls = this.nameOrAttr();
    if (cls === null) return null;
    if (this.expectOp("(") !== null) {
      if (this.expectOp(")") !== null) {
        return { type: "MatchClass", cls, patterns: [], kwd_attrs: [], kwd_patterns: [], ...this.extra(start) };
      }
      const afterParen = this.mark;
      const positional = this.positionalPatterns();
      if (positional !== null) {
        const afterPositional = this.mark;
        this.expectOp(",");
        if (this.expectOp(")") !== null) {
          return { type: "MatchClass", cls, patterns: positional, kwd_attrs: [], kwd_patterns: [], ...this.extra(start) };
        }
        this.mark = afterPositional;
      }
      this.mark = afterParen;
      const keywords = this.keywordPatterns();
      if (keywords !== null) {
        this.expectOp(",");
        if (this.expectOp(")") !== null) {
          return {
            type: "MatchClass",
            cls,
            patterns: [],
            kwd_attrs: keywords.map((item) => item.name),
            kwd_patterns: keywords.map((item) => item.pattern),
            ...this.extra(start),
          };
        }
      }
      this.mark = afterParen;
      const positionalAgain = this.positionalPatterns();
      if (positionalAgain !== null && this.expectOp(",") !== null) {
        const keywordsAfter = this.keywordPatterns();
        if (keywordsAfter !== null) {
          this.expectOp(",");
          if (this.expectOp(")") !== null) {
            return {
              type: "MatchClass",
              cls,
              patterns: positionalAgain,
              kwd_attrs: keywordsAfter.map((item) => item.name),
              kwd_patterns: keywordsAfter.map((item) => item.pattern),
              ...this.extra(start),
            };
          }
        }
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      // invalid_class_pattern:
      //     | name_or_attr '(' a=invalid_class_argument_pattern { RAISE_SYNTAX_ERROR_KNOWN_RANGE(
      //         first_item(a), last_item(a), "positional patterns follow keyword patterns") }
      // invalid_class_argument_pattern[asdl_pattern_seq*]:
      //     | [positional_patterns ','] keyword_patterns ',' a=positional_patterns { a }
      if (this.nameOrAttr() !== null && this.expectOp("(") !== null) {
        const save = this.mark;
        if (!(this.positionalPatterns() !== null && this.expectOp(",") !== null)) this.mark = save;
        if (this.keywordPatterns() !== null && this.expectOp(",") !== null) {
          const misplaced = this.positionalPatterns();
          if (misplaced !== null) {
            this.raiseKnownRange(misplaced[0]!, misplaced[misplaced.length - 1]!, this.message("pattern-positional-after-keyword"));
          }
        }
      }
      this.mark = start;
    }
    return null;
  }

  // positional_patterns[asdl_pattern_seq*]: args=','.pattern+ { args }
  private positionalPatterns(): Pattern[] | null {
    const first = this.pattern();
    if (first === null) return null;
    const patterns = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.pattern();
      if (next === null) {
        this.mark = save;
        break;
      }
      patterns.push(next);
    }
    return patterns;
  }

  // keyword_patterns[asdl_seq*]: ','.keyword_pattern+
  // keyword_pattern[KeyPatternPair*]: arg=NAME '=' value=pattern
  private keywordPatterns(): { name: string; pattern: Pattern }[] | null {
    const items: { name: string; pattern: Pattern }[] = [];
    for (;;) {
      const save = this.mark;
      if (items.length > 0 && this.expectOp(",") === null) break;
      const name = this.name();
      if (name !== null && this.expectOp("=") !== null) {
        const pattern = this.pattern();
        if (pattern !== null) {
          items.push({ name: name.id, pattern });
          continue;
        }
      }
      this.mark = save;
      break;
    }
    return items.length > 0 ? items : null;
  }
}
