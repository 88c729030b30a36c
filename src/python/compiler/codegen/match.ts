// The match statement (PEP 634, 3.10+): cases, patterns, guards and the compiler's pattern SyntaxErrors.
//
// The subject stays in a stack slot while the cases are tried. A pattern jumps (`break`) to its
// failure label when it does not match; the failure path drops every temporary slot above the
// subject and the captured values. Captured values wait in JS variables and are stored into
// their names only when the whole pattern matched, in the order CPython stores them.
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import { compileExpression, comparisonTest } from "./expressions.js";
import { compileCondition } from "./conditions.js";
import { storeName } from "./names.js";
import { SymbolTableError } from "../symtable.js";
import { scalarOf, type ConstRef } from "../constants.js";
import { newObjectForScalar } from "../literals.js";
import { decref, type PyObject } from "../../runtime/object.js";
import { richCompareBool } from "../../runtime/abstract/compare.js";
import { reprText } from "../../runtime/abstract/object-protocol.js";
import { CompareOp } from "../../runtime/slots.js";

/** The names one case's pattern captures: JS variable per name, and the names bound so far in order. */
interface Captures {
  readonly variables: Map<string, string>;
  order: string[];
}

/** What compiler_pattern's pattern_context carries that matters here. */
interface PatternContext {
  /** May this pattern be irrefutable (the last case, a guarded case, a sub-pattern)? */
  readonly allowIrrefutable: boolean;
  readonly captures: Captures;
}

export function compileMatch(unit: CodeUnit, node: ast.Match, compileBody: (unit: CodeUnit, body: readonly ast.Stmt[]) => void): void {
  const emitter = unit.emitter;
  compileExpression(unit, node.subject);
  const subject = emitter.slot(emitter.depth - 1);
  const base = emitter.depth;
  const done = emitter.temporary("match");
  const cases = node.cases;
  const last = cases[cases.length - 1]!;
  const hasDefault = isWildcard(last.pattern) && cases.length > 1;
  emitter.open(`${done}: {`);
  for (let index = 0; index < cases.length - (hasDefault ? 1 : 0); index++) {
    const matchCase = cases[index]!;
    const captures: Captures = { variables: new Map(), order: [] };
    const context: PatternContext = { allowIrrefutable: matchCase.guard !== null || index === cases.length - 1, captures };
    const fail = emitter.temporary("case");
    emitter.line(`ln = ${matchCase.pattern.lineno};`);
    emitter.open(`${fail}: {`);
    emitter.open("try {");
    compilePattern(unit, matchCase.pattern, subject, fail, context);
    const releaseCaptures = () => [...captures.variables.values()].map((variable) => `if (${variable} !== null) { dec(${variable}); ${variable} = null; }`).join(" ");
    emitter.middle("} catch (error) {");
    emitter.line(`${releaseCaptures()} throw error;`);
    emitter.close();
    // It's a match: bind the captured names, then test the guard with them bound.
    for (const name of captures.order) {
      const variable = captures.variables.get(name)!;
      emitter.push(variable);
      emitter.line(`${variable} = null;`);
      storeName(unit, name);
    }
    if (matchCase.guard !== null) {
      emitter.line(`ln = ${matchCase.guard.lineno};`);
      const condition = compileCondition(unit, matchCase.guard);
      emitter.line(`if (!${condition}) break ${fail};`);
    }
    emitter.line(`dec(${subject}); ${subject} = null;`);
    compileBody(unit, matchCase.body);
    emitter.line(`break ${done};`);
    emitter.close();
    emitter.line(`${emitter.unwindMarker(base)} ${releaseCaptures()}`);
  }
  emitter.line(`if (${subject} !== null) { dec(${subject}); ${subject} = null; }`);
  if (hasDefault) {
    if (last.guard !== null) {
      emitter.line(`ln = ${last.guard.lineno};`);
      const condition = compileCondition(unit, last.guard);
      emitter.open(`if (${condition}) {`);
      compileBody(unit, last.body);
      emitter.close();
    } else {
      compileBody(unit, last.body);
    }
  }
  emitter.close();
  emitter.pop();
}

/** A SyntaxError of the pattern compiler, spanning the offending node as CPython reports it. */
function patternError(unit: CodeUnit, message: string, node: ast.Located): SymbolTableError {
  void unit;
  return new SymbolTableError(message, node.lineno, node.col_offset + 1, node.end_lineno, node.end_col_offset + 1);
}

/** The node whose location the 3.10/3.11 compiler last set while compiling `pattern` (pre-order, last visited). */
function lastCompiledNode(pattern: ast.Pattern): ast.Located {
  switch (pattern.type) {
    case "MatchValue":
      return pattern.value;
    case "MatchSequence":
    case "MatchOr": {
      const last = pattern.patterns[pattern.patterns.length - 1];
      return last === undefined ? pattern : lastCompiledNode(last);
    }
    case "MatchMapping": {
      const last = pattern.patterns[pattern.patterns.length - 1];
      if (last !== undefined) return lastCompiledNode(last);
      return pattern.keys[pattern.keys.length - 1] ?? pattern;
    }
    case "MatchClass": {
      const last = pattern.kwd_patterns[pattern.kwd_patterns.length - 1] ?? pattern.patterns[pattern.patterns.length - 1];
      return last === undefined ? pattern.cls : lastCompiledNode(last);
    }
    case "MatchAs":
      return pattern.pattern === null ? pattern : lastCompiledNode(pattern.pattern);
    default:
      return pattern;
  }
}

/** `_`: a MatchAs without sub-pattern or name. */
function isWildcard(pattern: ast.Pattern): boolean {
  return pattern.type === "MatchAs" && pattern.pattern === null && pattern.name === null;
}

/** `*_`: a MatchStar without name. */
function isStarWildcard(pattern: ast.Pattern): boolean {
  return pattern.type === "MatchStar" && pattern.name === null;
}

/** Sub-patterns of sequences, mappings and classes may always be irrefutable. */
function subpatternContext(context: PatternContext): PatternContext {
  return { allowIrrefutable: true, captures: context.captures };
}

/**
 * Emits the test of `pattern` against `subject` (a borrowed JS reference). A mismatch breaks out
 * to `fail`; a match falls through with the emitter's depth unchanged and every slot above it null.
 */
function compilePattern(unit: CodeUnit, pattern: ast.Pattern, subject: string, fail: string, context: PatternContext): void {
  switch (pattern.type) {
    case "MatchValue":
      compileValuePattern(unit, pattern, subject, fail);
      return;
    case "MatchSingleton": {
      const index = unit.constIndex({ origin: "folded", value: pattern.value });
      unit.emitter.line(`if (${subject} !== K${index}) break ${fail};`);
      return;
    }
    case "MatchSequence":
      compileSequencePattern(unit, pattern, subject, fail, context);
      return;
    case "MatchMapping":
      compileMappingPattern(unit, pattern, subject, fail, context);
      return;
    case "MatchClass":
      compileClassPattern(unit, pattern, subject, fail, context);
      return;
    case "MatchStar":
      capture(unit, pattern.name, pattern, `(${subject}.refcount++, ${subject})`, context);
      return;
    case "MatchAs":
      if (pattern.pattern === null) {
        if (!context.allowIrrefutable) {
          const message = pattern.name !== null ? `name capture '${pattern.name}' makes remaining patterns unreachable` : "wildcard makes remaining patterns unreachable";
          throw patternError(unit, message, pattern);
        }
        capture(unit, pattern.name, pattern, `(${subject}.refcount++, ${subject})`, context);
        return;
      }
      compilePattern(unit, pattern.pattern, subject, fail, context);
      capture(unit, pattern.name, pattern, `(${subject}.refcount++, ${subject})`, context);
      return;
    case "MatchOr":
      compileOrPattern(unit, pattern, subject, fail, context);
      return;
  }
}

/** pattern_helper_store_name: remembers the value for `name` (an owned reference expression). */
function capture(unit: CodeUnit, name: string | null, node: ast.Located, value: string, context: PatternContext): void {
  if (name === null) return;
  if (name === "__debug__") throw patternError(unit, "cannot assign to __debug__", node);
  const captures = context.captures;
  if (captures.order.includes(name)) throw patternError(unit, `multiple assignments to name '${name}' in pattern`, node);
  captures.order.push(name);
  let variable = captures.variables.get(name);
  if (variable === undefined) {
    variable = unit.declare("cap");
    captures.variables.set(name, variable);
  }
  unit.emitter.line(`${variable} = ${value};`);
}

function compileValuePattern(unit: CodeUnit, pattern: ast.MatchValue, subject: string, fail: string): void {
  const emitter = unit.emitter;
  compileExpression(unit, pattern.value);
  const value = emitter.pop();
  const matched = emitter.temporary("eq");
  emitter.line(`const ${matched} = ${comparisonTest("Eq", subject, value)}; dec(${value}); ${value} = null;`);
  emitter.line(`if (!${matched}) break ${fail};`);
}

function compileOrPattern(unit: CodeUnit, pattern: ast.MatchOr, subject: string, fail: string, context: PatternContext): void {
  const emitter = unit.emitter;
  const captures = context.captures;
  const before = captures.order.slice();
  const done = emitter.temporary("or");
  const depth = emitter.depth;
  let control: string[] | null = null;
  emitter.open(`${done}: {`);
  pattern.patterns.forEach((alternative, index) => {
    const isLast = index === pattern.patterns.length - 1;
    captures.order = before.slice();
    const altContext: PatternContext = { allowIrrefutable: isLast && context.allowIrrefutable, captures };
    const altFail = isLast ? fail : emitter.temporary("alt");
    if (!isLast) emitter.open(`${altFail}: {`);
    compilePattern(unit, alternative, subject, altFail, altContext);
    const bound = captures.order.slice(before.length);
    if (control === null) {
      control = bound;
    } else if (bound.length !== control.length || control.some((name) => !bound.includes(name))) {
      if (unit.profile.minor >= 12) throw patternError(unit, "alternative patterns bind different names", pattern);
      // 3.10/3.11 report the compiler's current location: the last node compiled in the alternative.
      throw patternError(unit, "alternative patterns bind different names", lastCompiledNode(alternative));
    }
    if (!isLast) {
      emitter.line(`break ${done};`);
      emitter.close();
      const releases = bound.map((name) => captures.variables.get(name)!).map((variable) => `if (${variable} !== null) { dec(${variable}); ${variable} = null; }`);
      emitter.line(`${emitter.unwindMarker(depth)} ${releases.join(" ")}`);
    }
  });
  emitter.close();
  // The names are stored in the order the first alternative binds them.
  captures.order = [...before, ...(control ?? [])];
}

function compileSequencePattern(unit: CodeUnit, pattern: ast.MatchSequence, subject: string, fail: string, context: PatternContext): void {
  const emitter = unit.emitter;
  const patterns = pattern.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  patterns.forEach((item, index) => {
    if (item.type === "MatchStar") {
      if (star >= 0) throw patternError(unit, "multiple starred names in sequence pattern", pattern);
      star = index;
    }
    if (!isWildcard(item) && !isStarWildcard(item)) onlyWildcard = false;
  });
  const starWildcard = star >= 0 && isStarWildcard(patterns[star]!);
  emitter.line(`if (!matchSequence(${subject})) break ${fail};`);
  if (star < 0) {
    unit.constIndex({ origin: "folded", value: { kind: "int", value: BigInt(size) } });
    emitter.line(`if (matchLength(${subject}) !== ${size}) break ${fail};`);
  } else if (size - 1 > 0) {
    unit.constIndex({ origin: "folded", value: { kind: "int", value: BigInt(size - 1) } });
    emitter.line(`if (matchLength(${subject}) < ${size - 1}) break ${fail};`);
  }
  if (onlyWildcard) return;
  const inner = subpatternContext(context);
  if (starWildcard) {
    // pattern_helper_sequence_subscr: subject[i] before the star, subject[len - (size - i)] after it.
    patterns.forEach((item, index) => {
      if (isWildcard(item) || index === star) return;
      const slot = emitter.push(`matchItem(${subject}, ${index < star ? index : index - size})`);
      compilePattern(unit, item, slot, fail, inner);
      emitter.pop();
      emitter.line(`dec(${slot}); ${slot} = null;`);
    });
    return;
  }
  // pattern_helper_sequence_unpack: UNPACK_SEQUENCE / UNPACK_EX, then each item in order.
  const slots: string[] = [];
  for (let index = 0; index < size; index++) slots.push(emitter.reserve());
  const unpacked = star < 0 ? `unpack(${subject}, ${size})` : `unpackEx(${subject}, ${star}, ${size - star - 1})`;
  emitter.line(`{ const items = ${unpacked}; ${slots.map((slot, index) => `${slot} = items[${index}];`).join(" ")} }`);
  patterns.forEach((item, index) => {
    const slot = slots[index]!;
    compilePattern(unit, item, slot, fail, inner);
    emitter.line(`dec(${slot}); ${slot} = null;`);
  });
  for (let index = 0; index < size; index++) emitter.pop();
}

function compileMappingPattern(unit: CodeUnit, pattern: ast.MatchMapping, subject: string, fail: string, context: PatternContext): void {
  const emitter = unit.emitter;
  const size = pattern.keys.length;
  emitter.line(`if (!matchMapping(${subject})) break ${fail};`);
  if (size === 0 && pattern.rest === null) return;
  if (size > 0) {
    unit.constIndex({ origin: "folded", value: { kind: "int", value: BigInt(size) } });
    emitter.line(`if (matchLength(${subject}) < ${size}) break ${fail};`);
  }
  checkConstantKeys(unit, pattern);
  const keySlots: string[] = [];
  for (const key of pattern.keys) {
    compileExpression(unit, key);
    keySlots.push(emitter.slot(emitter.depth - 1));
  }
  const valueSlots: string[] = [];
  for (let index = 0; index < size; index++) valueSlots.push(emitter.reserve());
  const keys = `[${keySlots.join(", ")}]`;
  emitter.line(`{ const values = matchKeys(${subject}, ${keys}); if (values === null) break ${fail}; ${valueSlots.map((slot, index) => `${slot} = values[${index}];`).join(" ")} }`);
  const inner = subpatternContext(context);
  pattern.patterns.forEach((item, index) => {
    const slot = valueSlots[index]!;
    compilePattern(unit, item, slot, fail, inner);
    emitter.line(`dec(${slot}); ${slot} = null;`);
  });
  if (pattern.rest !== null) capture(unit, pattern.rest, pattern, `matchRest(${subject}, ${keys})`, context);
  for (const slot of keySlots) emitter.line(`dec(${slot}); ${slot} = null;`);
  for (let index = 0; index < 2 * size; index++) emitter.pop();
}

/** Literal keys that are equal (1, 1.0 and True are one key) are a SyntaxError, reported with the repeated key's repr. */
function checkConstantKeys(unit: CodeUnit, pattern: ast.MatchMapping): void {
  const seen: PyObject[] = [];
  try {
    for (const key of pattern.keys) {
      const folded: ConstRef | undefined = unit.context.folder.fold(key);
      const value = folded === undefined ? undefined : scalarOf(folded);
      if (value === undefined) continue;
      const object = newObjectForScalar(value);
      if (seen.some((earlier) => richCompareBool(earlier, object, CompareOp.Eq))) {
        const text = reprText(object);
        decref(object);
        throw patternError(unit, `mapping pattern checks duplicate key (${text})`, pattern);
      }
      seen.push(object);
    }
  } finally {
    for (const object of seen) decref(object);
  }
}

function compileClassPattern(unit: CodeUnit, pattern: ast.MatchClass, subject: string, fail: string, context: PatternContext): void {
  const emitter = unit.emitter;
  // validate_kwd_attrs: every keyword names a different attribute.
  pattern.kwd_attrs.forEach((name, index) => {
    if (name === "__debug__") throw patternError(unit, "cannot assign to __debug__", pattern.kwd_patterns[index]!);
    if (pattern.kwd_attrs.indexOf(name) < index) throw patternError(unit, `attribute name repeated in class pattern: ${name}`, pattern.kwd_patterns[index]!);
  });
  compileExpression(unit, pattern.cls);
  const cls = emitter.pop();
  unit.constIndex({ origin: "tuple", byCompiler: true, items: pattern.kwd_attrs.map((name) => ({ origin: "folded", value: { kind: "str", value: name } })) });
  const subpatterns = [...pattern.patterns, ...pattern.kwd_patterns];
  const slots: string[] = [];
  for (let index = 0; index < subpatterns.length; index++) slots.push(emitter.reserve());
  const keywords = unit.keywordArray([...pattern.kwd_attrs]);
  emitter.line(`{ const attributes = matchClass(${subject}, ${cls}, ${pattern.patterns.length}, ${keywords}); dec(${cls}); ${cls} = null; if (attributes === null) break ${fail}; ${slots.map((slot, index) => `${slot} = attributes[${index}];`).join(" ")} }`);
  const inner = subpatternContext(context);
  subpatterns.forEach((item, index) => {
    const slot = slots[index]!;
    compilePattern(unit, item, slot, fail, inner);
    emitter.line(`dec(${slot}); ${slot} = null;`);
  });
  for (let index = 0; index < subpatterns.length; index++) emitter.pop();
}
