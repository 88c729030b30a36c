// The operations object generated code destructures (see compiler/assemble.ts OPS_NAMES).
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import type { Runtime } from "../runtime.js";
import { PyRaise, discardRaise } from "../errors.js";
import { newBool } from "../values.js";
import * as names from "./names.js";
import * as operators from "./operators.js";
import * as containers from "./containers.js";
import * as exceptionOps from "./exception-ops.js";
import * as functionOps from "./function-ops.js";
import * as imports from "./imports.js";
import * as limits from "./limits.js";
import { enterFrame, leaveFrame, enterInlineFrame, leaveInlineFrame } from "../memory/frame-memory.js";
import * as matchOps from "./match-ops.js";
import { offerLocals } from "./locals-ops.js";
import * as exceptStarOps from "./except-star-ops.js";
import { callStealing, callNoArgs, callOne, callMethodOne, callMethodNoArgs, callWithStarArgs, bindArguments } from "./calls.js";
import { setAttr } from "../abstract/attributes.js";
import type { PyStr } from "../types/str.js";
import { getItem, setItem, deleteItem } from "../abstract/items.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { newGenerator, yieldFromIter, yieldFromStep, yieldFromResult } from "../types/generator.js";
import { superZeroArgs } from "../types/super.js";
import { newNone } from "../values.js";
import { newNameCache } from "./name-cache.js";
import { callClassAtSite, newClassCallSite, noteFunctionAtSite, noteOtherAtSite } from "./class-call-site.js";
import { PyFunction } from "../types/function.js";
import { PyType } from "../type.js";

export interface Ops {
  /** Set by loadMethod for the call that follows. */
  methodSelf: boolean;
  /** Steps left before the next limits check. */
  steps: number;
  /** Shows the value of a trailing expression (IPython's display hook, or `python -i`'s). */
  displayHook: (value: PyObject) => void;
  readonly [name: string]: unknown;
}

/** The ops for one runtime: shared functions plus that runtime's singletons. */
export function createOps(runtime: Runtime): Ops & Record<string, unknown> {
  const ops = {
    methodSelf: false,
    steps: limits.STEP_SLICE,
    // Kept by types/live-frames.ts; present from the start so the object's shape never changes.
    liveFrames: 0,
    dec: decref,
    None: runtime.None,
    True: runtime.True,
    False: runtime.False,
    PyRaise,
    newBool,
    ...names,
    newNameCache,
    getAttr: functionOps.getAttrCached,
    setAttr: functionOps.setAttrCached,
    deleteAttr: (object: PyObject, name: PyStr) => setAttr(object, name, null),
    loadMethod: functionOps.loadMethod,
    call: callStealing,
    callNoArgs,
    callOne,
    callMethodOne,
    callMethodNoArgs,
    PyFunction,
    PyType,
    callClassAtSite,
    noteFunctionAtSite,
    noteOtherAtSite,
    newClassCallSite,
    callEx: callWithStarArgs,
    ...operators,
    ...matchOps,
    offerLocals,
    ...exceptStarOps,
    getIter,
    next: iterNext,
    buildList: containers.buildList,
    buildTuple: containers.buildTuple,
    buildSet: containers.buildSet,
    buildDict: containers.buildDict,
    buildMap: containers.buildMap,
    mergeMappings: containers.mergeMappings,
    buildSlice: containers.buildSlice,
    listAppend: containers.listAppend,
    setAdd: containers.setAdd,
    dictSetItem: containers.dictSetItemStealing,
    mapAdd: containers.mapAdd,
    listExtend: containers.listExtend,
    setUpdate: containers.setUpdate,
    dictUpdate: containers.dictUpdate,
    dictMergeKeywords: containers.dictMergeKeywords,
    dictSetKeyword: containers.dictSetKeyword,
    listToTuple: containers.listToTuple,
    unpack: containers.unpack,
    unpackEx: containers.unpackEx,
    getItem,
    setItem: containers.storeSubscript,
    deleteItem,
    formatValue: functionOps.formatValue,
    joinStrings: functionOps.joinStrings,
    makeFunction: functionOps.makeFunction,
    buildClass: functionOps.buildClass,
    superZeroArgs,
    raise: exceptionOps.raise,
    reraise: exceptionOps.reraise,
    matches: exceptionOps.matches,
    enterHandler: exceptionOps.enterHandler,
    enterFinally: exceptionOps.enterFinally,
    recordInRun: exceptionOps.recordInRun,
    exitHandler: exceptionOps.exitHandler,
    discardCaught: (caught: PyRaise) => discardRaise(caught),
    exceptionObject: exceptionOps.exceptionObject,
    assertFail: exceptionOps.assertFail,
    withEnter: exceptionOps.withEnter,
    withExitException: exceptionOps.withExitException,
    withExitNormal: exceptionOps.withExitNormal,
    importName: imports.importName,
    importFrom: imports.importFrom,
    importStar: imports.importStar,
    displayHook: (value: PyObject) => decref(value),
    tick: limits.tick,
    loopStep: limits.loopStep,
    enterCall: limits.enterCall,
    leaveCall: limits.leaveCall,
    enterFrame,
    leaveFrame,
    enterInlineFrame,
    leaveInlineFrame,
    traceback: exceptionOps.traceback,
    bindArguments,
    newGenerator,
    sentValue: (value: PyObject | null) => value ?? newNone(),
    yieldFromIter,
    yieldFromStep,
    yieldFromResult,
    currentHandled: exceptionOps.currentHandled,
    tracebackOf: exceptionOps.tracebackOf,
  };
  return ops as unknown as Ops & Record<string, unknown>;
}
