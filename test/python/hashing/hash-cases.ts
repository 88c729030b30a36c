// Deterministic hash test cases: tagged values both the oracle (Python) and the TS side decode.

import { ASCII, ASTRAL, BMP, LATIN1, RandomSource } from "./random-source.js";

/** A value as [tag, payload]: s str, b bytes (hex), i int (decimal), f float (IEEE hex), c complex, t tuple, fs frozenset. */
export type Tagged =
  | readonly ["s", string]
  | readonly ["b", string]
  | readonly ["i", string]
  | readonly ["f", string]
  | readonly ["c", readonly [Tagged, Tagged]]
  | readonly ["t", readonly Tagged[]]
  | readonly ["fs", readonly Tagged[]]
  | readonly ["bool", boolean];

export interface HashCase {
  readonly group: string;
  readonly value: Tagged;
}

const view = new DataView(new ArrayBuffer(8));

export function floatBits(value: number): string {
  view.setFloat64(0, value);
  return view.getUint32(0).toString(16).padStart(8, "0") + view.getUint32(4).toString(16).padStart(8, "0");
}

export function bitsToFloat(bits: string): number {
  view.setUint32(0, parseInt(bits.slice(0, 8), 16));
  view.setUint32(4, parseInt(bits.slice(8), 16));
  return view.getFloat64(0);
}

function randomFloat(random: RandomSource): number {
  switch (random.int(0, 5)) {
    case 0:
      return (random.next() - 0.5) * 10 ** random.int(-5, 5);
    case 1:
      return random.int(-1000, 1000) / 8;
    case 2: {
      view.setUint32(0, random.int(0, 0xffffffff));
      view.setUint32(4, random.int(0, 0xffffffff));
      const value = view.getFloat64(0);
      return Number.isFinite(value) ? value : 1.5;
    }
    case 3:
      return random.int(-(2 ** 40), 2 ** 40);
    case 4:
      return (random.next() - 0.5) * 2 ** random.int(50, 1000);
    default:
      return (random.next() - 0.5) * 2 ** -random.int(1000, 1074);
  }
}

function randomScalar(random: RandomSource): Tagged {
  switch (random.int(0, 3)) {
    case 0:
      return ["s", random.text(random.int(0, 12), random.pick([ASCII, LATIN1, BMP, ASTRAL]))];
    case 1:
      return ["i", String(random.int(-1000, 1000))];
    case 2:
      return ["i", random.bigInt(random.int(1, 200)).toString()];
    default:
      return ["f", floatBits(randomFloat(random))];
  }
}

function randomTuple(random: RandomSource, depth: number): Tagged {
  const items: Tagged[] = [];
  const length = random.int(0, 6);
  for (let i = 0; i < length; i++) {
    items.push(depth > 0 && random.next() < 0.2 ? randomTuple(random, depth - 1) : randomScalar(random));
  }
  return ["t", items];
}

/** Distinct scalars by their tagged text, so frozenset sizes match on both sides. */
function randomFrozenset(random: RandomSource): Tagged {
  const seen = new Set<string>();
  const items: Tagged[] = [];
  const length = random.int(0, 12);
  while (items.length < length) {
    const item: Tagged = random.next() < 0.5 ? ["i", String(random.int(-50, 50))] : ["s", random.text(random.int(1, 4), ASCII)];
    const text = JSON.stringify(item);
    if (seen.has(text)) continue;
    seen.add(text);
    items.push(item);
  }
  return ["fs", items];
}

export function buildHashCases(seed: number): HashCase[] {
  const random = new RandomSource(seed);
  const cases: HashCase[] = [];
  const add = (group: string, value: Tagged): void => void cases.push({ group, value });

  add("str", ["s", ""]);
  for (let i = 0; i < 800; i++) add("str", ["s", random.text(random.int(1, 40), ASCII)]);
  for (let i = 0; i < 300; i++) add("str", ["s", random.text(random.int(1, 30), LATIN1)]);
  for (let i = 0; i < 300; i++) add("str", ["s", random.text(random.int(1, 30), BMP)]);
  for (let i = 0; i < 300; i++) add("str", ["s", random.text(random.int(1, 30), ASTRAL)]);
  for (let length = 0; length <= 24; length++) add("str", ["s", "x".repeat(length)]);

  for (let i = 0; i < 200; i++) {
    let hex = "";
    const length = random.int(0, 40);
    for (let k = 0; k < length; k++) hex += random.int(0, 255).toString(16).padStart(2, "0");
    add("bytes", ["b", hex]);
  }

  const modulus = (1n << 61n) - 1n;
  for (const special of [0n, 1n, -1n, -2n, 2n, modulus, modulus - 1n, modulus + 1n, -modulus, -modulus - 1n, 1n << 61n, 1n << 64n, -(1n << 63n), (1n << 63n) - 1n, 10n ** 30n, -(10n ** 30n)]) {
    add("int", ["i", special.toString()]);
  }
  for (let i = 0; i < 250; i++) add("int", ["i", String(random.int(-1_000_000, 1_000_000))]);
  for (let i = 0; i < 250; i++) add("int", ["i", random.bigInt(random.int(1, 400)).toString()]);
  add("bool", ["bool", true]);
  add("bool", ["bool", false]);

  for (const special of [0, -0, 1, -1, 1.5, -1.5, 0.1, 1e300, -1e300, 5e-324, 2 ** 53, 2 ** 61, 2 ** 61 - 2 ** 9, Infinity, -Infinity, 2 ** -1074, 1 / 3]) {
    add("float", ["f", floatBits(special)]);
  }
  for (let i = 0; i < 500; i++) add("float", ["f", floatBits(randomFloat(random))]);

  for (let i = 0; i < 100; i++) {
    add("complex", ["c", [["f", floatBits(randomFloat(random))], ["f", floatBits(randomFloat(random))]]]);
  }
  add("complex", ["c", [["f", floatBits(0)], ["f", floatBits(1)]]]);
  add("complex", ["c", [["f", floatBits(Infinity)], ["f", floatBits(-Infinity)]]]);

  add("tuple", ["t", []]);
  for (let i = 0; i < 300; i++) add("tuple", randomTuple(random, 2));

  add("frozenset", ["fs", []]);
  for (let i = 0; i < 200; i++) add("frozenset", randomFrozenset(random));
  return cases;
}

/** Code-point sequences with lone surrogates (JSON cannot carry them to every version alike). */
export const LONE_SURROGATE_CODE_POINTS: readonly (readonly number[])[] = [
  [0xd800],
  [0x61, 0xdfff, 0x62],
  [0xdbff, 0xdc00 - 1],
  [0xdc00, 0xd800],
];
