// The time module on the simulator's virtual clock (see virtual-clock.ts): time, perf_counter,
// monotonic, process_time (and their _ns forms), sleep. Calendar functions are refused.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { valueError, overflowError, typeError, type PyRaise } from "../runtime/errors.js";
import { newFloat, PyFloat } from "../runtime/types/float.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import { normalize, toBig } from "../runtime/types/int-value.js";
import { newNone } from "../runtime/values.js";
import { indexValue } from "../runtime/abstract/conversions.js";
import type { ModuleDefinition } from "./module-builder.js";
import { notAnInteger } from "./arguments.js";
import {
  readElapsedNanoseconds,
  readProcessNanoseconds,
  sleepNanoseconds,
  EPOCH_START_NANOSECONDS,
  MONOTONIC_START_NANOSECONDS,
  PROCESS_START_NANOSECONDS,
} from "./virtual-clock.js";

const NANOSECONDS_PER_SECOND = 1_000_000_000n;
/** _PyTime_t is a signed 64-bit count of nanoseconds. */
const TIME_T_LIMIT = 2n ** 63n;

/** _PyTime_AsSecondsDouble: exact for whole seconds, else the nanoseconds as a double / 1e9. */
function secondsAsDouble(nanoseconds: bigint): number {
  if (nanoseconds % NANOSECONDS_PER_SECOND === 0n) return Number(nanoseconds / NANOSECONDS_PER_SECOND);
  return Number(nanoseconds) / 1e9;
}

function clockFunctions(name: string, read: () => bigint): MethodDef[] {
  return [
    { name, kind: "noargs", impl: () => newFloat(secondsAsDouble(read())) },
    { name: `${name}_ns`, kind: "noargs", impl: () => newInt(normalize(read())) },
  ];
}

const wallClock = (): bigint => EPOCH_START_NANOSECONDS + readElapsedNanoseconds();
const monotonicClock = (): bigint => MONOTONIC_START_NANOSECONDS + readElapsedNanoseconds();
const processClock = (): bigint => PROCESS_START_NANOSECONDS + readProcessNanoseconds();

function timestampTooLarge(): PyRaise {
  return overflowError(`timestamp too large to convert to C ${rt.profile.minor >= 13 ? "PyTime_t" : "_PyTime_t"}`);
}

/** _PyTime_FromSecondsObject with the timeout rounding (ceiling): the duration in nanoseconds. */
function durationNanoseconds(value: PyObject): bigint {
  if (value instanceof PyFloat) {
    const seconds = value.value;
    if (Number.isNaN(seconds)) throw valueError("Invalid value NaN (not a number)");
    const nanoseconds = Math.ceil(seconds * 1e9);
    if (!(nanoseconds >= -(2 ** 63) && nanoseconds < 2 ** 63)) {
      if (rt.profile.minor >= 11) throw overflowError("timestamp out of range for platform time_t");
      throw timestampTooLarge();
    }
    return BigInt(nanoseconds);
  }
  let seconds: bigint;
  if (value instanceof PyInt) seconds = toBig(value.value);
  else if (rt.profile.minor < 10 && value.type.isSubtypeOf(rt.types.complex)) throw typeError("can't convert complex to int");
  else if (value.type.index === null) throw notAnInteger(value);
  else seconds = indexValue(value);
  const nanoseconds = seconds * NANOSECONDS_PER_SECOND;
  if (nanoseconds >= TIME_T_LIMIT || nanoseconds < -TIME_T_LIMIT) throw timestampTooLarge();
  return nanoseconds;
}

function sleep(_self: PyObject, value: PyObject): PyObject {
  const duration = durationNanoseconds(value);
  if (duration < 0n) throw valueError("sleep length must be non-negative");
  sleepNanoseconds(duration);
  return newNone();
}

/** Functions that appeared after 3.6, by name: the first minor version that has them. */
const SINCE_MINOR = new Map<string, number>([
  ["time_ns", 7],
  ["perf_counter_ns", 7],
  ["monotonic_ns", 7],
  ["process_time_ns", 7],
  ["thread_time", 7],
  ["thread_time_ns", 7],
]);

const ALL_FUNCTIONS: readonly MethodDef[] = [
  ...clockFunctions("time", wallClock),
  ...clockFunctions("perf_counter", monotonicClock),
  ...clockFunctions("monotonic", monotonicClock),
  ...clockFunctions("process_time", processClock),
  // One thread: its CPU time is the process's.
  ...clockFunctions("thread_time", processClock),
  { name: "sleep", kind: "one", impl: sleep },
];

export const TIME_MODULE: ModuleDefinition = {
  name: "time",
  get functions() {
    return ALL_FUNCTIONS.filter((def) => (SINCE_MINOR.get(def.name) ?? 0) <= rt.profile.minor);
  },
};
