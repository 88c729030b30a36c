// def, lambda and class: nested code units, MAKE_FUNCTION, closures, decorators, __build_class__.
import type * as ast from "../../ast/nodes.js";
import type { ConstRef } from "../constants.js";
import { CodeUnit } from "../code-unit.js";
import { scopeOf, type Scope } from "../symtable.js";
import { compileExpression, COMPARE_CODES } from "./expressions.js";
import { compileBody } from "./statements.js";
import { loadName, storeName } from "./names.js";
import { UnsupportedSyntax } from "./unsupported.js";
import { staticAttributes } from "../static-attributes.js";

/** The __qualname__ of a function or class defined in `parent` (compiler_set_qualname). */
function qualifiedName(parent: CodeUnit, name: string): string {
  if (parent.kind === "module") return name;
  if (parent.kind === "class") return `${parent.qualname}.${name}`;
  return `${parent.qualname}.<locals>.${name}`;
}

function docstringOf(body: readonly ast.Stmt[]): string | null {
  const first = body[0];
  if (first?.type === "Expr" && first.value.type === "Constant" && first.value.value.kind === "str") return first.value.value.value;
  return null;
}

function scopeFor(node: object): Scope {
  const scope = scopeOf.get(node);
  if (scope === undefined) throw new Error("compiler bug: no scope for node");
  return scope;
}

/** Compiles a function body into a new unit (a child of `parent`). */
function buildFunctionUnit(parent: CodeUnit, node: ast.FunctionDef | ast.Lambda, name: string): CodeUnit {
  const scope = scopeFor(node);
  const kind = scope.isGenerator ? "generator" : "function";
  const unit = new CodeUnit(parent.context, kind, scope, name, qualifiedName(parent, name), node.lineno, parent);
  parent.children.push(unit);
  unit.positionalOnlyCount = node.args.posonlyargs.length;
  unit.argCount = node.args.posonlyargs.length + node.args.args.length;
  unit.kwonlyCount = node.args.kwonlyargs.length;
  if (node.type === "Lambda") {
    // ≤3.13: a lambda's co_consts starts with None, so it never has a docstring (compiler_lambda).
    if (unit.profile.functionConstsLeadingNone) unit.noneIndex();
    compileExpression(unit, node.body);
    const value = unit.emitter.pop();
    if (kind === "generator") unit.emitter.line(`{ const r = ${value}; ${value} = null; dec(r); return null; }`);
    else unit.emitter.line(`{ const r = ${value}; ${value} = null; return r; }`);
    return unit;
  }
  const docstring = docstringOf(node.body);
  if (docstring !== null) {
    unit.docstring = docstring;
    unit.strConstIndex(docstring);
  } else if (unit.profile.functionConstsLeadingNone) {
    unit.noneIndex();
  }
  compileBody(unit, docstring !== null ? node.body.slice(1) : node.body);
  if (unit.profile.functionConstsLeadingNone) {
    // The implicit `return None` at the end (a new slot after a docstring). ≤3.9 add it unless
    // the body's last statement is a return; 3.10+ add it too, where only a reachable end loads it.
    const none: ConstRef = { origin: "folded", value: { kind: "None" } };
    if (unit.profile.unusedConstants === "kept") {
      if (node.body[node.body.length - 1]?.type !== "Return") unit.constIndex(none);
    } else if (unit.reach.live) unit.constIndex(none);
    else unit.operandConst(none);
  } else {
    // 3.14: codegen ends every function with LOAD_CONST None; RETURN_VALUE
    // (_PyCodegen_AddReturnAtEnd). Its slot only survives if the end can be reached.
    const none: ConstRef = { origin: "folded", value: { kind: "None" } };
    if (canFallOffEnd(node.body)) unit.constIndex(none);
    else unit.operandConst(none);
  }
  return unit;
}

/**
 * Whether control can reach the end of a block, for the implicit `return None`. Conservative:
 * only returns, raises, if/else and try statements whose every path ends so, and `while True`
 * loops without `break` end a block (a `with` may swallow an exception, so it never does).
 */
function canFallOffEnd(body: readonly ast.Stmt[]): boolean {
  const last = body[body.length - 1];
  if (last === undefined) return true;
  switch (last.type) {
    case "Return":
    case "Raise":
      return false;
    case "If":
      return last.orelse.length === 0 || canFallOffEnd(last.body) || canFallOffEnd(last.orelse);
    case "While":
      return !(last.test.type === "Constant" && last.test.value.kind === "bool" && last.test.value.value && !containsBreak(last.body));
    case "Try": {
      // The end is reached through the body (or its else) or a handler, and then the finally.
      const normal = last.orelse.length > 0 ? canFallOffEnd(last.orelse) : canFallOffEnd(last.body);
      const reached = normal || last.handlers.some((handler) => canFallOffEnd(handler.body));
      return reached && (last.finalbody.length === 0 || canFallOffEnd(last.finalbody));
    }
    default:
      return true;
  }
}

/** A `break` that leaves this loop (not one of a nested loop). */
function containsBreak(body: readonly ast.Stmt[]): boolean {
  return body.some((statement) => {
    switch (statement.type) {
      case "Break":
        return true;
      case "If":
        return containsBreak(statement.body) || containsBreak(statement.orelse);
      case "With":
        return containsBreak(statement.body);
      case "Try":
        return containsBreak(statement.body) || statement.handlers.some((handler) => containsBreak(handler.body)) || containsBreak(statement.orelse) || containsBreak(statement.finalbody);
      default:
        return false;
    }
  });
}

/** Pushes a tuple of the cells the child's free variables refer to, or nothing (returns false). */
function pushClosure(parent: CodeUnit, child: CodeUnit): boolean {
  const frees = child.scope.frees;
  if (frees.length === 0) return false;
  const cells = frees.map((name) => {
    if (name === "__class__" && parent.kind === "class") return parent.localVariable("__class__");
    const access = parent.scope.lookup(name);
    if (access !== "cell" && access !== "free") throw new Error(`compiler bug: free variable ${name} has no cell in ${parent.name}`);
    return parent.localVariable(name);
  });
  parent.emitter.push(`buildTuple([${cells.map((cell) => `(${cell}.refcount++, ${cell})`).join(", ")}])`);
  return true;
}

/** The constants of positional defaults that all fold (≤3.13), or null. */
function foldedDefaults(unit: CodeUnit, defaults: readonly ast.Expr[]): ConstRef[] | null {
  if (defaults.length === 0 || unit.profile.folding === "cfg") return null;
  const folded: ConstRef[] = [];
  for (const value of defaults) {
    const ref = unit.context.folder.fold(value);
    if (ref === undefined) return null;
    folded.push(ref);
  }
  return folded;
}

/** Pushes the defaults tuple and kw-defaults dict; returns their slot names or "null". */
function pushDefaults(unit: CodeUnit, args: ast.Arguments): { defaults: string; kwdefaults: string } {
  const emitter = unit.emitter;
  let defaults = "null";
  const folded = foldedDefaults(unit, args.defaults);
  if (folded !== null) {
    // The optimiser turns the constants' loads and BUILD_TUPLE into one tuple constant, appended
    // after codegen's (≤3.13: peephole.c, then flowgraph fold_tuple_on_constants). The loads
    // left behind keep their slots (3.12+ drop them as unused).
    args.defaults.forEach((value, index) => {
      if (unit.profile.unusedConstants !== "kept") {
        unit.operandConst(folded[index]!);
        return;
      }
      compileExpression(unit, value);
      const slot = emitter.pop();
      emitter.line(`dec(${slot}); ${slot} = null;`);
    });
    const tuple = unit.lateConstRef({ origin: "tuple", items: folded, byCompiler: true });
    defaults = emitter.push(`(${tuple}.refcount++, ${tuple})`);
  } else if (args.defaults.length > 0) {
    const start = emitter.depth;
    for (const value of args.defaults) compileExpression(unit, value);
    const slots: string[] = [];
    for (let index = 0; index < args.defaults.length; index++) slots.unshift(emitter.pop());
    defaults = emitter.slot(start);
    emitter.line(`{ const items = [${slots.join(", ")}]; ${slots.map((slot) => `${slot} = null;`).join(" ")} ${defaults} = buildTuple(items); }`);
    emitter.reserve();
  }
  let kwdefaults = "null";
  const present = args.kwonlyargs.map((parameter, index) => ({ parameter, value: args.kw_defaults[index] })).filter((entry) => entry.value !== null && entry.value !== undefined);
  if (present.length > 0) {
    const names = present.map((entry) => unit.scope.mangle(entry.parameter.arg));
    const values = present.map((entry) => entry.value!);
    kwdefaults = unit.profile.buildConstKeyMap ? buildConstKeyMap(unit, names, values) : buildMapOfNames(unit, names, values);
  }
  return { defaults, kwdefaults };
}

/**
 * BUILD_CONST_KEY_MAP: the values evaluated in order, then the keys as one tuple constant (so
 * co_consts gains `('y', 'z')` after the values' own constants). Leaves the dict in a slot.
 */
function buildConstKeyMap(unit: CodeUnit, keys: readonly string[], values: readonly ast.Expr[]): string {
  const emitter = unit.emitter;
  const start = emitter.depth;
  for (const value of values) compileExpression(unit, value);
  const slots: string[] = [];
  for (let index = 0; index < values.length; index++) slots.unshift(emitter.pop());
  const keysIndex = unit.constIndex({ origin: "tuple", items: keys.map((key) => ({ origin: "folded", value: { kind: "str", value: key } })), byCompiler: true });
  const target = emitter.slot(start);
  // The values leave their slots first: the dict goes into the first of them.
  const takes = slots.map((slot, index) => `const v${index} = ${slot}; ${slot} = null;`);
  const sets = slots.map((_slot, index) => `{ const k = K${keysIndex}.items[${index}]; k.refcount++; dictSetItem(d, k, v${index}); }`);
  emitter.line(`{ ${takes.join(" ")} const d = buildDict(${keys.length}); ${target} = d; ${sets.join(" ")} }`);
  emitter.reserve();
  return target;
}

/**
 * BUILD_MAP of `name: value` pairs, each name loaded as its own str constant right before its
 * value (3.14's keyword-only defaults and __annotate__ bodies). Leaves the dict in a slot.
 */
function buildMapOfNames(unit: CodeUnit, names: readonly string[], values: readonly ast.Expr[]): string {
  const emitter = unit.emitter;
  const start = emitter.depth;
  names.forEach((name, index) => {
    const key = unit.strConstRef(name);
    emitter.push(`(${key}.refcount++, ${key})`);
    compileExpression(unit, values[index]!);
  });
  const slots: string[] = [];
  for (let index = 0; index < names.length * 2; index++) slots.unshift(emitter.pop());
  const target = emitter.slot(start);
  // The pairs leave their slots; the dict takes the first one.
  emitter.line(
    `{ const items = [${slots.join(", ")}]; ${slots.map((slot) => `${slot} = null;`).join(" ")} const d = buildDict(${names.length}); ${target} = d; for (let i = 0; i < items.length; i += 2) dictSetItem(d, items[i], items[i + 1]); }`,
  );
  emitter.reserve();
  return target;
}

/**
 * The annotated parameters of a def, then `return`: compiler_visit_annotations' order
 * (positional-only first) up to 3.13; 3.14's codegen_annotations_in_scope puts the
 * positional-or-keyword parameters before the positional-only ones (`lazy`).
 */
function annotationsOf(args: ast.Arguments, returns: ast.Expr | null | undefined, lazy = false): { name: string; value: ast.Expr }[] {
  const entries: { name: string; value: ast.Expr }[] = [];
  const add = (parameter: ast.Arg | null | undefined): void => {
    if (parameter?.annotation) entries.push({ name: parameter.arg, value: parameter.annotation });
  };
  const positional = lazy ? [...args.args, ...args.posonlyargs] : [...args.posonlyargs, ...args.args];
  positional.forEach(add);
  add(args.vararg);
  args.kwonlyargs.forEach(add);
  add(args.kwarg);
  if (returns) entries.push({ name: "return", value: returns });
  return entries;
}

/**
 * The annotations operand of MAKE_FUNCTION, or "null": up to 3.9 a dict (BUILD_CONST_KEY_MAP),
 * from 3.10 a flat (name, value, ...) tuple that `__annotations__` turns into a dict on first use.
 */
function pushAnnotations(unit: CodeUnit, entries: readonly { name: string; value: ast.Expr }[]): string {
  if (entries.length === 0) return "null";
  if (unit.profile.annotations === "dict") return buildConstKeyMap(unit, entries.map((entry) => entry.name), entries.map((entry) => entry.value));
  const emitter = unit.emitter;
  const start = emitter.depth;
  for (const entry of entries) {
    const name = unit.strConstRef(entry.name);
    emitter.push(`(${name}.refcount++, ${name})`);
    compileExpression(unit, entry.value);
  }
  const slots: string[] = [];
  for (let index = 0; index < entries.length * 2; index++) slots.unshift(emitter.pop());
  const target = emitter.slot(start);
  emitter.line(`{ const items = [${slots.join(", ")}]; ${slots.map((slot) => `${slot} = null;`).join(" ")} ${target} = buildTuple(items); }`);
  emitter.reserve();
  return target;
}

/**
 * 3.14 (PEP 649, codegen_function_annotations): the annotations become the body of a function
 * `__annotate__(format, /)`, made (and pushed) right before the def's own code object is loaded.
 * Its body is `if format > 2: raise NotImplementedError` (2 = VALUE_WITH_FAKE_GLOBALS), then a
 * dict display of `name: annotation` pairs. Returns the pushed function's slot, or "null".
 */
function pushAnnotate(parent: CodeUnit, node: ast.FunctionDef): string {
  const entries = annotationsOf(node.args, node.returns, true);
  if (entries.length === 0) return "null";
  if (parent.kind === "class") {
    // Inside a class body 3.14 resolves annotation names through __classdict__ first.
    throw new UnsupportedSyntax("annotations of a def in a class body (3.14 evaluates them with the class namespace, __classdict__)", entries[0]!.value.lineno);
  }
  const unit = new CodeUnit(parent.context, "function", scopeFor(node.args), "__annotate__", qualifiedName(parent, "__annotate__"), node.lineno, parent);
  parent.children.push(unit);
  unit.argCount = 1;
  unit.positionalOnlyCount = 1;
  const emitter = unit.emitter;
  annotateFormatCheck(unit, node.lineno);
  buildMapOfNames(
    unit,
    entries.map((entry) => parent.scope.mangle(entry.name)),
    entries.map((entry) => entry.value),
  );
  const result = emitter.pop();
  emitter.line(`{ const r = ${result}; ${result} = null; return r; }`);
  makeFunction(parent, unit, null);
  return parent.emitter.slot(parent.emitter.depth - 1);
}

/** The start of an __annotate__ body: `if format > 2: raise NotImplementedError` (codegen_setup_annotations_scope). */
function annotateFormatCheck(unit: CodeUnit, line: number): void {
  const emitter = unit.emitter;
  emitter.line(`ln = ${line};`);
  const limit = unit.constIndex({ origin: "folded", value: { kind: "int", value: 2n } });
  const format = unit.localVariable(".format");
  const notImplemented = unit.commonConstant("NotImplementedError");
  emitter.line(
    `if (compareBool((${format}.refcount++, ${format}), (K${limit}.refcount++, K${limit}), ${COMPARE_CODES.get("Gt")})) raise((${notImplemented}.refcount++, ${notImplemented}), undefined);`,
  );
}

/**
 * 3.14 (codegen_process_deferred_annotations): after a module's body, its annotated names become
 * the body of `__annotate__(format)`, stored as `__annotate__` by code that runs before the body
 * (the lines are moved to `start`). Each entry is only evaluated if its index is in
 * __conditional_annotations__, i.e. if its statement ran.
 */
export function compileModuleAnnotate(root: CodeUnit, start: number): void {
  const entries = root.deferredAnnotations;
  const scope = root.scope.annotationScope;
  if (entries.length === 0 || scope === null) return;
  const unit = new CodeUnit(root.context, "function", scope, "__annotate__", "__annotate__", entries[0]!.lineno, root);
  root.children.push(unit);
  unit.argCount = 1;
  unit.positionalOnlyCount = 1;
  const emitter = unit.emitter;
  annotateFormatCheck(unit, entries[0]!.lineno);
  const annotations = emitter.push("buildDict(0)");
  entries.forEach((entry, index) => {
    emitter.line(`ln = ${entry.lineno};`);
    const key = unit.constIndex({ origin: "folded", value: { kind: "int", value: BigInt(index) } });
    emitter.open(`{ const c = loadGlobal(G, B, ${unit.nameRef("__conditional_annotations__")}, ${unit.nameCacheRef("__conditional_annotations__")}); const ran = contains(c, K${key}); dec(c); if (ran) {`);
    compileExpression(unit, entry.annotation);
    const value = emitter.pop();
    const name = unit.strConstRef(root.scope.mangle((entry.target as ast.Name).id));
    emitter.line(`dictSetItem(${annotations}, (${name}.refcount++, ${name}), ${value}); ${value} = null;`);
    emitter.close("} }");
  });
  const result = emitter.pop();
  emitter.line(`{ const r = ${result}; ${result} = null; return r; }`);
  const setupStart = root.emitter.mark();
  makeFunction(root, unit, null);
  storeName(root, "__annotate__");
  root.emitter.moveSince(setupStart, start);
}

/** MAKE_FUNCTION for `child`, leaving the function on the stack. `node` gives a def's annotations. */
function makeFunction(parent: CodeUnit, child: CodeUnit, args: ast.Arguments | null, node?: ast.FunctionDef): void {
  const emitter = parent.emitter;
  const start = emitter.depth;
  const { defaults, kwdefaults } = args === null ? { defaults: "null", kwdefaults: "null" } : pushDefaults(parent, args);
  const lazy = node !== undefined && parent.profile.annotations === "lazy";
  const annotations = node === undefined || lazy ? "null" : pushAnnotations(parent, annotationsOf(node.args, node.returns).map((entry) => ({ ...entry, name: parent.scope.mangle(entry.name) })));
  const annotate = lazy ? pushAnnotate(parent, node) : "null";
  const hasClosure = pushClosure(parent, child);
  const closure = hasClosure ? emitter.slot(emitter.depth - 1) : "null";
  const codeIndex = parent.codeConstIndex(child);
  // ≤3.10: MAKE_FUNCTION takes the qualname from this code's constants.
  // A class body's function gets the bare class name there (compiler_class).
  const qualname = parent.profile.minor <= 10 ? parent.strConstRef(child.kind === "class" ? child.name : child.qualname) : "null";
  const target = emitter.slot(start);
  const taken = [defaults, kwdefaults, annotations, annotate, closure].filter((slot) => slot !== "null");
  // SET_FUNCTION_ATTRIBUTE MAKE_FUNCTION_ANNOTATE: the function owns its __annotate__.
  const setAnnotate = annotate === "null" ? "" : ` f.annotate = ${annotate};`;
  emitter.line(
    `{ const f = makeFunction(K${codeIndex}, G, B, ${defaults}, ${kwdefaults}, ${closure}, ${annotations}, ${qualname});${setAnnotate} ${taken.map((slot) => `${slot} = null;`).join(" ")} ${target} = f; }`,
  );
  emitter.depth = start;
  emitter.reserve();
}

export function compileFunctionDef(unit: CodeUnit, node: ast.FunctionDef): void {
  const emitter = unit.emitter;
  if (node.type_params.length > 0) throw new UnsupportedSyntax("type parameters", node.lineno);
  for (const decorator of node.decorator_list) compileExpression(unit, decorator);
  const child = buildFunctionUnit(unit, node, node.name);
  makeFunction(unit, child, node.args, node);
  applyDecorators(unit, node.decorator_list.length);
  void emitter;
  storeName(unit, node.name);
}

export function compileLambda(unit: CodeUnit, node: ast.Lambda): void {
  const child = buildFunctionUnit(unit, node, "<lambda>");
  makeFunction(unit, child, node.args);
}

/** Calls the decorators (pushed before the function) innermost first. */
function applyDecorators(unit: CodeUnit, count: number): void {
  const emitter = unit.emitter;
  for (let index = 0; index < count; index++) {
    const value = emitter.pop();
    const decorator = emitter.pop();
    emitter.line(`{ const v = ${value}; ${value} = null; const r = call(${decorator}, [v], null); dec(${decorator}); ${decorator} = r; }`);
    emitter.reserve();
  }
}

export function compileClassDef(unit: CodeUnit, node: ast.ClassDef): void {
  const emitter = unit.emitter;
  if (node.type_params.length > 0) throw new UnsupportedSyntax("type parameters", node.lineno);
  for (const decorator of node.decorator_list) compileExpression(unit, decorator);
  const scope = scopeFor(node);
  const body = new CodeUnit(unit.context, "class", scope, node.name, qualifiedName(unit, node.name), node.lineno, unit);
  unit.children.push(body);
  compileClassBody(body, node);
  const start = emitter.depth;
  makeFunction(unit, body, null);
  emitter.push(`(${unit.strConstRef(node.name)}.refcount++, ${unit.strConstRef(node.name)})`);
  for (const base of node.bases) compileExpression(unit, base);
  for (const keyword of node.keywords) {
    if (keyword.arg === null) throw new UnsupportedSyntax("class keyword arguments with **", node.lineno);
    compileExpression(unit, keyword.value);
  }
  const count = node.bases.length + node.keywords.length;
  const slots: string[] = [];
  for (let index = 0; index < count; index++) slots.unshift(emitter.pop());
  const nameSlot = emitter.pop();
  const functionSlot = emitter.pop();
  const keywordNames = node.keywords.map((keyword) => keyword.arg!);
  const bases = slots.slice(0, node.bases.length);
  const keywordValues = slots.slice(node.bases.length);
  emitter.line(
    `{ const bases = [${bases.join(", ")}], kwvalues = [${keywordValues.join(", ")}]; ${slots.map((slot) => `${slot} = null;`).join(" ")}` +
      ` const c = buildClass(${functionSlot}, ${nameSlot}, bases, ${JSON.stringify(keywordNames)}, kwvalues); dec(${nameSlot}); ${nameSlot} = null; dec(${functionSlot}); ${functionSlot} = c; }`,
  );
  emitter.depth = start;
  emitter.reserve();
  applyDecorators(unit, node.decorator_list.length);
  storeName(unit, node.name);
}

function compileClassBody(unit: CodeUnit, node: ast.ClassDef): void {
  const emitter = unit.emitter;
  emitter.line(`ln = ${node.lineno};`);
  // __module__ = __name__; __qualname__ = '<qualname>'
  loadName(unit, "__name__");
  storeName(unit, "__module__");
  emitter.push(`(${unit.strConstRef(unit.qualname)}.refcount++, ${unit.strConstRef(unit.qualname)})`);
  storeName(unit, "__qualname__");
  if (unit.profile.minor >= 13) {
    // 3.13+: the line of the class statement (its first decorator's, if any).
    const firstLine = node.decorator_list.length > 0 ? node.decorator_list[0]!.lineno : node.lineno;
    const index = unit.constIndex({ origin: "folded", value: { kind: "int", value: BigInt(firstLine) } });
    emitter.push(`(K${index}.refcount++, K${index})`);
    storeName(unit, "__firstlineno__");
  }
  const docstring = docstringOf(node.body);
  if (docstring !== null) {
    emitter.push(`(${unit.strConstRef(docstring)}.refcount++, ${unit.strConstRef(docstring)})`);
    storeName(unit, "__doc__");
  }
  compileBody(unit, docstring !== null ? node.body.slice(1) : node.body);
  if (unit.profile.minor >= 13) {
    const names: ConstRef[] = staticAttributes(node).map((name) => ({ origin: "folded", value: { kind: "str", value: name } }));
    const index = unit.constIndex({ origin: "tuple", items: names, byCompiler: true });
    emitter.push(`(K${index}.refcount++, K${index})`);
    storeName(unit, "__static_attributes__");
  }
  if (unit.scope.needsClassCell) {
    const cell = unit.localVariable("__class__");
    emitter.line(`storeName(NS, ${unit.nameRef("__classcell__")}, ${unit.nameCacheRef("__classcell__")}, (${cell}.refcount++, ${cell}));`);
  }
}
