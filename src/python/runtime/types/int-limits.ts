// How big an int the simulator builds before answering MemoryError, as CPython does when an
// allocation fails (V8's own bigint limit is 2^30 bits; past it JavaScript would throw).
import { memoryError } from "../errors.js";

/** The largest int result in bits (32 MiB of digits). */
export const MAX_INT_BITS = 2 ** 28;

/** MemoryError when a result would need more than MAX_INT_BITS bits. */
export function checkIntBits(bits: number): void {
  if (bits > MAX_INT_BITS) throw memoryError();
}
