// One simulated notebook kernel: runs cells with IPython's execution rules (or `python -i`'s),
// keeps the user namespace, and reports each cell's output, exception or refusal.
import type { Profile } from "../profiles/profile.js";
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import type { Runtime } from "../runtime/runtime.js";
import { activateRuntime, rt } from "../runtime/state.js";
import { transformCell, ipythonCellFilename } from "./cell-transform.js";
import { createRuntime } from "../runtime/bootstrap.js";
import { parse } from "../parser/index.js";
import type * as ast from "../ast/nodes.js";
import { compileModule, UnsupportedSyntax, SymbolTableError } from "../compiler/compile.js";
import { createLiteralObjects, releaseLiteralObjects, constantNodes } from "../compiler/literals.js";
import { PyRaise, Unsupported, LimitExceeded, SimulatedCrash, discardRaise } from "../runtime/errors.js";
import { newDict, type PyDict } from "../runtime/types/dict.js";
import { PyBaseException, exceptionStrText } from "../runtime/types/exceptions.js";
import { formatException, exceptionLastLine } from "../runtime/traceback-format.js";
import { newLimits } from "../runtime/limits.js";
import { primeCallChecks } from "../runtime/ops/limits.js";
import { primeFieldConstness } from "../runtime/ops/field-priming.js";
import { resetHandled } from "../runtime/ops/exception-ops.js";
import { setNamespaceValue, namespaceValue } from "./namespace.js";
import { newStr } from "../runtime/types/str.js";
import { newList, type PyList } from "../runtime/types/list.js";
import { IPythonDisplay, ReplDisplay, type DisplayHook } from "./display-hooks.js";
import { installDisplayBuiltin } from "./display-builtin.js";
import { markIPythonBuiltins } from "../modules/builtins.js";
import { syntaxErrorObject } from "./syntax-errors.js";
import { newStatementWrapper, type StatementWrapper } from "./statement-wrappers.js";
import { CellTreeMemory } from "./cell-tree-memory.js";
import { KernelFloats } from "./kernel-floats.js";
import { takeHeapSnapshot, type HeapSnapshotData } from "./heap-snapshot.js";
import { syntaxWarnings } from "../compiler/syntax-warnings.js";
import { writeOutput } from "../modules/output.js";
import { setLocalModuleNames } from "../modules/module-availability.js";
import { noteTopLevelStatement } from "../modules/gc.js";
import { setSessionNamespace } from "../modules/namespace-generation.js";

export type CellStatus = "ok" | "exception" | "unsupported" | "timeout" | "crash" | "error";

export interface CellOutcome {
  readonly status: CellStatus;
  readonly output: string;
  readonly exception?: { readonly type: string; readonly message: string; readonly traceback: string; readonly lastLine: string };
  readonly unsupported?: { readonly feature: string; readonly line: number };
  readonly engineMessage?: string;
  readonly heap?: HeapSnapshotData;
}

export interface SessionOptions {
  readonly display: "pretty" | "repr";
  /**
   * Top-level modules the lesson's folder provides (`helpers.py`, `pkg/`): a real kernel runs
   * there and can import them, so the simulator refuses them instead of "No module named".
   */
  readonly localModules?: readonly string[];
}

export interface CellLimits {
  readonly timeoutMs: number;
  readonly maxSteps: number;
  /** Lesson line of the cell's first source line (unsupported-feature positions). */
  readonly firstLine?: number;
  readonly wantHeap?: boolean;
}

/** The `__doc__` of an IPython session's `__main__`. */
const IPYTHON_MAIN_DOC = "Automatically created module for IPython interactive environment";

/** The start of the refusal when the JavaScript stack runs out (runners may retry on a deeper stack). */
export const STACK_RAN_OUT = "recursion this deep: the simulator's JavaScript stack ran out";

/** CPython's default recursion limit (sys.getrecursionlimit() in `python -i`). */
const PYTHON_RECURSION_LIMIT = 1000;

export class NotebookSession {
  readonly runtime: Runtime;
  private readonly namespace: PyDict;
  private executionCount = 0;
  private readonly display: DisplayHook;
  private readonly inputHistory: PyList;
  /** IPython keeps the last error's exception (sys.last_value), and with it its frames. */
  private lastException: PyObject | null = null;
  /** The reference kernel loop's timing floats, made and dropped around each cell. */
  private readonly kernelFloats: KernelFloats;

  constructor(profile: Profile, private readonly options: SessionOptions) {
    this.runtime = createRuntime(profile);
    this.namespace = newDict();
    setNamespaceValue(this.namespace, "__name__", newStr("__main__"));
    // IPython's user module is created with this docstring; `python -i`'s __main__ has none.
    setNamespaceValue(this.namespace, "__doc__", options.display === "pretty" ? newStr(IPYTHON_MAIN_DOC) : (rt.None.refcount++, rt.None));
    setNamespaceValue(this.namespace, "__package__", (rt.None.refcount++, rt.None));
    if (options.display === "pretty") {
      // IPython's user module is a types.ModuleType (loader and spec None), given __builtin__ too.
      setNamespaceValue(this.namespace, "__loader__", (rt.None.refcount++, rt.None));
      setNamespaceValue(this.namespace, "__spec__", (rt.None.refcount++, rt.None));
      rt.builtins.refcount++;
      setNamespaceValue(this.namespace, "__builtin__", rt.builtins);
    }
    rt.builtins.refcount++;
    setNamespaceValue(this.namespace, "__builtins__", rt.builtins);
    this.inputHistory = newList([newStr("")]);
    if (options.display === "pretty") {
      this.display = new IPythonDisplay(this.namespace, this.inputHistory);
      installDisplayBuiltin();
      markIPythonBuiltins();
    } else {
      this.display = new ReplDisplay();
      // `python -i` keeps CPython's default limit; only IPython raises it (see runtime.ts).
      this.runtime.recursionLimit = PYTHON_RECURSION_LIMIT;
    }
    rt.currentGlobals = this.namespace;
    setSessionNamespace(this.runtime, this.namespace);
    this.kernelFloats = new KernelFloats();
    const floats = this.kernelFloats;
    this.runtime.outputWriteHook = () => floats.onWrite();
    if (options.localModules !== undefined) setLocalModuleNames(this.runtime, options.localModules);
  }

  /** Runs one cell to its end (or its first exception) and reports what a notebook shows. */
  runCell(source: string, limits: CellLimits): CellOutcome {
    activateRuntime(this.runtime);
    const runtime = this.runtime;
    runtime.output = [];
    runtime.outputLength = 0;
    runtime.callDepth = 0;
    runtime.runtimeCallDepth = 0;
    runtime.limits = newLimits(limits.timeoutMs, limits.maxSteps);
    primeCallChecks();
    primeFieldConstness();
    runtime.ops.steps = 100_000;
    runtime.currentGlobals = this.namespace;
    resetHandled();
    this.kernelFloats.beforeCell();
    this.executionCount++;
    const count = this.executionCount;
    let text = source;
    let filename = `<stdin-${count}>`;
    let firstLine = limits.firstLine ?? 1;
    if (this.options.display === "pretty") {
      const transformed = transformCell(source);
      text = transformed.text;
      filename = ipythonCellFilename(count, text);
      firstLine += transformed.droppedLines;
    }
    runtime.registerSource(filename, text);
    this.display.beginCell(count, source);
    try {
      const outcome = this.execute(text, filename, firstLine);
      return { ...outcome, output: runtime.output.join(""), heap: limits.wantHeap ? takeHeapSnapshot(this.namespace) : undefined };
    } catch (error) {
      return this.failure(error, firstLine);
    } finally {
      this.display.endCell();
      if (runtime.gc.pending) runtime.gc.runPending();
    }
  }

  private execute(source: string, filename: string, firstLine: number): Omit<CellOutcome, "output"> {
    // IPython compiles cells with codeop's flags, which allow incomplete input.
    const parsed = parse(source, { mode: "exec", version: this.runtime.profile, allowIncompleteInput: this.options.display === "pretty" });
    if (!parsed.ok) {
      if ("unsupported" in parsed) return unsupportedOutcome(parsed.unsupported.feature, firstLine + parsed.unsupported.lineno - 1);
      const exception = syntaxErrorObject(parsed.error, filename);
      return this.recordException(new PyRaise(exception));
    }
    const module = parsed.tree;
    // IPython first compiles the whole cell under the name "<>" (its top-level-await check):
    // the compiler's SyntaxWarnings appear once from there, without source lines.
    if (this.options.display === "pretty") {
      for (const warning of syntaxWarnings(module, this.runtime.profile)) writeOutput("stderr", `<>:${warning.lineno}: SyntaxWarning: ${warning.message}\n`);
    }
    // One parse per cell: its literal objects live until the cell ends (IPython), or until
    // their line's unit has run (`display: repr`, where each unit's tree is then dropped).
    const literals = createLiteralObjects(module);
    // IPython keeps the cell's tree as `ast` objects until the cell has run.
    const tree = this.options.display === "pretty" ? new CellTreeMemory(module) : null;
    const repl = this.options.display === "repr";
    const units = repl ? groupByLine(module.body) : module.body.map((statement) => [statement]);
    const interactiveLast = repl || lastIsExpression(module.body);
    let wrapper: StatementWrapper | null = null;
    // IPython's run_ast_nodes keeps the last statement's code object in a local until the next
    // statement has compiled, so its constants are still alive while the next one compiles.
    const held: HeldCode = { code: null };
    try {
      for (let index = 0; index < units.length; index++) {
        const unit = units[index]!;
        const interactive = repl || (interactiveLast && index === units.length - 1);
        if (!repl) {
          wrapper = newStatementWrapper(interactive, wrapper);
        }
        const failure = this.runUnit(unit, interactive, filename, literals, firstLine, repl ? null : held);
        if (repl) releaseLiteralsOf(unit, literals);
        if (failure !== null) return failure;
      }
      return { status: "ok" };
    } finally {
      // run_ast_nodes' locals go in order: the wrapper (`mod`), then the code object.
      if (wrapper !== null) wrapper.release();
      if (held.code !== null) decref(held.code);
      releaseLiteralObjects(literals);
      tree?.release();
    }
  }

  /**
   * Compiles and runs top-level statements as one code object: one statement per unit under
   * IPython (run_ast_nodes), the statements sharing a line under `display: repr` (`python -i`
   * reads a line at a time). With `held`, the code object stays there after its run (released
   * when the next unit's code replaces it); without, it goes as soon as it has run.
   */
  private runUnit(statements: ast.Stmt[], interactive: boolean, filename: string, literals: ReadonlyMap<ast.Constant, PyObject>, firstLine: number, held: HeldCode | null): Omit<CellOutcome, "output"> | null {
    const module: ast.Module | ast.Interactive = interactive ? { type: "Interactive", body: statements } : { type: "Module", body: statements, type_ignores: [] };
    for (const statement of statements) this.showSyntaxWarnings(statement, filename);
    let compiled;
    try {
      compiled = compileModule(module, { filename, mode: interactive ? "single" : "exec", literals });
    } catch (error) {
      if (error instanceof UnsupportedSyntax) return unsupportedOutcome(error.feature, firstLine + error.line - 1);
      if (error instanceof SymbolTableError) {
        const exception = syntaxErrorObject({ type: "SyntaxError", msg: error.message, lineno: error.lineno, offset: error.offset, end_lineno: error.endLineno, end_offset: error.endOffset, text: this.runtime.sourceLine(filename, error.lineno) }, filename);
        return this.recordException(new PyRaise(exception));
      }
      throw error;
    }
    // compile() frees its arena as it returns: folded constants keep only co_consts' references.
    for (const object of compiled.arena) decref(object);
    const code = compiled.code;
    if (held !== null) {
      const previous = held.code;
      held.code = code;
      code.refcount++;
      if (previous !== null) decref(previous);
    }
    noteTopLevelStatement();
    try {
      const result = code.compiled!(this.namespace, this.runtime.builtins.dict);
      decref(result);
      return null;
    } catch (error) {
      if (error instanceof PyRaise) return this.recordException(error);
      throw error;
    } finally {
      decref(code);
    }
  }

  /** warnings.showwarning for the compiler's SyntaxWarnings of one statement, as it compiles. */
  private showSyntaxWarnings(statement: ast.Stmt, filename: string): void {
    for (const warning of syntaxWarnings(statement, this.runtime.profile)) {
      if (this.options.display === "pretty") {
        const source = this.runtime.sourceLine(filename, warning.lineno);
        writeOutput("stderr", `${filename}:${warning.lineno}: SyntaxWarning: ${warning.message}\n${source === null ? "" : `  ${source.trim()}\n`}`);
      } else {
        writeOutput("stderr", `<stdin>:${warning.lineno}: SyntaxWarning: ${warning.message}\n`);
      }
    }
  }

  /** An uncaught exception: the cell stops; IPython keeps it as sys.last_value. */
  private recordException(raised: PyRaise): Omit<CellOutcome, "output"> {
    const exception = raised.exception;
    const style = this.options.display === "pretty" ? "ipython" : "repl";
    const traceback = formatException(exception, style);
    const lastLine = exceptionLastLine(exception, style);
    const type = exception.type;
    const typeText = type.module === "builtins" || type.module === "__main__" ? type.qualname : `${type.module}.${type.qualname}`;
    const message = exception instanceof PyBaseException ? safeStr(exception) : "";
    const previous = this.lastException;
    this.lastException = exception;
    if (previous !== null) decref(previous);
    return { status: "exception", exception: { type: typeText, message, traceback, lastLine } };
  }

  private failure(error: unknown, firstLine: number): CellOutcome {
    const output = this.runtime.output.join("");
    if (error instanceof Unsupported) {
      const line = (error as unknown as { line?: number }).line ?? 1;
      return { ...unsupportedOutcome(error.feature, firstLine + line - 1), output };
    }
    if (error instanceof LimitExceeded) {
      return { status: error.limit === "time" ? "timeout" : "timeout", output, engineMessage: `the simulator stopped the cell: ${error.message}` };
    }
    if (error instanceof SimulatedCrash) return { status: "crash", output, engineMessage: error.message };
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      // Python's own limit was not reached: the JavaScript stack ran out first.
      const feature = `${STACK_RAN_OUT} before Python's recursion limit (${this.runtime.recursionLimit})`;
      return { ...unsupportedOutcome(feature, firstLine), output };
    }
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    return { status: "error", output, engineMessage: `simulator bug: ${message}` };
  }

  /** The user namespace value of `name` (borrowed), for tests and heap views. */
  lookup(name: string): PyObject | null {
    return namespaceValue(this.namespace, name);
  }

  close(): void {
    activateRuntime(this.runtime);
    if (this.lastException !== null) {
      decref(this.lastException);
      this.lastException = null;
    }
  }
}

function safeStr(exception: PyBaseException): string {
  try {
    return exceptionStrText(exception);
  } catch (error) {
    if (error instanceof PyRaise) discardRaise(error);
    return "<exception str() failed>";
  }
}

/** The code object of the last statement run_ast_nodes compiled (owned). */
interface HeldCode {
  code: PyObject | null;
}

/** Statements that share a line (`a = 1; b = 2`) form one unit, as one line of `python -i` input. */
function groupByLine(statements: readonly ast.Stmt[]): ast.Stmt[][] {
  const units: ast.Stmt[][] = [];
  let lastLine = -1;
  for (const statement of statements) {
    if (units.length > 0 && statement.lineno === lastLine) units[units.length - 1]!.push(statement);
    else units.push([statement]);
    lastLine = statement.end_lineno ?? statement.lineno;
  }
  return units;
}

/** Drops the parse tree's references to the literals of `statements` (their tree is gone). */
function releaseLiteralsOf(statements: readonly ast.Stmt[], literals: Map<ast.Constant, PyObject>): void {
  const released = new Map<ast.Constant, PyObject>();
  for (const node of constantNodes(statements)) {
    const object = literals.get(node);
    if (object === undefined) continue;
    released.set(node, object);
    literals.delete(node);
  }
  releaseLiteralObjects(released);
}

function lastIsExpression(statements: readonly ast.Stmt[]): boolean {
  return statements.length > 0 && statements[statements.length - 1]!.type === "Expr";
}

function unsupportedOutcome(feature: string, line: number): Omit<CellOutcome, "output"> {
  return { status: "unsupported", unsupported: { feature, line } };
}
