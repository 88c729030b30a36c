// The gc module: the collector's controls and introspection (the algorithm is runtime/gc).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { ModuleDefinition } from "./module-builder.js";
import type { MethodDef } from "../runtime/method-def.js";
import { newInt } from "../runtime/types/int.js";
import { newList, listTraverse, listTraverseHeld, type PyList } from "../runtime/types/list.js";
import { PyRaise } from "../runtime/errors.js";
import { callPositional } from "../runtime/abstract/object-protocol.js";
import { writeUnraisable } from "../runtime/unraisable.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newNone, newBool } from "../runtime/values.js";
import { typeError, valueError, Unsupported } from "../runtime/errors.js";
import { indexNumber } from "../runtime/abstract/conversions.js";
import { splitArgs } from "../runtime/spec-helpers.js";
import { isTracked } from "../runtime/gc/tracking.js";
import { newDict, dictSetItem } from "../runtime/types/dict.js";
import { newStr } from "../runtime/types/str.js";
import { PyModule, isSimulatorModule } from "../runtime/types/module.js";
import { refuseModuleNamespace, refuseModuleNamespaceAmong } from "./module-namespace.js";
import { markObjectList } from "./partial-listings.js";
import { refuseUncertainGenerationList, refuseUncertainReferrerOrder } from "./namespace-generation.js";

/** Collections so far in every generation, per collector, when a top-level statement started. */
const collectionsAtStatementStart = new WeakMap<object, number>();

function collectionsSoFar(): number {
  let total = 0;
  for (const stats of rt.gc.stats) total += stats.collections;
  return total;
}

/**
 * A cell's top-level statement starts. Between statements the kernel runs code of its own
 * (compiling the statement, IPython's wrappers) whose allocations the simulator does not model,
 * so get_count() is only known while no statement boundary has passed since a collection.
 */
export function noteTopLevelStatement(): void {
  collectionsAtStatementStart.set(rt.gc, collectionsSoFar());
}

function getCount(): PyObject {
  if (collectionsAtStatementStart.get(rt.gc) === collectionsSoFar()) {
    throw new Unsupported("gc.get_count() in a statement that did not collect first: the counts would include the kernel's own allocations between statements");
  }
  return newTupleStealing(rt.gc.counts.map((count) => newInt(count)));
}

/**
 * gc.callbacks: the collector calls every callback with ("start" | "stop", info) around each
 * collection (gcmodule.c invoke_gc_callback). The list object is the collector's own: rebinding
 * gc.callbacks does not replace it. Returns the list (new reference, for the module's namespace).
 */
function watchCollections(callbacks: PyList): PyList {
  callbacks.refcount++; // the collector's reference (gcstate->callbacks)
  rt.gc.onCollect = (phase, generation, collected, uncollectable) => {
    if (callbacks.items.length === 0) return;
    const info = collectionInfo(generation, collected, uncollectable);
    // 3.12+ make the phase string once for all callbacks; older versions once per call ("sO").
    let phaseText: PyObject | null = rt.profile.minor >= 12 ? newStr(phase) : null;
    for (let index = 0; index < callbacks.items.length; index++) {
      const callback = callbacks.items[index]!;
      callback.refcount++;
      const text = phaseText ?? newStr(phase);
      try {
        decref(callPositional(callback, [text, info]));
      } catch (error) {
        if (!(error instanceof PyRaise)) throw error;
        writeUnraisable(error, callback);
      } finally {
        if (phaseText === null) decref(text);
        decref(callback);
      }
    }
    if (phaseText !== null) decref(phaseText);
    phaseText = null;
    decref(info);
  };
  return callbacks;
}

/** Py_BuildValue("{sisnsn}", "generation", …, "collected", …, "uncollectable", …). */
function collectionInfo(generation: number, collected: number, uncollectable: number): PyObject {
  return dictOfInts([
    ["generation", generation],
    ["collected", collected],
    ["uncollectable", uncollectable],
  ]);
}

/** A new dict of str keys to ints, in the given order. */
function dictOfInts(entries: readonly (readonly [string, number])[]): PyObject {
  const dict = newDict();
  for (const [name, value] of entries) {
    const key = newStr(name);
    const number = newInt(value);
    dictSetItem(dict, key, number);
    decref(key);
    decref(number);
  }
  return dict;
}

function owned(objects: PyObject[]): PyObject {
  for (const object of objects) object.refcount++;
  return newList(objects);
}

/** The version (minor) that added each gc function newer than 3.6. */
const ADDED_IN = new Map([
  ["freeze", 7],
  ["unfreeze", 7],
  ["get_freeze_count", 7],
  ["is_finalized", 9],
]);

export const GC_MODULE: ModuleDefinition = {
  name: "gc",
  get functions() {
    return GC_FUNCTIONS.filter((def) => rt.profile.minor >= (ADDED_IN.get(def.name) ?? 6));
  },
  values: () =>
    new Map<string, PyObject>([
      ["garbage", newList([])],
      ["callbacks", watchCollections(newList([]))],
      ["DEBUG_STATS", newInt(1)],
      ["DEBUG_COLLECTABLE", newInt(2)],
      ["DEBUG_UNCOLLECTABLE", newInt(4)],
      ["DEBUG_SAVEALL", newInt(32)],
      ["DEBUG_LEAK", newInt(38)],
    ]),
};

const GC_FUNCTIONS: readonly MethodDef[] = [
    {
      name: "collect",
      kind: "keywords",
      impl: (_self, args) => {
        const { positional, keywords } = splitArgs(args);
        const generationObject = positional[0] ?? keywords.get("generation");
        const generation = generationObject === undefined ? 2 : indexNumber(generationObject);
        if (generation < 0 || generation > 2) throw valueError("invalid generation");
        return newInt(rt.gc.collect(generation));
      },
    },
    {
      name: "enable",
      kind: "noargs",
      impl: () => {
        rt.gc.enabled = true;
        return newNone();
      },
    },
    {
      name: "disable",
      kind: "noargs",
      impl: () => {
        rt.gc.enabled = false;
        return newNone();
      },
    },
    { name: "isenabled", kind: "noargs", impl: () => newBool(rt.gc.enabled) },
    {
      name: "get_objects",
      kind: "keywords",
      impl: (_self, args) => {
        const { positional, keywords } = splitArgs(args);
        // ≤3.7 get_objects takes no arguments at all (METH_NOARGS): keywords are refused first.
        if (rt.profile.minor < 8 && keywords.size > 0) throw typeError("get_objects() takes no keyword arguments");
        if (rt.profile.minor < 8 && positional.length > 0) throw typeError(`get_objects() takes no arguments (${positional.length} given)`);
        const generationObject = positional[0] ?? keywords.get("generation");
        const generation = generationObject === undefined || generationObject === rt.None ? undefined : indexNumber(generationObject);
        if (generation !== undefined && (generation < 0 || generation > 2)) throw valueError(generation < 0 ? "generation parameter cannot be negative" : "generation parameter must be less than the number of available generations (3)");
        if (generation !== undefined) refuseUncertainGenerationList(generation);
        return markObjectList(owned(rt.gc.objects(generation)));
      },
    },
    { name: "get_count", kind: "noargs", impl: () => getCount() },
    { name: "get_threshold", kind: "noargs", impl: () => newTupleStealing(rt.gc.thresholds.map((threshold) => newInt(threshold))) },
    {
      name: "set_threshold",
      kind: "positional",
      impl: (_self, args) => {
        if (args.length < 1 || args.length > 3) throw typeError(`set_threshold() takes at most 3 arguments (${args.length} given)`);
        args.forEach((value, index) => {
          rt.gc.thresholds[index] = indexNumber(value);
        });
        return newNone();
      },
    },
    { name: "is_tracked", kind: "one", impl: (_self, object) => newBool(isTracked(object)) },
    {
      name: "is_finalized",
      kind: "one",
      impl: (_self, object) => newBool(rt.gc.finalized.has(object)),
    },
    {
      name: "get_referrers",
      kind: "positional",
      impl: (_self, targets) => {
        const wanted = new Set(targets);
        const referrers = rt.gc.objects().filter((candidate) => {
          let found = false;
          // A packed int (list-packed-ints.ts) has no object that could be among the targets.
          const traverse = candidate.type.traverse === listTraverse ? listTraverseHeld : candidate.type.traverse;
          traverse?.(candidate, (child) => {
            if (wanted.has(child)) found = true;
          });
          return found;
        });
        refuseModuleNamespaceAmong(referrers);
        refuseUncertainReferrerOrder(referrers);
        return owned(referrers);
      },
    },
    {
      name: "get_referents",
      kind: "positional",
      impl: (_self, sources) => {
        const referents: PyObject[] = [];
        for (const source of sources) {
          // The dict of one of the simulator's modules is not CPython's (module-namespace.ts).
          if (source instanceof PyModule && isSimulatorModule(source)) refuseModuleNamespace(source);
          source.type.traverse?.(source, (child) => referents.push(child));
        }
        return owned(referents);
      },
    },
    {
      name: "get_stats",
      kind: "noargs",
      impl: () =>
        newList(
          rt.gc.stats.map((stats) =>
            dictOfInts([
              ["collections", stats.collections],
              ["collected", stats.collected],
              ["uncollectable", stats.uncollectable],
            ]),
          ),
        ),
    },
    {
      name: "freeze",
      kind: "noargs",
      impl: () => {
        throw new Unsupported("gc.freeze() (the permanent generation is not simulated)");
      },
    },
    // With freeze refused nothing is ever frozen, except that 3.12 starts with a few hundred
    // objects in the permanent generation (their number depends on what the process loaded).
    {
      name: "unfreeze",
      kind: "noargs",
      impl: () => {
        refuseStartupFrozenObjects("gc.unfreeze()");
        return newNone();
      },
    },
    {
      name: "get_freeze_count",
      kind: "noargs",
      impl: () => {
        refuseStartupFrozenObjects("gc.get_freeze_count()");
        return newInt(0);
      },
    },
    // The debugging flags print to stderr and keep garbage (DEBUG_SAVEALL); only 0 is simulated.
    { name: "get_debug", kind: "noargs", impl: () => newInt(0) },
    {
      name: "set_debug",
      kind: "one",
      impl: (_self, flags) => {
        if (indexNumber(flags) !== 0) throw new Unsupported("gc.set_debug() with debugging flags");
        return newNone();
      },
    },
];

function refuseStartupFrozenObjects(what: string): void {
  if (rt.profile.minor === 12) throw new Unsupported(`${what} on 3.12 (the interpreter starts with objects in the permanent generation)`);
}

