// eval() and exec() of source strings: each call parses and compiles a new '<string>' unit with
// the compiler's entry point (as a notebook cell is compiled) and runs it against a globals dict.
//
// What a lesson can see and this keeps as CPython does: every call makes a new code object with
// its own constants (name-like strings interned by the compiler, equal constants of one unit
// merged), the globals get a '__builtins__' entry when they lack one, the code object is
// released right after running, then the parse tree's objects (PyRun_StringFlags frees its
// arena last). What the simulator cannot model (a separate locals mapping, a function's locals
// as the namespace, code objects as the source) is refused by name.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { Runtime } from "../runtime/runtime.js";
import type { MethodDef } from "../runtime/method-def.js";
import type { CallArgs } from "../runtime/slots.js";
import { PyRaise, Unsupported, pyError, typeError } from "../runtime/errors.js";
import { PyStr, newStr } from "../runtime/types/str.js";
import { PyDict, dictGetItem, dictSetItem } from "../runtime/types/dict.js";
import { PyModule } from "../runtime/types/module.js";
import { PyCode } from "../runtime/types/code.js";
import { parse } from "../parser/index.js";
import type * as ast from "../ast/nodes.js";
import { compileModule, UnsupportedSyntax, SymbolTableError } from "../compiler/compile.js";
import { createLiteralObjects, releaseLiteralObjects } from "../compiler/literals.js";
import { syntaxWarnings } from "../compiler/syntax-warnings.js";
import { syntaxErrorObject } from "../session/syntax-errors.js";
import { writeOutput } from "./output.js";
import { encodeText } from "../runtime/types/str-codecs.js";
import { checkPositionalCount, invalidKeyword, parseClinic, rejectKeywords, splitArguments } from "./arguments.js";

type Kind = "eval" | "exec";

const FILENAME = "<string>";

/** The namespace of each eval/exec run in progress: module-level code of depth `depth`. */
interface ActiveRun {
  readonly depth: number;
  readonly globals: PyDict;
  /** The session's namespace, which the cell's own functions keep as their globals. */
  readonly home: PyDict | null;
}

const activeRuns: ActiveRun[] = [];
/**
 * Runtimes in which exec/eval ran with globals other than the session's: functions defined there
 * keep those globals, which the simulator cannot find again from inside a call.
 */
const foreignGlobalsUsed = new WeakSet<Runtime>();

/** The (source, globals, locals, closure) arguments as each version parses them; borrowed. */
function parseArguments(kind: Kind, args: CallArgs): (PyObject | undefined)[] {
  const minor = rt.profile.minor;
  if (minor >= 13) {
    return parseClinic(args, { name: kind, parameters: ["source", "globals", "locals"], positionalOnly: 1, required: 1, keywordOnly: kind === "exec" ? ["closure"] : [] });
  }
  if (kind === "exec" && minor >= 11) {
    // exec(source, globals=None, locals=None, /, *, closure=None)
    for (const keyword of splitArguments(args).keywords.keys()) if (keyword !== "closure") throw invalidKeyword("exec", keyword);
    return parseClinic(args, { name: "exec", parameters: ["source", "globals", "locals"], positionalOnly: 3, required: 1, keywordOnly: ["closure"] });
  }
  rejectKeywords(kind, args);
  checkPositionalCount(kind, args.values.length, 1, 3);
  return [...args.values];
}

function orNull(value: PyObject | undefined): PyObject | null {
  return value === undefined || value === rt.None ? null : value;
}

/** PyMapping_Check: the type has a subscript slot. */
function isMapping(value: PyObject): boolean {
  return value.type.getitem !== null;
}

/** True when the tree has a node of one of `types` anywhere. */
function containsNode(tree: object, types: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.type === "string" && types.has(record.type)) {
      found = true;
      return;
    }
    for (const key in record) if (key !== "type") visit(record[key]);
  };
  visit(tree);
  return found;
}

/** Nodes that read or bind a name: with them, a function's locals as the namespace would matter. */
const NAME_NODES: ReadonlySet<string> = new Set(["Name", "Global", "Nonlocal"]);
/** Nodes that make code running later with the unit's globals (functions, classes, generators). */
const LASTING_CODE_NODES: ReadonlySet<string> = new Set(["FunctionDef", "AsyncFunctionDef", "Lambda", "ClassDef", "GeneratorExp"]);

/**
 * The globals and builtins dicts a call runs with (borrowed), after CPython's checks in its
 * order; inserts '__builtins__' into globals that lack it.
 */
function namespaces(kind: Kind, globalsArgument: PyObject | null, localsArgument: PyObject | null): { globals: PyDict; builtins: PyDict; callerLocals: boolean } {
  if (kind === "eval") {
    if (localsArgument !== null && !isMapping(localsArgument)) throw typeError("locals must be a mapping");
    if (globalsArgument !== null && !(globalsArgument instanceof PyDict)) {
      throw typeError(isMapping(globalsArgument) ? "globals must be a real dict; try eval(expr, {}, mapping)" : "globals must be a dict");
    }
  } else {
    if (globalsArgument !== null && !(globalsArgument instanceof PyDict)) throw typeError(`exec() globals must be a dict, not ${globalsArgument.type.name}`);
    if (localsArgument !== null && !isMapping(localsArgument)) throw typeError(`locals must be a mapping or None, not ${localsArgument.type.name}`);
  }
  let globals: PyDict;
  let callerLocals = false;
  if (globalsArgument === null) {
    const active = activeRuns[activeRuns.length - 1];
    const current = active?.globals ?? rt.currentGlobals;
    if (current === null) throw new Unsupported(`${kind}() outside a notebook cell`);
    const depth = active?.depth ?? 0;
    if (rt.callDepth !== depth) {
      // Called inside a function: its globals and its locals are the namespaces. The simulator
      // knows the function's globals only while every function has the session's.
      if (foreignGlobalsUsed.has(rt) || (active !== undefined && active.globals !== active.home)) {
        throw new Unsupported(`${kind}() without globals inside a function, once code ran with other globals`);
      }
      callerLocals = localsArgument === null;
    }
    globals = current;
  } else {
    globals = globalsArgument as PyDict;
  }
  if (localsArgument !== null && localsArgument !== globals) throw new Unsupported(`${kind}() with a locals mapping other than its globals`);
  return { globals, builtins: builtinsOf(kind, globals), callerLocals };
}

/** globals['__builtins__'] as the dict the code looks builtins up in (inserted when missing). */
function builtinsOf(kind: Kind, globals: PyDict): PyDict {
  const key = newStr("__builtins__");
  try {
    let value = dictGetItem(globals, key);
    if (value === null) {
      // PyEval_GetBuiltins(): the running frame's builtins dict.
      value = rt.builtins.dict;
      dictSetItem(globals, key, value);
    }
    if (value instanceof PyModule) return value.dict;
    if (value instanceof PyDict) return value;
    throw new Unsupported(`${kind}() with a '__builtins__' that is neither a dict nor a module`);
  } finally {
    decref(key);
  }
}

/** The source text of argument 1 (CPython's _Py_SourceAsString checks). */
function sourceText(kind: Kind, source: PyObject): string {
  if (source instanceof PyCode) throw new Unsupported(`${kind}() of a code object`);
  if (source.type === rt.types.bytes || source.type.isSubtypeOf(rt.types.bytes)) throw new Unsupported(`${kind}() of a bytes source`);
  if (!(source instanceof PyStr)) throw typeError(`${kind}() arg 1 must be a string, bytes or code object`);
  let text = source.value;
  // The source is read as UTF-8 first: a lone surrogate raises UnicodeEncodeError (no kind-1
  // text holds one).
  if (source.kind !== 1) encodeText(text, "utf-8", "strict");
  // Refused before parsing: a ValueError until 3.10, then a SyntaxError without a location.
  if (text.includes("\0")) throw pyError(rt.profile.minor < 11 ? rt.exc.ValueError : rt.exc.SyntaxError, "source code string cannot contain null bytes");
  // builtin_eval skips leading spaces and tabs (exec does not).
  if (kind === "eval") text = text.replace(/^[ \t]+/, "");
  return text;
}

/** Parses and compiles `text` as a new unit, runs it, and releases the code and the tree. */
function run(kind: Kind, text: string, globals: PyDict, builtins: PyDict, callerLocals: boolean): PyObject {
  const profile = rt.profile;
  const parsed = kind === "eval" ? parse(text, { mode: "eval", version: profile }) : parse(text, { mode: "exec", version: profile });
  if (!parsed.ok) {
    if ("unsupported" in parsed) throw new Unsupported(parsed.unsupported.feature);
    throw new PyRaise(syntaxErrorObject(parsed.error, FILENAME));
  }
  // eval's expression runs as a one-statement interactive unit whose display hook hands the
  // value back: the compiler has no "eval" mode, and the hook is the value's only way out.
  const module: ast.Module | ast.Interactive = parsed.tree.type === "Expression" ? { type: "Interactive", body: [expressionStatement(parsed.tree.body)] } : parsed.tree;
  if (callerLocals && containsNode(module, NAME_NODES)) throw new Unsupported(`${kind}() of code using names inside a function (its locals are the namespace)`);
  // warnings.showwarning, each time (compile warnings carry no registry): the tokenizer's as it
  // parses, then the compiler's. DeprecationWarnings from '<string>' are filtered out by default.
  for (const warning of parsed.warnings) if (warning.category === "SyntaxWarning") showSyntaxWarning(warning.lineno, warning.message);
  for (const warning of syntaxWarnings(module, profile)) showSyntaxWarning(warning.lineno, warning.message);
  const literals = createLiteralObjects(module);
  try {
    let compiled;
    try {
      compiled = compileModule(module, { filename: FILENAME, mode: kind === "eval" ? "single" : "exec", literals });
    } catch (error) {
      if (error instanceof UnsupportedSyntax) throw new Unsupported(error.feature);
      if (error instanceof SymbolTableError) {
        const line = text.split("\n")[error.lineno - 1] ?? null;
        const details = { type: "SyntaxError" as const, msg: error.message, lineno: error.lineno, offset: error.offset, end_lineno: error.endLineno, end_offset: error.endOffset, text: line === null ? null : `${line}\n` };
        throw new PyRaise(syntaxErrorObject(details, FILENAME));
      }
      throw error;
    }
    const code = compiled.code;
    const ops = rt.ops;
    const previousHook = ops.displayHook;
    const previousGlobals = rt.currentGlobals;
    let result: PyObject | null = null;
    if (kind === "eval") ops.displayHook = (value) => void (result = value);
    const home = activeRuns.length > 0 ? activeRuns[0]!.home : previousGlobals;
    activeRuns.push({ depth: rt.callDepth, globals, home });
    if (globals !== home && containsNode(module, LASTING_CODE_NODES)) foreignGlobalsUsed.add(rt);
    rt.currentGlobals = globals;
    try {
      decref(code.compiled!(globals, builtins));
    } finally {
      ops.displayHook = previousHook;
      rt.currentGlobals = previousGlobals;
      activeRuns.pop();
      decref(code);
      for (const object of compiled.arena) decref(object);
    }
    return result ?? (rt.None.refcount++, rt.None);
  } finally {
    releaseLiteralObjects(literals);
  }
}

function showSyntaxWarning(lineno: number, message: string): void {
  writeOutput("stderr", `${FILENAME}:${lineno}: SyntaxWarning: ${message}\n`);
}

function expressionStatement(value: ast.Expr): ast.ExprStmt {
  return { type: "Expr", value, lineno: value.lineno, col_offset: value.col_offset, end_lineno: value.end_lineno, end_col_offset: value.end_col_offset };
}

function evalOrExec(kind: Kind, args: CallArgs): PyObject {
  const [source, globalsArgument, localsArgument, closure] = parseArguments(kind, args);
  if (orNull(closure) !== null) throw new Unsupported("exec() with a closure");
  const { globals, builtins, callerLocals } = namespaces(kind, orNull(globalsArgument), orNull(localsArgument));
  const text = sourceText(kind, source!);
  return run(kind, text, globals, builtins, callerLocals);
}

export const EVAL_BUILTINS: readonly MethodDef[] = [
  { name: "eval", kind: "keywords", impl: (_self, args) => evalOrExec("eval", args) },
  { name: "exec", kind: "keywords", impl: (_self, args) => evalOrExec("exec", args) },
];
