// The gc generation of the session's namespace dict, which the simulator cannot know until a
// full collection: the kernel made the dict before the first cell, and its own allocations
// since (IPython's start-up, the kernel loop between statements) decide how many collections it
// has been through. IPython's namespace is in the oldest generation; a plain kernel's may still be
// young (CPython 3.11 under lessonkit's emulated kernel) or not (3.8, which collected during its
// start). After gc.collect() it is in generation 2 everywhere.
import type { PyObject } from "../runtime/object.js";
import type { Runtime } from "../runtime/runtime.js";
import { rt } from "../runtime/state.js";
import { Unsupported } from "../runtime/errors.js";

const namespaces = new WeakMap<Runtime, PyObject>();

/** The session tells which dict is its user namespace. */
export function setSessionNamespace(runtime: Runtime, namespace: PyObject): void {
  namespaces.set(runtime, namespace);
}

/** The session's user namespace in the running runtime, if a session set one. */
export function sessionNamespace(): PyObject | undefined {
  return namespaces.get(rt);
}

/** The generation the simulator has the namespace in while CPython's may be older, or null once known. */
function uncertainGeneration(): number | null {
  const namespace = namespaces.get(rt);
  if (namespace === undefined || namespace.gcSlot < 0) return null;
  if (rt.gc.stats[2]!.collections > 0) return null;
  const generation = rt.gc.links.generation[namespace.gcSlot]!;
  return generation < 2 ? generation : null;
}

/** gc.get_objects(generation=n): refused when the namespace may or may not be in that generation. */
export function refuseUncertainGenerationList(generation: number): void {
  const simulated = uncertainGeneration();
  // CPython's namespace has been through at least the collections the simulator counted.
  if (simulated !== null && generation >= simulated) throw unknownGeneration(`gc.get_objects(generation=${generation})`);
}

/**
 * gc.get_referrers(...): CPython lists referrers generation by generation, youngest first, so
 * the namespace's place among the other referrers in its generation or an older one is unknown.
 */
export function refuseUncertainReferrerOrder(referrers: readonly PyObject[]): void {
  const simulated = uncertainGeneration();
  if (simulated === null || referrers.length < 2) return;
  const namespace = namespaces.get(rt)!;
  if (!referrers.includes(namespace)) return;
  const generations = rt.gc.links.generation;
  if (referrers.some((other) => other !== namespace && generations[other.gcSlot]! >= simulated)) throw unknownGeneration("gc.get_referrers() when the notebook's namespace is one of several referrers");
}

function unknownGeneration(what: string): Unsupported {
  return new Unsupported(`${what} before a full collection (gc.collect()): the notebook namespace's gc generation depends on the kernel's own allocations`);
}
