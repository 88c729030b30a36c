// Calls: plain, method (LOAD_METHOD), keyword, starred (CALL_FUNCTION_EX) and zero-argument super().
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression, ConstantRuns } from "./expressions.js";
import { loadName, attributeNameRef, attributeCacheRef } from "./names.js";

function hasStarredArguments(node: ast.Call): boolean {
  return node.args.some((argument) => argument.type === "Starred") || node.keywords.some((keyword) => keyword.arg === null);
}

/** Registers the keyword names tuple CPython keeps in co_consts (CALL_FUNCTION_KW / KW_NAMES). */
function keywordNames(unit: CodeUnit, names: string[]): string {
  unit.constIndex({ origin: "tuple", items: names.map((name) => ({ origin: "folded", value: { kind: "str", value: name } })) });
  return unit.keywordArray(names);
}

export function compileCall(unit: CodeUnit, node: ast.Call): void {
  const emitter = unit.emitter;
  const start = emitter.depth;
  if (isZeroArgumentSuper(unit, node)) {
    compileSuper(unit);
    return;
  }
  if (hasStarredArguments(node)) {
    compileStarredCall(unit, node);
    return;
  }
  const method = node.func.type === "Attribute" && unit.profile.loadMethod;
  let selfSlot: string | null = null;
  let callable: string;
  if (method) {
    const attribute = node.func as ast.Attribute;
    compileExpression(unit, attribute.value);
    emitter.pop();
    // LOAD_METHOD: [method, self] when the attribute is a plain function found on the type,
    // else [bound value, null]. The object's slot becomes the callable's.
    callable = emitter.reserve();
    selfSlot = emitter.reserve();
    emitter.line(
      `{ const m = loadMethod(${callable}, ${attributeNameRef(unit, attribute.attr)}, ${attributeCacheRef(unit, attribute.attr)}); if (R.methodSelf) { ${selfSlot} = ${callable}; } else { dec(${callable}); } ${callable} = m; }`,
    );
  } else {
    compileExpression(unit, node.func);
    callable = emitter.slot(start);
  }
  const values = [...node.args, ...node.keywords.map((keyword) => keyword.value)];
  const borrowable = borrowableArguments(unit, values);
  // 3.14 LOAD_FAST_BORROW: a borrowed argument's slot stays empty until the call, so that an
  // exception raised by a later argument does not release a reference that was never taken.
  const borrowedLoads: { slot: string; value: string }[] = [];
  let mask = 0;
  values.forEach((value, index) => {
    const borrowed = borrowable ? borrowedArgument(unit, value) : null;
    if (borrowed === null) {
      compileExpression(unit, value);
      return;
    }
    emitter.line(`if (${borrowed.variable} === null) unboundLocal(${JSON.stringify(borrowed.name)});`);
    borrowedLoads.push({ slot: emitter.reserve(), value: borrowed.variable });
    mask |= 1 << index;
  });
  const argumentCount = node.args.length + node.keywords.length;
  const slots: string[] = [];
  for (let index = 0; index < argumentCount; index++) slots.unshift(emitter.pop());
  const kwnames = node.keywords.length > 0 ? keywordNames(unit, node.keywords.map((keyword) => keyword.arg!)) : "null";
  const nulls = slots.map((slot) => `${slot} = null;`).join(" ");
  const fills = borrowedLoads.map(({ slot, value }) => `${slot} = ${value};`).join(" ");
  let borrowedMask = "";
  if (selfSlot !== null && node.keywords.length === 0 && mask === 0 && argumentCount <= 1) {
    emitter.pop();
    emitter.pop();
    compileShortMethodCall(unit, callable, selfSlot, slots);
    emitter.depth = start;
    emitter.reserve();
    return;
  }
  if (selfSlot === null && node.keywords.length === 0 && mask === 0 && argumentCount === 1) {
    emitter.pop();
    const argument = slots[0]!;
    // The callee's prologue reads its argument array before anything else runs, and nothing
    // keeps the array: one array per code object serves every such call (see assembleUnit).
    const direct = `${callable}.code.compiled(${callable}, (ARG1[0] = a, ARG1), null, true, 0)`;
    const invoke =
      classCallSite(unit, callable, "[a]", direct, `callOne(${callable}, a)`) ??
      (unit.profile.frameStealsArguments ? `${callable} instanceof PyFunction ? ${direct} : callOne(${callable}, a)` : `callOne(${callable}, a)`);
    emitter.line(`{ const a = ${argument}; ${argument} = null;`);
    emitter.line(`  const r = ${invoke}; dec(${callable}); ${callable} = r; }`);
    emitter.depth = start;
    emitter.reserve();
    return;
  }
  if (selfSlot === null && argumentCount === 0) {
    emitter.pop();
    const direct = `${callable}.code.compiled(${callable}, [], null, true, 0)`;
    const invoke =
      classCallSite(unit, callable, "[]", direct, `callNoArgs(${callable})`) ??
      (unit.profile.frameStealsArguments ? `${callable} instanceof PyFunction ? ${direct} : callNoArgs(${callable})` : `callNoArgs(${callable})`);
    emitter.line(`{ const r = ${invoke}; dec(${callable}); ${callable} = r; }`);
    emitter.depth = start;
    emitter.reserve();
    return;
  }
  if (selfSlot !== null) {
    emitter.pop();
    emitter.pop();
    if (mask !== 0) borrowedMask = `, ${selfSlot} !== null ? ${mask << 1} : ${mask}`;
    emitter.line(`{ ${fills} const withSelf = ${selfSlot} !== null; const args = withSelf ? [${[selfSlot, ...slots].join(", ")}] : [${slots.join(", ")}]; ${selfSlot} = null; ${nulls}`);
  } else {
    emitter.pop();
    if (mask !== 0) borrowedMask = `, ${mask}`;
    emitter.line(`{ ${fills} const args = [${slots.join(", ")}]; ${nulls}`);
  }
  // 3.11+: a Python function's frame takes the arguments over, so the call goes straight to
  // its compiled body (what callStealing would do) without a runtime call in between.
  const direct = `${callable}.code.compiled(${callable}, args, ${kwnames}, true, 0)`;
  const siteCall =
    node.keywords.length > 0 || borrowedMask !== ""
      ? null
      : selfSlot === null
        ? classCallSite(unit, callable, "args", direct, `call(${callable}, args, null)`)
        : methodCallSite(unit, callable, "withSelf", "args", direct, `call(${callable}, args, null)`);
  const invoke =
    siteCall ??
    (unit.profile.frameStealsArguments && borrowedMask === ""
      ? `${callable} instanceof PyFunction ? ${direct} : call(${callable}, args, ${kwnames})`
      : `call(${callable}, args, ${kwnames}${borrowedMask})`);
  emitter.line(`  const r = ${invoke}; dec(${callable}); ${callable} = r; }`);
  emitter.depth = start;
  emitter.reserve();
}

/**
 * 3.13+: a keyword-less call whose callable may be a class gets a site of its own, the model of
 * its adaptive CALL (class-call-site.ts): every run tells the site what it called, so a plain
 * class's __init__ is entered without the argument tuple exactly on the runs CPython's
 * specialised CALL_ALLOC_AND_ENTER_INIT takes. `direct` runs a Python function's compiled body,
 * `generic` any other call. Returns the call expression, or null before 3.13.
 */
function classCallSite(unit: CodeUnit, callable: string, args: string, direct: string, generic: string): string | null {
  if (unit.profile.minor < 13) return null;
  return plainSiteCall(`CS${unit.classCallSites.count++}`, callable, args, direct, generic);
}

function plainSiteCall(site: string, callable: string, args: string, direct: string, generic: string): string {
  return (
    `(${callable} instanceof PyFunction ? (noteFunctionAtSite(${site}, ${callable}), ${direct})` +
    ` : ${callable} instanceof PyType && ${callable}.heapType ? callClassAtSite(${callable}, ${args}, ${site})` +
    ` : (noteOtherAtSite(${site}, ${callable}), ${generic}))`
  );
}

/**
 * 3.13+: classCallSite for a call after LOAD_ATTR's method form (`obj.method(x)`, `Box.P(x)`).
 * With `self` the callable is what the type holds (a function, or a built-in's method
 * descriptor); without, the attribute's value is called as a plain call's would be, so a class
 * reached as an attribute specialises as one named directly. `plainArgs` are the arguments
 * without `self`; `direct` and `generic` take whichever the run has.
 */
function methodCallSite(unit: CodeUnit, callable: string, hasSelf: string, plainArgs: string, direct: string, generic: string): string | null {
  if (unit.profile.minor < 13) return null;
  const site = `CS${unit.classCallSites.count++}`;
  const withSelf = `(${callable} instanceof PyFunction ? (noteFunctionAtSite(${site}, ${callable}), ${direct}) : (noteOtherAtSite(${site}, ${callable}), ${generic}))`;
  return `(${hasSelf} ? ${withSelf} : ${plainSiteCall(site, callable, plainArgs, direct, generic)})`;
}

/**
 * A method call with no keywords and at most one argument (`xs.append(x)`, `p.norm2()`): the
 * stack references go to callMethodOne / callMethodNoArgs, which call a built-in method of the
 * object's exact type without building an argument array. A Python function still gets its
 * compiled body called at the site on 3.11+ (see compileCall).
 */
function compileShortMethodCall(unit: CodeUnit, callable: string, selfSlot: string, slots: string[]): void {
  const emitter = unit.emitter;
  const argument = slots[0];
  const take = argument === undefined ? `const self = ${selfSlot}; ${selfSlot} = null;` : `const self = ${selfSlot}, a = ${argument}; ${selfSlot} = null; ${argument} = null;`;
  const helper = argument === undefined ? `callMethodNoArgs(${callable}, self)` : `callMethodOne(${callable}, self, a)`;
  // The shared argument arrays of one-argument calls (see compileCall), for `self` and `self, a`.
  const args = argument === undefined ? `self !== null ? (ARG1[0] = self, ARG1) : []` : `self !== null ? (ARG2[0] = self, ARG2[1] = a, ARG2) : (ARG1[0] = a, ARG1)`;
  const direct = `${callable}.code.compiled(${callable}, ${args}, null, true, 0)`;
  const invoke =
    methodCallSite(unit, callable, "self !== null", argument === undefined ? "[]" : "[a]", direct, helper) ??
    (unit.profile.frameStealsArguments ? `${callable} instanceof PyFunction ? ${direct} : ${helper}` : helper);
  emitter.line(`{ ${take}`);
  emitter.line(`  const r = ${invoke}; dec(${callable}); ${callable} = r; }`);
}

/**
 * 3.14: whether the call's plain-local arguments may be pushed with LOAD_FAST_BORROW. CPython's
 * optimize_load_fast (Python/flowgraph.c) only borrows a local when its stack entry is consumed
 * in the same basic block and the local is not rebound meanwhile; arguments with jumps (and/or,
 * conditional expressions, comprehensions) or assignments (`:=`) make this call keep strong
 * loads, the conservative choice.
 */
function borrowableArguments(unit: CodeUnit, values: readonly ast.Expr[]): boolean {
  if (!unit.profile.borrowedLocalLoads || !unit.isFunctionLike()) return false;
  if (unit.scope.kind !== "function" && unit.scope.kind !== "lambda") return false;
  if (values.length >= 29) return false;
  return !values.some(containsJumpOrStore);
}

const JUMPS_OR_STORES = new Set(["BoolOp", "IfExp", "NamedExpr", "ListComp", "SetComp", "DictComp", "GeneratorExp", "Lambda", "Yield", "YieldFrom", "Await"]);

function containsJumpOrStore(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsJumpOrStore);
  if (node === null || typeof node !== "object") return false;
  const type = (node as { type?: unknown }).type;
  if (typeof type === "string" && JUMPS_OR_STORES.has(type)) return true;
  return Object.values(node).some((child) => typeof child === "object" && child !== null && containsJumpOrStore(child));
}

/** The local a borrowed argument reads, or null when the argument is not a plain fast local. */
function borrowedArgument(unit: CodeUnit, node: ast.Expr): { name: string; variable: string } | null {
  if (node.type !== "Name") return null;
  const name = unit.scope.mangle(node.id);
  if (unit.scope.lookup(name) !== "fast") return null;
  return { name, variable: unit.localVariable(name) };
}

function compileStarredCall(unit: CodeUnit, node: ast.Call): void {
  const emitter = unit.emitter;
  const start = emitter.depth;
  compileExpression(unit, node.func);
  const callable = emitter.slot(start);
  const only = node.args.length === 1 ? node.args[0]! : null;
  if (only !== null && only.type === "Starred") {
    // f(*x) alone: x itself goes to CALL_FUNCTION_EX, which uses an exact tuple as it is and
    // converts anything else only then (after the keywords are gathered).
    compileExpression(unit, only.value);
  } else {
    // Positional part: a list built with appends and extends, then made a tuple.
    const positional = emitter.push("buildList([])");
    const runs = new ConstantRuns(unit);
    for (const argument of node.args) {
      runs.add(argument);
      if (argument.type === "Starred") {
        compileExpression(unit, argument.value);
        const iterable = emitter.pop();
        emitter.line(`listExtend(${positional}, ${iterable}, ${callable}); dec(${iterable}); ${iterable} = null;`);
      } else {
        compileExpression(unit, argument);
        const item = emitter.pop();
        emitter.line(`listAppend(${positional}, ${item}); ${item} = null;`);
      }
    }
    runs.end();
    emitter.line(`{ const t = listToTuple(${positional}); ${positional} = t; }`);
  }
  const positional = emitter.slot(start + 1);
  let keywords = "null";
  const onlyKeyword = node.keywords.length === 1 ? node.keywords[0]! : null;
  if (onlyKeyword !== null && onlyKeyword.arg === null && unit.profile.minor <= 8) {
    // f(..., **m) alone up to 3.8: m itself goes to CALL_FUNCTION_EX, which uses an exact dict
    // as it is and copies anything else only then.
    compileExpression(unit, onlyKeyword.value);
    keywords = emitter.slot(start + 2);
    emitter.pop();
  } else if (node.keywords.length > 0) {
    keywords = emitter.push("buildDict(0)");
    let index = 0;
    while (index < node.keywords.length) {
      const keyword = node.keywords[index]!;
      if (keyword.arg === null) {
        compileExpression(unit, keyword.value);
        const mapping = emitter.pop();
        emitter.line(`dictMergeKeywords(${keywords}, ${mapping}, ${callable}); dec(${mapping}); ${mapping} = null;`);
        index++;
        continue;
      }
      let end = index;
      while (end < node.keywords.length && node.keywords[end]!.arg !== null) end++;
      compileKeywordRun(unit, node.keywords.slice(index, end), keywords, callable);
      index = end;
    }
    emitter.pop();
  }
  emitter.pop();
  emitter.pop();
  const releaseKeywords = keywords === "null" ? "" : `${keywords} = null;`;
  emitter.line(`{ const t = ${positional}, k = ${keywords}; ${positional} = null; ${releaseKeywords} const r = callEx(${callable}, t, k); dec(${callable}); ${callable} = r; }`);
  emitter.depth = start;
  emitter.reserve();
}

/**
 * Named keywords between `**` entries of a starred call (compiler_subkwargs): the names are
 * constants, not co_names. Two or more (≤3.13): the values, then one tuple of the names
 * (BUILD_CONST_KEY_MAP); otherwise each name is loaded before its value.
 */
function compileKeywordRun(unit: CodeUnit, run: readonly ast.Keyword[], keywords: string, callable: string): void {
  const emitter = unit.emitter;
  if (run.length > 1 && unit.profile.buildConstKeyMap) {
    for (const keyword of run) compileExpression(unit, keyword.value);
    const values: string[] = [];
    for (let index = 0; index < run.length; index++) values.unshift(emitter.pop());
    const names = unit.constIndex({ origin: "tuple", items: run.map((keyword) => ({ origin: "folded", value: { kind: "str", value: keyword.arg! } })), byCompiler: true });
    values.forEach((value, index) => emitter.line(`dictSetKeyword(${keywords}, K${names}.items[${index}], ${value}, ${callable}); ${value} = null;`));
    return;
  }
  for (const keyword of run) {
    const name = unit.strConstRef(keyword.arg!);
    compileExpression(unit, keyword.value);
    const value = emitter.pop();
    emitter.line(`dictSetKeyword(${keywords}, ${name}, ${value}, ${callable}); ${value} = null;`);
  }
}

function isZeroArgumentSuper(unit: CodeUnit, node: ast.Call): boolean {
  return (
    node.func.type === "Name" &&
    node.func.id === "super" &&
    node.args.length === 0 &&
    node.keywords.length === 0 &&
    unit.scope.lookup("super") === "global" &&
    unit.isFunctionLike() &&
    unit.scope.parameters.length > 0
  );
}

/** super() inside a method: the class from the __class__ cell and the first argument. */
function compileSuper(unit: CodeUnit): void {
  const emitter = unit.emitter;
  loadName(unit, "super");
  const superType = emitter.pop();
  const firstParameter = unit.scope.parameters[0]!;
  const access = unit.scope.lookup(firstParameter);
  const firstValue = access === "cell" ? `cellValue(${unit.localVariable(firstParameter)})` : unit.localVariable(firstParameter);
  const classCell = unit.scope.lookup("__class__") === "free" ? unit.localVariable("__class__") : "null";
  emitter.line(`{ const r = superZeroArgs(${superType}, ${classCell}, ${firstValue}); dec(${superType}); ${superType} = r; }`);
  emitter.reserve();
}
