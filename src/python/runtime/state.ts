// The runtime whose objects are being worked on now: one per simulated interpreter.
//
// A session activates its runtime before running a cell; cells run synchronously to the end,
// so several sessions can share one JavaScript thread by activating in turn.
import type { Runtime } from "./runtime.js";

export let rt: Runtime = undefined as unknown as Runtime;

export function activateRuntime(runtime: Runtime): void {
  rt = runtime;
}
