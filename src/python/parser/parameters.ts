// Function and lambda parameters (python.gram "Function parameters", "Lambda functions"). The
// lambda rules duplicate the def rules without annotations and end at ':' instead of ')', so
// one implementation serves both, switched by `kind`.
import type { Arg, Arguments, Expr } from "../ast/nodes.js";
import { CallParser } from "./arguments.js";
import { tokenSpan, type Span } from "./parser-base.js";

type ParameterKind = "def" | "lambda";

interface NameDefaultPair {
  arg: Arg;
  value: Expr | null;
}

interface SlashWithDefault {
  plainNames: Arg[];
  namesWithDefaults: NameDefaultPair[];
}

interface StarEtc {
  vararg: Arg | null;
  kwonlyargs: NameDefaultPair[] | null;
  kwarg: Arg | null;
}

export function emptyArguments(): Arguments {
  return { type: "arguments", posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

/** CPython's _PyPegen_make_arguments. */
function makeArguments(
  slashWithoutDefault: Arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: Arg[] | null,
  namesWithDefault: NameDefaultPair[] | null,
  starEtc: StarEtc | null,
): Arguments {
  const posonlyargs = slashWithoutDefault
    ? slashWithoutDefault
    : slashWithDefault
      ? [...slashWithDefault.plainNames, ...slashWithDefault.namesWithDefaults.map((pair) => pair.arg)]
      : [];
  const args = namesWithDefault
    ? [...(plainNames ?? []), ...namesWithDefault.map((pair) => pair.arg)]
    : (plainNames ?? []);
  const defaults = [
    ...(slashWithDefault ? slashWithDefault.namesWithDefaults.map((pair) => pair.value!) : []),
    ...(namesWithDefault ? namesWithDefault.map((pair) => pair.value!) : []),
  ];
  return {
    type: "arguments",
    posonlyargs,
    args,
    vararg: starEtc?.vararg ?? null,
    kwonlyargs: starEtc?.kwonlyargs?.map((pair) => pair.arg) ?? [],
    kw_defaults: starEtc?.kwonlyargs?.map((pair) => pair.value) ?? [],
    kwarg: starEtc?.kwarg ?? null,
    defaults,
  };
}

export abstract class ParameterParser extends CallParser {
  // lambdef[expr_ty]:
  //     | 'lambda' a=[lambda_params] ':' b=expression { _PyAST_Lambda(a or empty, b, EXTRA) }
  lambdef(): Expr | null {
    const start = this.mark;
    if (this.expectKeyword("lambda") === null) return null;
    const args = this.lambdaParams() ?? emptyArguments();
    if (this.expectOp(":") !== null) {
      const body = this.expression();
      if (body !== null) return { type: "Lambda", args, body, ...this.extra(start) };
    }
    this.mark = start;
    return null;
  }

  // lambda_params[arguments_ty]: invalid_lambda_parameters | lambda_parameters
  lambdaParams(): Arguments | null {
    return this.paramsOf("lambda");
  }

  // params[arguments_ty]: invalid_parameters | parameters
  protected params(): Arguments | null {
    return this.paramsOf("def");
  }

  private paramsOf(kind: ParameterKind): Arguments | null {
    const start = this.mark;
    if (this.callInvalidRules) {
      this.invalidParameters(kind);
      this.mark = start;
    }
    return this.parameters(kind);
  }

  // parameters[arguments_ty]:
  //     | a=slash_no_default b=param_no_default* c=param_with_default* d=[star_etc]
  //     | a=slash_with_default b=param_with_default* c=[star_etc]
  //     | a=param_no_default+ b=param_with_default* c=[star_etc]
  //     | a=param_with_default+ b=[star_etc]
  //     | a=star_etc
  private parameters(kind: ParameterKind): Arguments | null {
    const start = this.mark;
    const slashNoDefault = this.atLeast(3, 8) ? this.slashNoDefault(kind) : null;
    if (slashNoDefault !== null) {
      const plain = this.repeat(() => this.paramNoDefault(kind));
      const withDefault = this.repeat(() => this.paramWithDefault(kind));
      const starEtc = this.starEtc(kind);
      return makeArguments(slashNoDefault, null, plain, withDefault, starEtc);
    }
    const slashWithDefault = this.atLeast(3, 8) ? this.slashWithDefault(kind) : null;
    if (slashWithDefault !== null) {
      const withDefault = this.repeat(() => this.paramWithDefault(kind));
      const starEtc = this.starEtc(kind);
      return makeArguments(null, slashWithDefault, null, withDefault, starEtc);
    }
    const plain = this.repeat(() => this.paramNoDefault(kind));
    if (plain.length > 0) {
      const withDefault = this.repeat(() => this.paramWithDefault(kind));
      const starEtc = this.starEtc(kind);
      return makeArguments(null, null, plain, withDefault, starEtc);
    }
    const withDefault = this.repeat(() => this.paramWithDefault(kind));
    if (withDefault.length > 0) {
      const starEtc = this.starEtc(kind);
      return makeArguments(null, null, null, withDefault, starEtc);
    }
    const starEtc = this.starEtc(kind);
    if (starEtc !== null) return makeArguments(null, null, null, null, starEtc);
    this.mark = start;
    return null;
  }

  private repeat<T>(item: () => T | null): T[] {
    const items: T[] = [];
    for (;;) {
      const next = item();
      if (next === null) return items;
      items.push(next);
    }
  }

  /** `&')'` for def parameters, `&':'` for lambda parameters. */
  private atParameterEnd(kind: ParameterKind): boolean {
    return this.isOp(kind === "def" ? ")" : ":");
  }

  // slash_no_default[asdl_arg_seq*]:
  //     | a=param_no_default+ '/' ',' { a }
  //     | a=param_no_default+ '/' &')' { a }
  private slashNoDefault(kind: ParameterKind): Arg[] | null {
    const start = this.mark;
    const names = this.repeat(() => this.paramNoDefault(kind));
    if (names.length > 0 && this.expectOp("/") !== null) {
      if (this.expectOp(",") !== null || this.atParameterEnd(kind)) return names;
    }
    this.mark = start;
    return null;
  }

  // slash_with_default[SlashWithDefault*]:
  //     | a=param_no_default* b=param_with_default+ '/' ',' { ... }
  //     | a=param_no_default* b=param_with_default+ '/' &')' { ... }
  private slashWithDefault(kind: ParameterKind): SlashWithDefault | null {
    const start = this.mark;
    const plainNames = this.repeat(() => this.paramNoDefault(kind));
    const namesWithDefaults = this.repeat(() => this.paramWithDefault(kind));
    if (namesWithDefaults.length > 0 && this.expectOp("/") !== null) {
      if (this.expectOp(",") !== null || this.atParameterEnd(kind)) return { plainNames, namesWithDefaults };
    }
    this.mark = start;
    return null;
  }

  // star_etc[StarEtc*]:
  //     | invalid_star_etc
  //     | '*' a=param_no_default b=param_maybe_default* c=[kwds]
  //     | '*' a=param_no_default_star_annotation b=param_maybe_default* c=[kwds]   (def only, 3.11+)
  //     | '*' ',' b=param_maybe_default+ c=[kwds]
  //     | a=kwds
  private starEtc(kind: ParameterKind): StarEtc | null {
    const start = this.mark;
    if (this.callInvalidRules) {
      this.invalidStarEtc(kind);
      this.mark = start;
    }
    if (this.expectOp("*") !== null) {
      const afterStar = this.mark;
      let vararg = this.paramNoDefault(kind);
      if (vararg === null && kind === "def" && this.atLeast(3, 11)) vararg = this.paramNoDefaultStarAnnotation();
      if (vararg !== null) {
        const kwonly = this.repeat(() => this.paramMaybeDefault(kind));
        const kwarg = this.kwds(kind);
        return { vararg, kwonlyargs: kwonly, kwarg };
      }
      this.mark = afterStar;
      if (this.expectOp(",") !== null) {
        const kwonly = this.repeat(() => this.paramMaybeDefault(kind));
        if (kwonly.length > 0) {
          const kwarg = this.kwds(kind);
          return { vararg: null, kwonlyargs: kwonly, kwarg };
        }
      }
      this.mark = start;
    }
    const kwarg = this.kwds(kind);
    if (kwarg !== null) return { vararg: null, kwonlyargs: null, kwarg };
    this.mark = start;
    return null;
  }

  // kwds[arg_ty]: invalid_kwds | '**' a=param_no_default { a }
  private kwds(kind: ParameterKind): Arg | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 11)) {
      this.invalidKwds(kind);
      this.mark = start;
    }
    if (this.expectOp("**") !== null) {
      const param = this.paramNoDefault(kind);
      if (param !== null) return param;
    }
    this.mark = start;
    return null;
  }

  // param_no_default[arg_ty]:
  //     | a=param ',' tc=TYPE_COMMENT? { a }
  //     | a=param tc=TYPE_COMMENT? &')' { a }
  private paramNoDefault(kind: ParameterKind): Arg | null {
    const start = this.mark;
    const param = this.param(kind);
    if (param !== null && (this.expectOp(",") !== null || this.atParameterEnd(kind))) return param;
    this.mark = start;
    return null;
  }

  // param_no_default_star_annotation[arg_ty]:
  //     | a=param_star_annotation ',' TYPE_COMMENT? { a }
  //     | a=param_star_annotation TYPE_COMMENT? &')' { a }
  // param_star_annotation[arg_ty]: a=NAME b=star_annotation { _PyAST_arg(a, b, NULL, EXTRA) }
  // star_annotation[expr_ty]: ':' a=star_expression { a }
  private paramNoDefaultStarAnnotation(): Arg | null {
    const start = this.mark;
    const name = this.name();
    if (name !== null && this.expectOp(":") !== null) {
      const annotation = this.starExpression();
      if (annotation !== null) {
        const arg: Arg = { type: "arg", arg: name.id, annotation, type_comment: null, ...this.extra(start) };
        if (this.expectOp(",") !== null || this.isOp(")")) return arg;
      }
    }
    this.mark = start;
    return null;
  }

  // param_with_default[NameDefaultPair*]:
  //     | a=param c=default ',' { pair(a, c) }
  //     | a=param c=default &')' { pair(a, c) }
  private paramWithDefault(kind: ParameterKind): NameDefaultPair | null {
    const start = this.mark;
    const arg = this.param(kind);
    if (arg !== null) {
      const value = this.defaultValue();
      if (value !== null && (this.expectOp(",") !== null || this.atParameterEnd(kind))) return { arg, value };
    }
    this.mark = start;
    return null;
  }

  // param_maybe_default[NameDefaultPair*]:
  //     | a=param c=default? ',' { pair(a, c) }
  //     | a=param c=default? &')' { pair(a, c) }
  private paramMaybeDefault(kind: ParameterKind): NameDefaultPair | null {
    const start = this.mark;
    const arg = this.param(kind);
    if (arg !== null) {
      const value = this.defaultValue();
      if (this.expectOp(",") !== null || this.atParameterEnd(kind)) return { arg, value };
    }
    this.mark = start;
    return null;
  }

  // param[arg_ty]: a=NAME b=annotation? { _PyAST_arg(a->v.Name.id, b, NULL, EXTRA) }
  // annotation[expr_ty]: ':' a=expression { a }
  // lambda_param[arg_ty]: a=NAME { _PyAST_arg(a->v.Name.id, NULL, NULL, EXTRA) }
  private param(kind: ParameterKind): Arg | null {
    const start = this.mark;
    const name = this.name();
    if (name === null) return null;
    let annotation: Expr | null = null;
    if (kind === "def") {
      const save = this.mark;
      if (this.expectOp(":") !== null) annotation = this.expression();
      if (annotation === null) this.mark = save;
    }
    return { type: "arg", arg: name.id, annotation, type_comment: null, ...this.extra(start) };
  }

  // default[expr_ty]: '=' a=expression { a } | invalid_default
  private defaultValue(): Expr | null {
    const start = this.mark;
    if (this.expectOp("=") !== null) {
      const value = this.expression();
      if (value !== null) return value;
    }
    this.mark = start;
    if (this.callInvalidRules && this.atLeast(3, 11)) {
      // invalid_default: a='=' &(')'|',') { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expected default value expression") }
      const equals = this.expectOp("=");
      if (equals !== null && (this.isOp(")") || this.isOp(","))) {
        this.raiseKnownLocation(tokenSpan(equals), this.message("param-expected-default"));
      }
      this.mark = start;
    }
    return null;
  }

  // invalid_parameters:
  //     | a="/" ',' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "at least one parameter must precede /") }
  //     | (slash_no_default | slash_with_default) param_maybe_default* a='/' { "/ may appear only once" }
  //     | slash_no_default? param_no_default* invalid_parameters_helper a=param_no_default {
  //         "parameter without a default follows parameter with a default" }
  //     | param_no_default* a='(' param_no_default+ ','? b=')' { "Function parameters cannot be parenthesized" }
  //     | (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
  //           param_maybe_default* a='/' { "/ must be ahead of *" }
  //     | param_maybe_default+ '/' a='*' { "expected comma between / and *" }
  // invalid_parameters_helper: a=slash_with_default | param_with_default+
  // (the lambda variants are the same with lambda_ rules and "Lambda expression parameters")
  private invalidParameters(kind: ParameterKind): void {
    const start = this.mark;
    const is311 = this.atLeast(3, 11);
    // "parameter without a default follows parameter with a default"
    const nonDefaultAfterDefault = (): void => {
      if (this.atLeast(3, 12)) {
        if (this.slashNoDefault(kind) === null) this.mark = start;
      }
      this.repeat(() => this.paramNoDefault(kind));
      const helperStart = this.mark;
      let helper = this.atLeast(3, 8) ? this.slashWithDefault(kind) !== null : false;
      if (!helper) {
        this.mark = helperStart;
        helper = this.repeat(() => this.paramWithDefault(kind)).length > 0;
      }
      if (helper) {
        const param = this.paramNoDefault(kind);
        if (param !== null) this.raiseParameterError(param, this.message("param-nondefault-after-default"));
      }
      this.mark = start;
    };
    if (!this.atLeast(3, 12)) nonDefaultAfterDefault();
    if (is311 && !this.atLeast(3, 12)) this.invalidParenthesizedParameters(kind, start);
    if (is311) {
      const slash = this.expectOp("/");
      if (slash !== null && this.expectOp(",") !== null) {
        this.raiseKnownLocation(tokenSpan(slash), this.message("param-at-least-one-before-slash"));
      }
      this.mark = start;
      if (this.slashNoDefault(kind) !== null || ((this.mark = start), this.slashWithDefault(kind) !== null)) {
        this.repeat(() => this.paramMaybeDefault(kind));
        const slashAgain = this.expectOp("/");
        if (slashAgain !== null) this.raiseKnownLocation(tokenSpan(slashAgain), this.message("param-slash-once"));
      }
      this.mark = start;
    }
    if (this.atLeast(3, 12)) {
      nonDefaultAfterDefault();
      this.invalidParenthesizedParameters(kind, start);
    }
    if (is311) {
      if (this.slashNoDefault(kind) === null) {
        this.mark = start;
        if (this.slashWithDefault(kind) === null) this.mark = start;
      }
      this.repeat(() => this.paramMaybeDefault(kind));
      if (this.expectOp("*") !== null) {
        if (this.expectOp(",") !== null || this.paramNoDefault(kind) !== null) {
          this.repeat(() => this.paramMaybeDefault(kind));
          const slash = this.expectOp("/");
          if (slash !== null) this.raiseKnownLocation(tokenSpan(slash), this.message("param-slash-after-star"));
        }
      }
      this.mark = start;
      if (this.repeat(() => this.paramMaybeDefault(kind)).length > 0 && this.expectOp("/") !== null) {
        const star = this.expectOp("*");
        if (star !== null) this.raiseKnownLocation(tokenSpan(star), this.message("param-comma-slash-star"));
      }
      this.mark = start;
    }
  }

  /** `param_no_default* a='(' param_no_default+ ','? b=')'` (lambda: `','.lambda_param+`). */
  private invalidParenthesizedParameters(kind: ParameterKind, start: number): void {
    this.repeat(() => this.paramNoDefault(kind));
    const open = this.expectOp("(");
    if (open !== null) {
      let count = 0;
      if (kind === "def") {
        count = this.repeat(() => this.paramNoDefault(kind)).length;
        this.expectOp(",");
      } else {
        for (;;) {
          if (this.name() === null) break;
          count++;
          const save = this.mark;
          if (this.expectOp(",") === null) break;
          if (!this.lookahead(() => this.name())) {
            this.mark = save;
            break;
          }
        }
        this.expectOp(",");
      }
      const close = count > 0 ? this.expectOp(")") : null;
      if (close !== null) {
        this.raiseKnownRange(
          tokenSpan(open),
          tokenSpan(close),
          kind === "def" ? this.message("function-params-parenthesized") : this.message("lambda-params-parenthesized"),
        );
      }
    }
    this.mark = start;
  }

  /** 3.10 located these at the parameter; 3.9 said RAISE_SYNTAX_ERROR (the last token read). */
  private raiseParameterError(at: Span, message: string): never {
    if (this.atLeast(3, 10)) this.raiseKnownLocation(at, message);
    return this.raiseError(message);
  }

  // invalid_star_etc:
  //     | a='*' (')' | ',' (')' | '**')) { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "named parameters must follow bare *") }
  //     | '*' param a='=' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "var-positional parameter cannot have default value") }
  //     | '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',') {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "* may appear only once") }
  // invalid_lambda_star_etc:
  //     | '*' (':' | ',' (':' | '**')) { RAISE_SYNTAX_ERROR("named parameters must follow bare *") }
  //     | (the other two as above)
  private invalidStarEtc(kind: ParameterKind): void {
    const start = this.mark;
    const star = this.expectOp("*");
    if (star === null) return;
    const end = kind === "def" ? ")" : ":";
    const afterStar = this.mark;
    let bare = this.expectOp(end) !== null;
    if (!bare && this.expectOp(",") !== null) bare = this.expectOp(end) !== null || this.expectOp("**") !== null;
    if (bare) {
      if (kind === "def") this.raiseParameterError(tokenSpan(star), this.message("param-named-after-bare-star"));
      this.raiseError(this.message("param-named-after-bare-star"));
    }
    if (!this.atLeast(3, 11)) return;
    this.mark = afterStar;
    if (this.param(kind) !== null) {
      const equals = this.expectOp("=");
      if (equals !== null) this.raiseKnownLocation(tokenSpan(equals), this.message("param-vararg-default"));
    }
    this.mark = afterStar;
    if (this.paramNoDefault(kind) !== null || this.expectOp(",") !== null) {
      this.repeat(() => this.paramMaybeDefault(kind));
      const again = this.expectOp("*");
      if (again !== null && (this.paramNoDefault(kind) !== null || this.expectOp(",") !== null)) {
        this.raiseKnownLocation(tokenSpan(again), this.message("param-star-once"));
      }
    }
    this.mark = start;
  }

  // invalid_kwds:
  //     | '**' param a='=' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "var-keyword parameter cannot have default value") }
  //     | '**' param ',' a=param { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "parameters cannot follow var-keyword parameter") }
  //     | '**' param ',' a[Token*]=('*'|'**'|'/') { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "parameters cannot follow var-keyword parameter") }
  private invalidKwds(kind: ParameterKind): void {
    const start = this.mark;
    if (this.expectOp("**") === null) return;
    if (this.param(kind) === null) return;
    const afterParam = this.mark;
    const equals = this.expectOp("=");
    if (equals !== null) this.raiseKnownLocation(tokenSpan(equals), this.message("param-varkw-default"));
    this.mark = afterParam;
    if (this.expectOp(",") !== null) {
      const following = this.param(kind);
      if (following !== null) this.raiseKnownLocation(following, this.message("param-after-varkw"));
      const token = this.expectOp("*") ?? this.expectOp("**") ?? this.expectOp("/");
      if (token !== null) this.raiseKnownLocation(tokenSpan(token), this.message("param-after-varkw"));
    }
    this.mark = start;
  }
}
