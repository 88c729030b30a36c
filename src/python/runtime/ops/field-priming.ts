// Makes V8 see, once per process, the field writes that otherwise first happen mid-benchmark.
import { PyInt } from "../types/int.js";

let fieldsPrimed = false;

/**
 * V8 treats a field that no code has written since construction as constant, and optimized
 * code built on that belief is thrown away at the first write. An int's `value` is first
 * rewritten when a dead int's object is reused (`newIntObject`), which happens in the middle
 * of the first hot loop or recursion of a session: fib(27)'s optimized code was discarded
 * there (some 30 ms of compiling again). Writing the field once on a throwaway object (plain
 * JavaScript, nothing simulated is allocated) marks it mutable before any code relies on it.
 */
export function primeFieldConstness(): void {
  if (fieldsPrimed) return;
  fieldsPrimed = true;
  const probe = new PyInt(0);
  probe.value = 1;
}
