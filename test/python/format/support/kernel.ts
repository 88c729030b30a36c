// Runs an oracle case through the TypeScript kernels and compares with CPython's answers.

import * as kernels from "../../../../src/python/runtime/format/index.js";
import type { FormatVersion } from "../../../../src/python/runtime/format/index.js";
import type { OracleCase, OracleResult, PythonInterpreter } from "./cpython.js";
import { runOracle } from "./cpython.js";
import { decode, percentArgs, pythonHooks, type PyValue } from "./python-values.js";
import { floatBits, type Encoded } from "./values.js";

function encodeResult(value: unknown): unknown {
  if (typeof value === "number") return { f: floatBits(value) };
  if (typeof value === "bigint") return { i: value.toString() };
  if (typeof value === "boolean") return { b: value };
  if (Array.isArray(value)) return value.map(encodeResult);
  if (kernels.isComplexPowResult(value)) return { complex: true };
  return value;
}

function number(encoded: unknown): number {
  const value = decode(encoded as Encoded);
  if (value.kind === "float") return value.value;
  if (value.kind === "int") return kernels.intToFloat(value.value);
  throw new Error("not a number");
}

function integer(encoded: unknown): bigint {
  const value = decode(encoded as Encoded);
  if (value.kind !== "int") throw new Error("not an int");
  return value.value;
}

function isFloat(encoded: unknown): boolean {
  return decode(encoded as Encoded).kind === "float";
}

function formatValue(value: PyValue, spec: string, version: FormatVersion): string {
  switch (value.kind) {
    case "float":
      return kernels.formatFloat(value.value, spec, version);
    case "int":
      return kernels.formatInt(value.value, spec, version);
    case "str":
      return kernels.formatStr(value.value, spec, version);
    case "complex":
      return kernels.formatComplex(value.real, value.imag, spec, version);
    default:
      throw new Error(`no format for ${value.kind}`);
  }
}

type Operation = (args: readonly unknown[], version: FormatVersion) => unknown;

const OPERATIONS = new Map<string, Operation>([
  [
    "repr",
    ([value]) => {
      const decoded = decode(value as Encoded);
      if (decoded.kind === "complex") return kernels.complexRepr(decoded.real, decoded.imag);
      return kernels.floatRepr(number(value));
    },
  ],
  ["format", ([value, spec], version) => formatValue(decode(value as Encoded), spec as string, version)],
  [
    "percent",
    ([template, args], version) =>
      kernels.percentFormat(template as string, percentArgs(decode(args as Encoded)), pythonHooks(version), {
        version,
      }),
  ],
  ["float", ([text], version) => kernels.parseFloatText(text as string, version)],
  ["int", ([text, base], version) => kernels.parseIntText(text as string, base as number, { version })],
  ["str", ([value], version) => kernels.intToText(integer(value), 10, version)],
  ["bin", ([value], version) => kernels.intToText(integer(value), 2, version)],
  ["oct", ([value], version) => kernels.intToText(integer(value), 8, version)],
  ["hex", ([value], version) => kernels.intToText(integer(value), 16, version)],
  [
    "truediv",
    ([a, b], version) =>
      isFloat(a) || isFloat(b)
        ? kernels.floatTrueDiv(number(a), number(b), version)
        : kernels.intTrueDiv(integer(a), integer(b), version),
  ],
  [
    "floordiv",
    ([a, b], version) =>
      isFloat(a) || isFloat(b)
        ? kernels.floatFloorDiv(number(a), number(b), version)
        : kernels.intFloorDiv(integer(a), integer(b), version),
  ],
  [
    "mod",
    ([a, b], version) =>
      isFloat(a) || isFloat(b)
        ? kernels.floatMod(number(a), number(b), version)
        : kernels.intMod(integer(a), integer(b), version),
  ],
  [
    "divmod",
    ([a, b], version) =>
      isFloat(a) || isFloat(b)
        ? kernels.floatDivmod(number(a), number(b), version)
        : kernels.intDivmod(integer(a), integer(b), version),
  ],
  [
    "pow",
    ([a, b], version) =>
      isFloat(a) || isFloat(b)
        ? kernels.floatPow(number(a), number(b), version)
        : kernels.intPow(integer(a), integer(b), version),
  ],
  ["powmod", ([a, b, m], version) => kernels.intPowMod(integer(a), integer(b), integer(m), version)],
  ["round", ([x]) => kernels.roundFloatToInt(number(x))],
  [
    "round2",
    ([x, n]) => (isFloat(x) ? kernels.roundFloat(number(x), integer(n)) : kernels.intRound(integer(x), integer(n))),
  ],
  ["tofloat", ([value]) => kernels.intToFloat(integer(value))],
  ["toint", ([value]) => kernels.floatToBigint(number(value))],
  ["ratio", ([value]) => kernels.floatAsIntegerRatio(number(value))],
  ["isint", ([value]) => kernels.floatIsInteger(number(value))],
  ["floathex", ([value]) => kernels.floatHex(number(value))],
]);

/** The kernels' answer to a case, in the oracle's result shape. */
export function runKernel(testCase: OracleCase, version: FormatVersion): OracleResult {
  try {
    return { ok: encodeResult(OPERATIONS.get(testCase.op)!(testCase.args, version)) };
  } catch (error) {
    const typed = error as { pythonType?: string; message: string };
    // A JavaScript exception is a kernel bug: report it as a mismatch with the case attached.
    if (typed.pythonType === undefined) return { err: ["JavaScript " + String(error), ""] };
    return { err: [typed.pythonType, typed.message] };
  }
}

export interface Mismatch {
  readonly testCase: OracleCase;
  readonly python: OracleResult;
  readonly kernel: OracleResult;
}

/** Runs the cases through CPython (one process) and the kernels; returns the disagreements. */
export function differences(python: PythonInterpreter, cases: readonly OracleCase[]): Mismatch[] {
  const expected = runOracle(python, cases);
  const version: FormatVersion = { major: 3, minor: python.minor, patch: python.patch };
  const mismatches: Mismatch[] = [];
  cases.forEach((testCase, index) => {
    const kernel = runKernel(testCase, version);
    if (JSON.stringify(kernel) !== JSON.stringify(expected[index])) {
      mismatches.push({ testCase, python: expected[index]!, kernel });
    }
  });
  return mismatches;
}

/** A readable summary of the first few disagreements for an assertion message. */
export function describe(mismatches: readonly Mismatch[], limit = 15): string {
  return mismatches
    .slice(0, limit)
    .map((entry) => `${JSON.stringify(entry.testCase)}\n   python: ${JSON.stringify(entry.python)}\n   kernel: ${JSON.stringify(entry.kernel)}`)
    .join("\n");
}
