// Differential test: every hash function against real CPython 3.6–3.13 run with PYTHONHASHSEED=0.

import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  hashBool,
  hashBytes,
  hashComplex,
  hashFloat,
  hashFrozenset,
  hashInt,
  hashNone,
  hashPointer,
  hashStr,
  hashTuple,
  type HashVersion,
} from "../../../src/python/runtime/hashing/index.js";
import { bitsToFloat, buildHashCases, LONE_SURROGATE_CODE_POINTS, type Tagged } from "./hash-cases.js";
import { findInterpreters, runOracle } from "./python-interpreters.js";

interface OracleAnswer {
  hashes: string[];
  objects: [string, string][];
  identity: { none: [string, string]; nan: [string, string]; nanComplex: [string, string] };
  codePointHashes: string[];
}

const ORACLE = fileURLToPath(new URL("./hash_oracle.py", import.meta.url));
const interpreters = findInterpreters();
const cases = buildHashCases(0x5eed_0001);
const OBJECT_COUNT = 64;

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function hashOf(value: Tagged, version: HashVersion): bigint {
  switch (value[0]) {
    case "s":
      return hashStr(value[1], version);
    case "b":
      return hashBytes(hexBytes(value[1]), version);
    case "i":
      return hashInt(BigInt(value[1]));
    case "bool":
      return hashBool(value[1]);
    case "f":
      return hashFloat(bitsToFloat(value[1]), version);
    case "c": {
      const [real, imag] = value[1];
      return hashComplex(bitsToFloat(real[1] as string), bitsToFloat(imag[1] as string), version);
    }
    case "t":
      return hashTuple(value[1].map((item) => hashOf(item, version)), version);
    case "fs":
      return hashFrozenset(value[1].map((item) => hashOf(item, version)));
  }
}

describe.skipIf(interpreters.length === 0)("hashes agree with real CPython (needs ~/.pyenv/versions/3.x or python3.x on PATH)", () => {
  for (const interpreter of interpreters) {
    describe(`CPython ${interpreter.label}`, () => {
      let answer: OracleAnswer;
      beforeAll(() => {
        answer = runOracle<OracleAnswer>(interpreter, ORACLE, {
          values: cases.map((testCase) => testCase.value),
          objects: OBJECT_COUNT,
          codePoints: LONE_SURROGATE_CODE_POINTS,
        });
      });

      it("hashes str, bytes, int, bool, float, complex, tuple and frozenset values alike", () => {
        const agreeByGroup = new Map<string, [number, number]>();
        const mismatches: string[] = [];
        cases.forEach((testCase, index) => {
          const ours = hashOf(testCase.value, interpreter.version).toString();
          const theirs = answer.hashes[index]!;
          const counts = agreeByGroup.get(testCase.group) ?? [0, 0];
          counts[1]++;
          if (ours === theirs) counts[0]++;
          else if (mismatches.length < 10) mismatches.push(`${JSON.stringify(testCase.value)}: ours ${ours}, CPython ${theirs}`);
          agreeByGroup.set(testCase.group, counts);
        });
        const summary = [...agreeByGroup].map(([group, [agree, total]]) => `${group} ${agree}/${total}`).join(", ");
        console.info(`[hash differential] CPython ${interpreter.label}: ${summary}`);
        expect(mismatches).toEqual([]);
      });

      it("hashes strs with lone surrogates from their code points", () => {
        const ours = LONE_SURROGATE_CODE_POINTS.map((codes) => hashStr(String.fromCharCode(...codes), interpreter.version).toString());
        expect(ours).toEqual(answer.codePointHashes);
      });

      it("hashes objects by address (object.__hash__)", () => {
        expect(answer.objects).toHaveLength(OBJECT_COUNT);
        for (const [address, theirs] of answer.objects) expect(hashPointer(BigInt(address)).toString()).toBe(theirs);
      });

      it("hashes None, NaN and complex NaN by this version's rule", () => {
        const { none, nan, nanComplex } = answer.identity;
        expect(hashNone(interpreter.version, BigInt(none[0])).toString()).toBe(none[1]);
        expect(hashFloat(NaN, interpreter.version, BigInt(nan[0])).toString()).toBe(nan[1]);
        expect(hashComplex(NaN, 1, interpreter.version, BigInt(nanComplex[0])).toString()).toBe(nanComplex[1]);
      });
    });
  }
});
