// Calls: plain, method (LOAD_METHOD), keyword, starred (CALL_FUNCTION_EX) and zero-argument super().
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression } from "./expressions.js";
import { loadName, attributeNameRef } from "./names.js";

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
      `{ const m = loadMethod(${callable}, ${attributeNameRef(unit, attribute.attr)}); if (R.methodSelf) { ${selfSlot} = ${callable}; } else { dec(${callable}); } ${callable} = m; }`,
    );
  } else {
    compileExpression(unit, node.func);
    callable = emitter.slot(start);
  }
  for (const argument of node.args) compileExpression(unit, argument);
  for (const keyword of node.keywords) compileExpression(unit, keyword.value);
  const argumentCount = node.args.length + node.keywords.length;
  const slots: string[] = [];
  for (let index = 0; index < argumentCount; index++) slots.unshift(emitter.pop());
  const kwnames = node.keywords.length > 0 ? keywordNames(unit, node.keywords.map((keyword) => keyword.arg!)) : "null";
  const nulls = slots.map((slot) => `${slot} = null;`).join(" ");
  if (selfSlot !== null) {
    emitter.pop();
    emitter.pop();
    emitter.line(`{ const args = ${selfSlot} !== null ? [${[selfSlot, ...slots].join(", ")}] : [${slots.join(", ")}]; ${selfSlot} = null; ${nulls}`);
  } else {
    emitter.pop();
    emitter.line(`{ const args = [${slots.join(", ")}]; ${nulls}`);
  }
  emitter.line(`  const r = call(${callable}, args, ${kwnames}); dec(${callable}); ${callable} = r; }`);
  emitter.depth = start;
  emitter.reserve();
}

function compileStarredCall(unit: CodeUnit, node: ast.Call): void {
  const emitter = unit.emitter;
  const start = emitter.depth;
  compileExpression(unit, node.func);
  const callable = emitter.slot(start);
  // Positional part: a list built with appends and extends, then made a tuple.
  const positional = emitter.push("buildList([])");
  for (const argument of node.args) {
    if (argument.type === "Starred") {
      compileExpression(unit, argument.value);
      const iterable = emitter.pop();
      emitter.line(`listExtend(${positional}, ${iterable}); dec(${iterable}); ${iterable} = null;`);
    } else {
      compileExpression(unit, argument);
      const item = emitter.pop();
      emitter.line(`listAppend(${positional}, ${item}); ${item} = null;`);
    }
  }
  emitter.line(`{ const t = listToTuple(${positional}); ${positional} = t; }`);
  let keywords = "null";
  if (node.keywords.length > 0) {
    keywords = emitter.push("buildDict(0)");
    for (const keyword of node.keywords) {
      if (keyword.arg === null) {
        compileExpression(unit, keyword.value);
        const mapping = emitter.pop();
        emitter.line(`dictMergeKeywords(${keywords}, ${mapping}, ${callable}); dec(${mapping}); ${mapping} = null;`);
      } else {
        compileExpression(unit, keyword.value);
        const value = emitter.pop();
        emitter.line(`dictSetKeyword(${keywords}, ${unit.nameRef(keyword.arg)}, ${value}, ${callable}); ${value} = null;`);
      }
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
