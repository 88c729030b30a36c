// Scope analysis (CPython's symtable.c): which names are local, global, free or cell variables.
import type * as ast from "../ast/nodes.js";

export type ScopeKind = "module" | "class" | "function" | "lambda" | "comprehension" | "genexpr";

/** How a name is reached from code in a scope (CPython's LOAD_NAME/FAST/GLOBAL/DEREF choice). */
export type NameAccess =
  /** Module and class bodies: the namespace dict, then globals, then builtins. */
  | "name"
  /** A local of a function, not captured by an inner scope. */
  | "fast"
  /** A local captured by an inner scope: lives in a cell. */
  | "cell"
  /** A variable of an enclosing function, reached through the closure. */
  | "free"
  /** Declared `global`, or never bound in an enclosing function: globals, then builtins. */
  | "global";

export class Scope {
  readonly children: Scope[] = [];
  /** Names bound in this scope (assignment, import, def, class, parameters, for, with, except). */
  readonly assigned = new Set<string>();
  readonly used = new Set<string>();
  readonly parameters: string[] = [];
  readonly declaredGlobal = new Set<string>();
  readonly declaredNonlocal = new Set<string>();
  /** Locals that an inner scope captures. */
  readonly cells = new Set<string>();
  /** Names this scope reads from an enclosing function (in first-use order). */
  readonly frees: string[] = [];
  /** Final classification, filled by `analyze`. */
  readonly access = new Map<string, NameAccess>();
  isGenerator = false;
  hasVarargs = false;
  hasVarkeywords = false;
  /** A class body that uses `__class__` or `super()` gets a `__class__` cell. */
  needsClassCell = false;
  /** 3.14: the `__annotate__` scope a module's annotated assignments are evaluated in. */
  annotationScope: Scope | null = null;
  /** Local names in definition order: parameters first (co_varnames). */
  readonly localOrder: string[] = [];
  /**
   * The class whose name private names (`__x`) are mangled with in this scope (u_private): a
   * class body's own name, inherited by the functions and comprehensions inside it.
   */
  readonly privateName: string | null;

  constructor(
    readonly kind: ScopeKind,
    readonly name: string,
    readonly node: ast.Mod | ast.Stmt | ast.Expr,
    readonly parent: Scope | null,
  ) {
    this.privateName = kind === "class" ? name : (parent?.privateName ?? null);
  }

  /** `name` as this scope's code stores it: private names mangled (_Py_Mangle). */
  mangle(name: string): string {
    return mangle(this.privateName, name);
  }

  get isFunctionLike(): boolean {
    return this.kind === "function" || this.kind === "lambda" || this.kind === "comprehension" || this.kind === "genexpr";
  }

  lookup(name: string): NameAccess {
    return this.access.get(name) ?? (this.isFunctionLike ? "global" : "name");
  }
}

/**
 * _Py_Mangle: inside class `className`, `__spam` becomes `_className__spam`. Names that do not
 * start with two underscores, dunder names (`__init__`), dotted names and classes named only with
 * underscores are left alone; the class name loses its leading underscores.
 */
export function mangle(className: string | null, name: string): string {
  if (className === null || name.length < 2 || name.charCodeAt(0) !== 95 || name.charCodeAt(1) !== 95) return name;
  if (name.endsWith("__") || name.includes(".")) return name;
  let start = 0;
  while (start < className.length && className.charCodeAt(start) === 95) start++;
  if (start === className.length) return name;
  return `_${className.slice(start)}${name}`;
}

export class SymbolTableError extends Error {
  constructor(
    message: string,
    readonly lineno: number,
    readonly offset: number,
    /** Where the reported span ends (the compiler's pattern errors have one; the symbol table's do not). */
    readonly endLineno: number | null = null,
    readonly endOffset: number | null = null,
  ) {
    super(message);
  }
}

/** Builds the scope tree for a module (or one top-level statement compiled on its own). */
export function buildSymbolTable(module: ast.Mod, lazyAnnotations = false): Scope {
  const root = new Scope("module", "<module>", module, null);
  const builder = new ScopeBuilder(lazyAnnotations);
  if (module.type === "Expression") builder.expression(module.body, root);
  else if (module.type !== "FunctionType") for (const statement of module.body) builder.statement(statement, root);
  analyze(root);
  return root;
}

class ScopeBuilder {
  /** Maps each scope-creating node to its scope, for the code generator. */
  readonly scopes = new Map<object, Scope>();

  /** 3.14 (PEP 649): a def's annotations are evaluated in their own `__annotate__` scope. */
  constructor(private readonly lazyAnnotations: boolean) {}

  bind(scope: Scope, rawName: string): void {
    const name = scope.mangle(rawName);
    scope.assigned.add(name);
    if (scope.isFunctionLike && !scope.localOrder.includes(name)) scope.localOrder.push(name);
  }

  use(scope: Scope, rawName: string): void {
    scope.used.add(scope.mangle(rawName));
  }

  statements(body: readonly ast.Stmt[], scope: Scope): void {
    for (const statement of body) this.statement(statement, scope);
  }

  statement(node: ast.Stmt, scope: Scope): void {
    switch (node.type) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        this.bind(scope, node.name);
        for (const decorator of node.decorator_list) this.expression(decorator, scope);
        this.argumentDefaults(node.args, scope);
        if (this.lazyAnnotations && hasAnnotations(node.args, node.returns)) {
          // symtable_visit_annotations: an AnnotationBlock named __annotate__, keyed by the
          // arguments node, whose one parameter is `.format` (shown as `format`).
          const annotate = new Scope("function", "__annotate__", node, scope);
          scope.children.push(annotate);
          scopeOf.set(node.args, annotate);
          this.addParameter(annotate, ".format");
          this.annotations(node.args, node.returns, annotate);
        } else {
          this.annotations(node.args, node.returns, scope);
        }
        const inner = new Scope("function", node.name, node, scope);
        scope.children.push(inner);
        scopeOf.set(node, inner);
        this.parameters(node.args, inner);
        this.statements(node.body, inner);
        return;
      }
      case "ClassDef": {
        this.bind(scope, node.name);
        for (const decorator of node.decorator_list) this.expression(decorator, scope);
        for (const base of node.bases) this.expression(base, scope);
        for (const keyword of node.keywords) this.expression(keyword.value, scope);
        const inner = new Scope("class", node.name, node, scope);
        scope.children.push(inner);
        scopeOf.set(node, inner);
        this.statements(node.body, inner);
        return;
      }
      case "Return":
        if (node.value) this.expression(node.value, scope);
        return;
      case "Delete":
        for (const target of node.targets) this.target(target, scope);
        return;
      case "Assign":
        this.expression(node.value, scope);
        for (const target of node.targets) this.target(target, scope);
        return;
      case "AugAssign":
        this.expression(node.value, scope);
        this.target(node.target, scope);
        if (node.target.type === "Name") this.use(scope, node.target.id);
        return;
      case "AnnAssign":
        if (this.lazyAnnotations && scope.kind === "module" && node.target.type === "Name" && node.simple) {
          // 3.14: the module's annotations are evaluated later, by its __annotate__
          // (symtable_visit_annotation), which reads __conditional_annotations__ as a global.
          if (node.value) {
            this.expression(node.value, scope);
            this.bind(scope, node.target.id);
          }
          if (scope.annotationScope === null) {
            scope.annotationScope = new Scope("function", "__annotate__", node, scope);
            scope.children.push(scope.annotationScope);
            this.addParameter(scope.annotationScope, ".format");
            this.use(scope.annotationScope, "__conditional_annotations__");
          }
          this.expression(node.annotation, scope.annotationScope);
          return;
        }
        if (node.value) this.expression(node.value, scope);
        if (node.target.type === "Name") {
          if (node.value || scope.isFunctionLike) this.bind(scope, node.target.id);
          if (!scope.isFunctionLike) this.expression(node.annotation, scope);
        } else {
          this.target(node.target, scope);
          this.expression(node.annotation, scope);
        }
        return;
      case "For":
      case "AsyncFor":
        this.expression(node.iter, scope);
        this.target(node.target, scope);
        this.statements(node.body, scope);
        this.statements(node.orelse, scope);
        return;
      case "While":
      case "If":
        this.expression(node.test, scope);
        this.statements(node.body, scope);
        this.statements(node.orelse, scope);
        return;
      case "With":
      case "AsyncWith":
        for (const item of node.items) {
          this.expression(item.context_expr, scope);
          if (item.optional_vars) this.target(item.optional_vars, scope);
        }
        this.statements(node.body, scope);
        return;
      case "Match":
        this.expression(node.subject, scope);
        for (const matchCase of node.cases) {
          this.pattern(matchCase.pattern, scope);
          if (matchCase.guard) this.expression(matchCase.guard, scope);
          this.statements(matchCase.body, scope);
        }
        return;
      case "Raise":
        if (node.exc) this.expression(node.exc, scope);
        if (node.cause) this.expression(node.cause, scope);
        return;
      case "Try":
      case "TryStar":
        this.statements(node.body, scope);
        for (const handler of node.handlers) {
          if (handler.exc_type) this.expression(handler.exc_type, scope);
          if (handler.name) this.bind(scope, handler.name);
          this.statements(handler.body, scope);
        }
        this.statements(node.orelse, scope);
        this.statements(node.finalbody, scope);
        return;
      case "Assert":
        this.expression(node.test, scope);
        if (node.msg) this.expression(node.msg, scope);
        return;
      case "Import":
      case "ImportFrom":
        for (const alias of node.names) {
          if (alias.name === "*") continue;
          const bound = alias.asname ?? (node.type === "Import" ? alias.name.split(".")[0]! : alias.name);
          this.bind(scope, bound);
        }
        return;
      case "Global":
        for (const rawName of node.names) {
          const name = scope.mangle(rawName);
          if (scope.assigned.has(name) || scope.used.has(name)) {
            const verb = scope.assigned.has(name) ? "assigned to" : "used";
            throw new SymbolTableError(`name '${rawName}' is ${verb} before global declaration`, node.lineno, node.col_offset + 1);
          }
          scope.declaredGlobal.add(name);
        }
        return;
      case "Nonlocal":
        for (const rawName of node.names) {
          const name = scope.mangle(rawName);
          if (scope.kind === "module") throw new SymbolTableError("nonlocal declaration not allowed at module level", node.lineno, node.col_offset + 1);
          if (scope.assigned.has(name) || scope.used.has(name)) {
            const verb = scope.assigned.has(name) ? "assigned to" : "used";
            throw new SymbolTableError(`name '${rawName}' is ${verb} before nonlocal declaration`, node.lineno, node.col_offset + 1);
          }
          scope.declaredNonlocal.add(name);
        }
        return;
      case "Expr":
        this.expression(node.value, scope);
        return;
      case "TypeAlias":
        this.target(node.name, scope);
        this.expression(node.value, scope);
        return;
      case "Pass":
      case "Break":
      case "Continue":
        return;
    }
  }

  parameters(args: ast.Arguments, scope: Scope): void {
    const all = [...args.posonlyargs, ...args.args];
    for (const parameter of all) this.addParameter(scope, parameter.arg);
    for (const parameter of args.kwonlyargs) this.addParameter(scope, parameter.arg);
    if (args.vararg) {
      this.addParameter(scope, args.vararg.arg);
      scope.hasVarargs = true;
    }
    if (args.kwarg) {
      this.addParameter(scope, args.kwarg.arg);
      scope.hasVarkeywords = true;
    }
  }

  addParameter(scope: Scope, name: string): void {
    scope.parameters.push(scope.mangle(name));
    this.bind(scope, name);
  }

  argumentDefaults(args: ast.Arguments, scope: Scope): void {
    for (const value of args.defaults) this.expression(value, scope);
    for (const value of args.kw_defaults) if (value) this.expression(value, scope);
  }

  annotations(args: ast.Arguments, returns: ast.Expr | null, scope: Scope): void {
    const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
    if (args.vararg) all.push(args.vararg);
    if (args.kwarg) all.push(args.kwarg);
    for (const parameter of all) if (parameter.annotation) this.expression(parameter.annotation, scope);
    if (returns) this.expression(returns, scope);
  }

  target(node: ast.Expr, scope: Scope): void {
    switch (node.type) {
      case "Name":
        this.bind(scope, node.id);
        return;
      case "Tuple":
      case "List":
        for (const element of node.elts) this.target(element, scope);
        return;
      case "Starred":
        this.target(node.value, scope);
        return;
      case "Attribute":
        this.expression(node.value, scope);
        return;
      case "Subscript":
        this.expression(node.value, scope);
        this.expression(node.slice, scope);
        return;
      default:
        this.expression(node, scope);
    }
  }

  pattern(node: ast.Pattern, scope: Scope): void {
    switch (node.type) {
      case "MatchValue":
        this.expression(node.value, scope);
        return;
      case "MatchSingleton":
        return;
      case "MatchSequence":
        for (const pattern of node.patterns) this.pattern(pattern, scope);
        return;
      case "MatchMapping":
        for (const key of node.keys) this.expression(key, scope);
        for (const pattern of node.patterns) this.pattern(pattern, scope);
        if (node.rest) this.bind(scope, node.rest);
        return;
      case "MatchClass":
        this.expression(node.cls, scope);
        for (const pattern of node.patterns) this.pattern(pattern, scope);
        for (const pattern of node.kwd_patterns) this.pattern(pattern, scope);
        return;
      case "MatchStar":
        if (node.name) this.bind(scope, node.name);
        return;
      case "MatchAs":
        if (node.pattern) this.pattern(node.pattern, scope);
        if (node.name) this.bind(scope, node.name);
        return;
      case "MatchOr":
        for (const pattern of node.patterns) this.pattern(pattern, scope);
        return;
    }
  }

  expression(node: ast.Expr, scope: Scope): void {
    switch (node.type) {
      case "Name":
        if (node.ctx === "Load") {
          this.use(scope, node.id);
          if (node.id === "super" && scope.isFunctionLike) markClassCellUse(scope);
          if (node.id === "__class__" && scope.isFunctionLike) markClassCellUse(scope);
        } else {
          this.bind(scope, node.id);
        }
        return;
      case "BoolOp":
        for (const value of node.values) this.expression(value, scope);
        return;
      case "NamedExpr": {
        this.expression(node.value, scope);
        // := inside a comprehension binds in the enclosing function or module.
        let target = scope;
        while (target.kind === "comprehension" || target.kind === "genexpr") target = target.parent!;
        this.bind(target, node.target.id);
        if (target !== scope) {
          for (let inner: Scope | null = scope; inner !== target && inner !== null; inner = inner.parent) inner.used.add(inner.mangle(node.target.id));
        }
        return;
      }
      case "BinOp":
        this.expression(node.left, scope);
        this.expression(node.right, scope);
        return;
      case "UnaryOp":
        this.expression(node.operand, scope);
        return;
      case "Lambda": {
        this.argumentDefaults(node.args, scope);
        const inner = new Scope("lambda", "<lambda>", node, scope);
        scope.children.push(inner);
        scopeOf.set(node, inner);
        this.parameters(node.args, inner);
        this.expression(node.body, inner);
        return;
      }
      case "IfExp":
        this.expression(node.test, scope);
        this.expression(node.body, scope);
        this.expression(node.orelse, scope);
        return;
      case "Dict":
        for (const key of node.keys) if (key) this.expression(key, scope);
        for (const value of node.values) this.expression(value, scope);
        return;
      case "Set":
        for (const element of node.elts) this.expression(element, scope);
        return;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        this.comprehension(node, node.generators, [node.elt], scope);
        return;
      case "DictComp":
        this.comprehension(node, node.generators, [node.key, node.value], scope);
        return;
      case "Await":
        this.expression(node.value, scope);
        return;
      case "Yield":
        scope.isGenerator = true;
        if (node.value) this.expression(node.value, scope);
        return;
      case "YieldFrom":
        scope.isGenerator = true;
        this.expression(node.value, scope);
        return;
      case "Compare":
        this.expression(node.left, scope);
        for (const comparator of node.comparators) this.expression(comparator, scope);
        return;
      case "Call":
        this.expression(node.func, scope);
        for (const argument of node.args) this.expression(argument, scope);
        for (const keyword of node.keywords) this.expression(keyword.value, scope);
        return;
      case "FormattedValue":
        this.expression(node.value, scope);
        if (node.format_spec) this.expression(node.format_spec, scope);
        return;
      case "JoinedStr":
        for (const value of node.values) this.expression(value, scope);
        return;
      case "Constant":
        return;
      case "Attribute":
        this.expression(node.value, scope);
        return;
      case "Subscript":
        this.expression(node.value, scope);
        this.expression(node.slice, scope);
        return;
      case "Starred":
        this.expression(node.value, scope);
        return;
      case "List":
      case "Tuple":
        for (const element of node.elts) this.expression(element, scope);
        return;
      case "Slice":
        if (node.lower) this.expression(node.lower, scope);
        if (node.upper) this.expression(node.upper, scope);
        if (node.step) this.expression(node.step, scope);
        return;
    }
  }

  comprehension(node: ast.Expr, generators: readonly ast.Comprehension[], elements: readonly ast.Expr[], scope: Scope): void {
    // The first iterable is evaluated in the enclosing scope.
    this.expression(generators[0]!.iter, scope);
    const kind: ScopeKind = node.type === "GeneratorExp" ? "genexpr" : "comprehension";
    const name = node.type === "GeneratorExp" ? "<genexpr>" : node.type === "ListComp" ? "<listcomp>" : node.type === "SetComp" ? "<setcomp>" : "<dictcomp>";
    const inner = new Scope(kind, name, node, scope);
    if (kind === "genexpr") inner.isGenerator = true;
    scope.children.push(inner);
    scopeOf.set(node, inner);
    this.bind(inner, ".0");
    inner.parameters.push(".0");
    generators.forEach((generator, index) => {
      this.target(generator.target, inner);
      if (index > 0) this.expression(generator.iter, inner);
      for (const condition of generator.ifs) this.expression(condition, inner);
    });
    for (const element of elements) this.expression(element, inner);
  }
}

function hasAnnotations(args: ast.Arguments, returns: ast.Expr | null): boolean {
  const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs, args.vararg, args.kwarg];
  return returns !== null || all.some((parameter) => parameter?.annotation);
}

/** `super()` / `__class__` in a method makes the class body create a `__class__` cell. */
function markClassCellUse(scope: Scope): void {
  scope.used.add("__class__");
  for (let outer = scope.parent; outer !== null; outer = outer.parent) {
    if (outer.kind === "class") {
      outer.needsClassCell = true;
      return;
    }
  }
}

/** Scope objects by the AST node that opens them (function, class, lambda, comprehension). */
export const scopeOf = new WeakMap<object, Scope>();

/**
 * Second pass (symtable.c analyze_block): decides each name's access kind, propagating free
 * variables outward so enclosing functions turn the captured locals into cells.
 */
function analyze(root: Scope): void {
  analyzeScope(root, new Set());
}

function analyzeScope(scope: Scope, enclosingBound: ReadonlySet<string>): Set<string> {
  // Names bound in enclosing function scopes, visible to this scope's children.
  const boundHere = new Set<string>();
  if (scope.isFunctionLike) {
    for (const name of scope.assigned) {
      if (!scope.declaredGlobal.has(name) && !scope.declaredNonlocal.has(name)) boundHere.add(name);
    }
  }
  for (const name of scope.declaredNonlocal) {
    if (!enclosingBound.has(name)) {
      throw new SymbolTableError(`no binding for nonlocal '${name}' found`, nodeLine(scope.node), 1);
    }
  }
  const visibleToChildren = new Set<string>(scope.kind === "class" ? enclosingBound : [...enclosingBound, ...boundHere]);
  if (scope.kind === "class" && scope.needsClassCell) visibleToChildren.add("__class__");
  for (const name of scope.declaredGlobal) visibleToChildren.delete(name);

  // Free variables requested by children.
  const childFrees = new Set<string>();
  for (const child of scope.children) for (const name of analyzeScope(child, visibleToChildren)) childFrees.add(name);

  const myFrees = new Set<string>();
  const classify = (name: string): void => {
    if (scope.access.has(name)) return;
    if (scope.declaredGlobal.has(name)) {
      scope.access.set(name, scope.isFunctionLike ? "global" : "global");
      return;
    }
    if (scope.declaredNonlocal.has(name)) {
      scope.access.set(name, "free");
      myFrees.add(name);
      return;
    }
    if (scope.isFunctionLike) {
      if (boundHere.has(name)) {
        scope.access.set(name, childFrees.has(name) ? "cell" : "fast");
        return;
      }
      if (enclosingBound.has(name)) {
        scope.access.set(name, "free");
        myFrees.add(name);
        return;
      }
      scope.access.set(name, "global");
      return;
    }
    // Module and class bodies.
    if (scope.kind === "class" && name === "__class__" && scope.needsClassCell) {
      scope.access.set(name, "cell");
      return;
    }
    if (scope.kind === "class" && !scope.assigned.has(name) && enclosingBound.has(name)) {
      // A class body reading a variable of an enclosing function (LOAD_CLASSDEREF).
      scope.access.set(name, "free");
      myFrees.add(name);
      return;
    }
    scope.access.set(name, "name");
  };
  for (const name of scope.parameters) classify(name);
  for (const name of scope.localOrder) classify(name);
  for (const name of scope.assigned) classify(name);
  for (const name of scope.used) classify(name);
  for (const name of childFrees) {
    if (!scope.access.has(name)) classify(name);
    // A child needs a name this scope does not bind: pass it further out.
    if (scope.isFunctionLike && !boundHere.has(name)) {
      if (enclosingBound.has(name)) {
        myFrees.add(name);
        if (!scope.access.has(name) || scope.access.get(name) === "global") scope.access.set(name, "free");
      }
    } else if (scope.kind === "class" && enclosingBound.has(name) && !(name === "__class__" && scope.needsClassCell)) {
      myFrees.add(name);
    }
  }
  if (scope.kind === "class" && scope.needsClassCell) scope.cells.add("__class__");
  for (const [name, access] of scope.access) {
    if (access === "cell") scope.cells.add(name);
  }
  for (const name of myFrees) if (!scope.frees.includes(name)) scope.frees.push(name);
  return myFrees;
}

function nodeLine(node: ast.Mod | ast.Stmt | ast.Expr): number {
  return "lineno" in node ? node.lineno : 1;
}
