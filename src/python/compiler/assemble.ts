// Turns a compiled unit into JavaScript source: prologue (argument binding, cells), body, epilogue.
import type { CodeUnit } from "./code-unit.js";
import { FRAME_VALUES_MARKER } from "./codegen/locals-snapshot.js";
import { BORROWED_OPERAND_HELPERS } from "./codegen/borrowed-operands.js";

/** The names the generated code uses from the runtime's ops object (see runtime/ops). */
export const OPS_NAMES = [
  "dec",
  "None",
  "True",
  "False",
  "PyRaise",
  "newBool",
  "loadName",
  "loadGlobal",
  "loadNameBorrowed",
  "loadGlobalBorrowed",
  "storeNameSwap",
  "storeName",
  "deleteName",
  "loadClassFree",
  "unboundLocal",
  "loadCell",
  "storeCell",
  "deleteCell",
  "deleteCellQuiet",
  "cellValue",
  "newCell",
  "getAttr",
  "setAttr",
  "deleteAttr",
  "loadMethod",
  "call",
  "callOne",
  "callNoArgs",
  "callMethodOne",
  "callMethodNoArgs",
  "callEx",
  "PyFunction",
  "PyType",
  "callClassAtSite",
  "noteFunctionAtSite",
  "noteOtherAtSite",
  "binary",
  "inplace",
  "negative",
  "positive",
  "invert",
  "compare",
  "compareBool",
  "binaryAdd",
  "binarySub",
  "binaryMul",
  "binaryMod",
  "inplaceAdd",
  "lessThan",
  ...BORROWED_OPERAND_HELPERS,
  "greaterThan",
  "contains",
  "isTrue",
  "getIter",
  "next",
  "buildList",
  "buildTuple",
  "buildSet",
  "buildDict",
  "buildMap",
  "mergeMappings",
  "buildSlice",
  "listAppend",
  "setAdd",
  "dictSetItem",
  "mapAdd",
  "listExtend",
  "setUpdate",
  "dictUpdate",
  "dictMergeKeywords",
  "dictSetKeyword",
  "listToTuple",
  "getItem",
  "setItem",
  "deleteItem",
  "unpack",
  "unpackEx",
  "formatValue",
  "joinStrings",
  "makeFunction",
  "buildClass",
  "superZeroArgs",
  "raise",
  "reraise",
  "matches",
  "enterHandler",
  "enterFinally",
  "recordInRun",
  "exitHandler",
  "discardCaught",
  "exceptionObject",
  "assertFail",
  "withEnter",
  "withExitException",
  "withExitNormal",
  "importName",
  "importFrom",
  "importStar",
  "tick",
  "loopStep",
  "enterCall",
  "leaveCall",
  "enterFrame",
  "leaveFrame",
  "enterInlineFrame",
  "leaveInlineFrame",
  "traceback",
  "bindArguments",
  "newGenerator",
  "sentValue",
  "yieldFromIter",
  "yieldFromStep",
  "yieldFromResult",
  "matchSequence",
  "matchMapping",
  "matchLength",
  "matchItem",
  "matchKeys",
  "matchRest",
  "matchClass",
  "offerLocals",
  "exceptStarBegin",
  "exceptStarMatch",
  "exceptStarEnterHandler",
  "exceptStarRaised",
  "exceptStarFinish",
  "exceptStarRelease",
] as const;

/**
 * The frame view of a function's locals, in localsplus order (what f_locals lists): 3.11+ keeps
 * parameters in place and puts other cells after the plain locals; ≤3.10 lists cells (parameters
 * included) after all plain locals. Cells and free variables sort by name, as co_cellvars and
 * co_freevars do. Returns [names, JS expressions of the values].
 */
function frameLocals(unit: CodeUnit, locals: readonly string[]): [string[], string[]] {
  const scope = unit.scope;
  const isCell = (name: string): boolean => scope.lookup(name) === "cell";
  const parameters = scope.parameters;
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  let plain: string[];
  let cells: string[];
  if (unit.profile.minor >= 11) {
    plain = [...parameters, ...locals.filter((name) => !parameters.includes(name) && !isCell(name))];
    cells = locals.filter((name) => !parameters.includes(name) && isCell(name)).sort(byName);
  } else {
    plain = [...parameters.filter((name) => !isCell(name)), ...locals.filter((name) => !parameters.includes(name) && !isCell(name))];
    cells = locals.filter(isCell).sort(byName);
  }
  const frees = [...scope.frees].sort(byName);
  // 3.6's PyFrame_FastToLocals filled the dict from the end of each of the three name tuples.
  const names = unit.profile.minor <= 6 ? [...plain.reverse(), ...cells.reverse(), ...frees.reverse()] : [...plain, ...cells, ...frees];
  return [names, names.map((name) => unit.localVariable(name))];
}

/** The `traceback(...)` call a code object's handler (error `e`) or epilogue (error `null`) makes. */
function frameHandoff(unit: CodeUnit, error: string, locals: readonly string[]): string {
  if (unit.kind === "module") return `traceback(${error}, CODE, ln, null, G)`;
  if (unit.kind === "class") return `traceback(${error}, CODE, ln, F, NS)`;
  const [, values] = frameLocals(unit, locals);
  // A ≤3.10 generator may outlive its function: its frame's globals and builtins are the generator's.
  const owner = unit.kind === "generator" && unit.profile.minor <= 10 ? "GEN" : "F";
  return `traceback(${error}, CODE, ln, ${owner}, null, LN, [${values.join(", ")}])`;
}

/** At a normal end the epilogue calls into the runtime only when some frame object waits for its run. */
function epilogueHandoff(unit: CodeUnit, locals: readonly string[]): string {
  return `if (R.liveFrames > 0) ${frameHandoff(unit, "null", locals)};`;
}

function releaseCode(variable: string): string {
  return `if (${variable} !== null) { const o = ${variable}; ${variable} = null; if (--o.refcount === 0) o.type.dealloc(o); }`;
}

/** The JS source of the factory `(K, N, W, R, CODE) => compiled function`. */
export function assembleUnit(unit: CodeUnit, constCount: number, lateIndexes: readonly number[], cfgConstCount: number, commonOffset: number): string {
  const lines: string[] = [];
  lines.push(`const { ${OPS_NAMES.join(", ")} } = R;`);
  for (let index = 0; index < constCount; index++) lines.push(`const K${index} = K[${index}];`);
  // 3.14: values folded by the CFG optimiser follow codegen's constants in K.
  for (let index = 0; index < cfgConstCount; index++) lines.push(`const KC${index} = K[${constCount + index}];`);
  unit.commonConstants.forEach((_name, index) => lines.push(`const KX${index} = K[${commonOffset + index}];`));
  lateIndexes.forEach((constIndex, lateIndex) => lines.push(`const KL${lateIndex} = K[${constIndex}];`));
  unit.names.forEach((_name, index) => lines.push(`const N${index} = N[${index}];`));
  // One inline cache per name for the namespace lookups (LOAD_GLOBAL, LOAD_NAME, STORE_NAME).
  unit.names.forEach((_name, index) => lines.push(`const NC${index} = R.newNameCache();`));
  for (let index = 0; index < unit.classCallSites.count; index++) lines.push(`const CS${index} = R.newClassCallSite();`);
  unit.keywordArrays.forEach((names, index) => lines.push(`const W${index} = ${JSON.stringify(names)};`));
  // The argument arrays of one- and two-argument calls of Python functions (codegen/calls.ts;
  // two: a method's self and argument): a callee reads them in its prologue only, so the calls
  // share them instead of allocating one each.
  lines.push(`const ARG1 = [null];`);
  lines.push(`const ARG2 = [null, null];`);
  const emitter = unit.emitter;
  const body = emitter.text();
  const slots = emitter.slotDeclarations();
  const extras = [...unit.extraVariables].map(([name, initializer]) => `let ${name} = ${initializer};`).join(" ");
  const scope = unit.scope;
  const noneReturn = `return (None.refcount++, None);`;

  if (unit.kind === "module") {
    lines.push(`return function module(G, B) {`);
    lines.push(`  let ln = ${unit.firstLine}; ${slots} ${extras}`);
    lines.push(`  try {`);
    lines.push(body);
    lines.push(`  ${noneReturn}`);
    lines.push(`  } catch (e) { throw ${frameHandoff(unit, "e", [])}; }`);
    lines.push(`  finally { ${epilogueHandoff(unit, [])} ${emitter.unwindCode(0)} ${extraReleases(unit)} }`);
    lines.push(`};`);
    return lines.join("\n");
  }

  const cellSetup: string[] = [];
  const releases: string[] = [];
  const declared: string[] = [];
  // Free variables: cells borrowed from the function's closure tuple. A generator's frame owns
  // references of its own (it may outlive the function, and CPython's frame copies them in).
  const ownsFrees = unit.kind === "generator";
  const freeReleases: string[] = [];
  scope.frees.forEach((name, index) => {
    const variable = unit.localVariable(name);
    cellSetup.push(`${ownsFrees ? "let" : "const"} ${variable} = F.closure.items[${index}];${ownsFrees ? ` ${variable}.refcount++;` : ""}`);
    if (ownsFrees) freeReleases.push(releaseCode(variable));
  });
  const locals: string[] = [];
  for (const [name, access] of scope.access) {
    if (access === "fast" || access === "cell") locals.push(name);
  }
  if (unit.kind === "class" && scope.needsClassCell && !locals.includes("__class__")) locals.push("__class__");
  for (const name of locals) {
    const variable = unit.localVariable(name);
    declared.push(`${variable} = null`);
    const borrowed = unit.kind === "function" ? unit.borrowFlag(name) : null;
    if (borrowed !== null) {
      declared.push(`${borrowed} = false`);
      releases.push(`if (${variable} !== null) { const o = ${variable}; ${variable} = null; if (!${borrowed} && --o.refcount === 0) o.type.dealloc(o); }`);
    } else {
      releases.push(releaseCode(variable));
    }
  }

  if (unit.kind === "class") {
    lines.push(`return function classBody(F, NS) {`);
    lines.push(`  const G = F.globals, B = F.builtins;`);
    lines.push(`  let ln = ${unit.firstLine}; ${declared.length > 0 ? `let ${declared.join(", ")};` : ""} ${slots} ${extras}`);
    lines.push(`  ${cellSetup.join(" ")}`);
    for (const name of locals) if (scope.lookup(name) === "cell" || name === "__class__") lines.push(`  ${unit.localVariable(name)} = newCell(null);`);
    lines.push(`  try {`);
    lines.push(body);
    lines.push(`  ${noneReturn}`);
    lines.push(`  } catch (e) { throw ${frameHandoff(unit, "e", locals)}; }`);
    lines.push(`  finally { ${epilogueHandoff(unit, locals)} ${emitter.unwindCode(0)} ${releases.join(" ")} ${extraReleases(unit)} }`);
    lines.push(`};`);
    return lines.join("\n");
  }

  // Functions and generators: bind the arguments into locals.
  const parameters = scope.parameters;
  const simple = !scope.hasVarargs && !scope.hasVarkeywords && unit.kwonlyCount === 0;
  const bind: string[] = [];
  const fastAssign = parameters.map((name, index) => `${unit.localVariable(name)} = A[${index}];`).join(" ");
  const fastIncref = parameters.map((name) => `${unit.localVariable(name)}.refcount++;`).join(" ");
  const slowAssign = parameters.map((name, index) => `${unit.localVariable(name)} = bound[${index}];`).join(" ");
  // 3.14: bit i of BM marks A[i] as borrowed (LOAD_FAST_BORROW in the caller). Plain parameters
  // keep it borrowed, noted in their flag; anything else (cells, *args, defaults, generator
  // frames) takes a reference of its own first, as CPython makes a stack reference strong.
  const borrowing = unit.profile.borrowedLocalLoads;
  const strengthen = borrowing ? `if (OWN && BM) for (let i = 0; i < A.length && i < 30; i++) if (BM & (1 << i)) A[i].refcount++;` : "";
  const noteBorrowed = parameters
    .map((name, index) => {
      const flag = unit.borrowFlag(name);
      if (flag !== null) return `${flag} = (BM & ${1 << index}) !== 0;`;
      return index < 30 ? `if (BM & ${1 << index}) ${unit.localVariable(name)}.refcount++;` : "";
    })
    .join(" ");
  const fastBorrowed = borrowing && unit.kind === "function" ? ` else if (BM) { ${noteBorrowed} }` : "";
  if (unit.kind === "generator") bind.push(strengthen);
  const strengthenHere = unit.kind === "generator" ? "" : strengthen;
  if (simple) {
    bind.push(`if (KW === null && A.length === ${parameters.length}) { ${fastAssign} if (!OWN) { ${fastIncref} }${fastBorrowed} }`);
    bind.push(`else { ${strengthenHere} const bound = bindArguments(CODE, F, A, KW, OWN); ${slowAssign} }`);
  } else {
    bind.push(`{ ${strengthenHere} const bound = bindArguments(CODE, F, A, KW, OWN); ${slowAssign} }`);
  }
  // Parameters captured by inner scopes move into cells; other cell locals start empty.
  for (const name of locals) {
    if (scope.lookup(name) !== "cell") continue;
    const variable = unit.localVariable(name);
    if (parameters.includes(name)) bind.push(`${variable} = newCell(${variable});`);
    else bind.push(`${variable} = newCell(null);`);
  }

  lines.push(`const LN = ${JSON.stringify(frameLocals(unit, locals)[0])};`);
  // locals() reads the frame's values through closures the body emitted (codegen/locals-snapshot.ts).
  const frameBody = body.replaceAll(FRAME_VALUES_MARKER, frameLocals(unit, locals)[1].join(", "));
  if (unit.kind === "function") {
    lines.push(`return function ${safeName(unit.name)}(F, A, KW, OWN, BM) {`);
    lines.push(`  const G = F.globals, B = F.builtins;`);
    lines.push(`  let ln = ${unit.firstLine}; ${declared.length > 0 ? `let ${declared.join(", ")};` : ""} ${slots} ${extras}`);
    lines.push(`  ${cellSetup.join(" ")}`);
    lines.push(`  ${bind.join("\n  ")}`);
    // ≤3.10 gives every call a frame object's memory (frame-memory.ts).
    const frameMemory = unit.profile.minor <= 10;
    lines.push(`  enterCall();${frameMemory ? " enterFrame(CODE);" : ""}`);
    lines.push(`  try {`);
    lines.push(frameBody);
    lines.push(`  ${noneReturn}`);
    lines.push(`  } catch (e) { throw ${frameHandoff(unit, "e", locals)}; }`);
    lines.push(`  finally { ${epilogueHandoff(unit, locals)}${frameMemory ? " leaveFrame();" : ""} leaveCall(); ${emitter.unwindCode(0)} ${releases.join(" ")} ${extraReleases(unit)} }`);
    lines.push(`};`);
    return lines.join("\n");
  }

  // Generator: binding happens at the call; the body runs as a JS generator on next().
  lines.push(`return function ${safeName(unit.name)}(F, A, KW, OWN, BM) {`);
  lines.push(`  const G = F.globals, B = F.builtins;`);
  lines.push(`  let ${declared.length > 0 ? `${declared.join(", ")}` : "unusedLocal = null"};`);
  lines.push(`  ${cellSetup.join(" ")}`);
  lines.push(`  ${bind.join("\n  ")}`);
  lines.push(`  const release = () => { ${[...releases, ...freeReleases].join(" ")} };`);
  // The collector sees what the suspended frame holds (gen_traverse → _PyFrame_Traverse): the
  // locals, and once the body runs, its value-stack slots and q_ temporaries (owned or null).
  const visitLocals = [...locals, ...scope.frees].map((name) => `if (${unit.localVariable(name)} !== null) visit(${unit.localVariable(name)});`).join(" ");
  const stackNames = [...Array(emitter.maxDepth).keys()].map((index) => emitter.slot(index));
  const ownedTemporaries = [...stackNames, ...[...unit.extraVariables.keys()].filter((name) => name.startsWith("q_"))];
  const visitStack = ownedTemporaries.map((name) => `if (${name} !== null) visit(${name});`).join(" ");
  lines.push(`  let visitStack = null;`);
  const localsWhen = unit.profile.minor <= 10 ? "true" : "!running";
  lines.push(`  const visitFrame = (visit, running) => { if (${localsWhen}) { ${visitLocals} } if (!running && visitStack !== null) visitStack(visit); };`);
  lines.push(`  const body = (function* () {`);
  lines.push(`    let ln = ${unit.firstLine}; ${slots} ${extras}`);
  lines.push(`    visitStack = (visit) => { ${visitStack} };`);
  lines.push(`    try {`);
  lines.push(frameBody);
  lines.push(`    return null;`);
  lines.push(`    } catch (e) { throw ${frameHandoff(unit, "e", locals)}; }`);
  lines.push(`    finally { ${epilogueHandoff(unit, locals)} ${emitter.unwindCode(0)} release(); ${extraReleases(unit)} }`);
  lines.push(`  })();`);
  lines.push(`  const GEN = newGenerator(CODE, F, body, release, visitFrame);`);
  lines.push(`  return GEN;`);
  lines.push(`};`);
  return lines.join("\n");
}

function extraReleases(unit: CodeUnit): string {
  return [...unit.extraVariables.keys()].filter((name) => name.startsWith("q_")).map(releaseCode).join(" ");
}

function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, "_");
  return /^[A-Za-z_$]/.test(cleaned) ? `py_${cleaned}` : `py_${cleaned}`;
}
