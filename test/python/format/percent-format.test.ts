// Differential tests: printf-style `template % args` vs CPython, all installed versions.

import { describe, expect, it } from "vitest";
import { findAllPythons, findPython, type OracleCase } from "./support/cpython.js";
import { describe as describeMismatches, differences } from "./support/kernel.js";
import { Random, float, int, str, type Encoded, complex } from "./support/values.js";

const CONVERSIONS = ["d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "c", "r", "s", "a", "%", "y", "é"];
const FLAGS = ["-", "+", " ", "#", "0"];

function randomValue(random: Random): Encoded {
  switch (random.integer(9)) {
    case 0:
    case 1:
      return int(random.chance(0.5) ? BigInt(random.integer(2000) - 1000) : random.bigInteger());
    case 2:
    case 3:
      return float(random.friendlyDouble());
    case 4:
      return str(random.pick(["", "a", "abc", "é", "😀", "it's", "x\ny"]));
    case 5:
      return { b: random.chance(0.5) };
    case 6:
      return { n: null };
    case 7:
      return complex(random.friendlyDouble(), random.friendlyDouble());
    default:
      return { l: [int(1n), str("a")] };
  }
}

function randomDirective(random: Random): { text: string; stars: number } {
  let text = "%";
  let stars = 0;
  for (let index = random.integer(3); index > 0; index--) text += random.pick(FLAGS);
  if (random.chance(0.4)) {
    if (random.chance(0.15)) {
      text += "*";
      stars++;
    } else text += String(random.integer(14));
  }
  if (random.chance(0.4)) {
    text += ".";
    if (random.chance(0.15)) {
      text += "*";
      stars++;
    } else if (random.chance(0.9)) text += String(random.integer(12));
  }
  if (random.chance(0.05)) text += random.pick(["h", "l", "L"]);
  text += random.pick(CONVERSIONS);
  return { text, stars };
}

function randomCases(seed: number, count: number): OracleCase[] {
  const random = new Random(seed);
  const cases: OracleCase[] = [];
  for (let index = 0; index < count; index++) {
    const directives = 1 + random.integer(3);
    let template = random.pick(["", "x=", "[", "αβ "]);
    let needed = 0;
    for (let directive = 0; directive < directives; directive++) {
      const { text, stars } = randomDirective(random);
      template += text + random.pick(["", " ", "|", ";"]);
      needed += stars + (text.endsWith("%") && !text.endsWith("%%") ? 0 : 1);
    }
    // Usually the right count of arguments, sometimes one more or one less.
    const count = Math.max(0, needed + random.pick([0, 0, 0, 0, 1, -1]));
    const items: Encoded[] = [];
    for (let item = 0; item < count; item++) {
      items.push(random.chance(0.7) && template.includes("*") ? int(BigInt(random.integer(21) - 10)) : randomValue(random));
    }
    const args: Encoded = items.length === 1 && random.chance(0.5) ? items[0]! : { t: items };
    cases.push({ op: "percent", args: [template, args] });
  }
  return cases;
}

function handPickedCases(): OracleCase[] {
  const dict: Encoded = { d: [["a", int(1n)], ["name", str("Ada")], ["x", float(2.5)]] };
  const entries: [string, Encoded][] = [
    ["%.2f", float(0.125)], ["%.1f", float(0.25)], ["%.0f", float(2.5)], ["%5.1f|", float(-0.05)], ["%+d", int(5n)],
    ["%05d", int(-42n)], ["%-05d|", int(3n)], ["%#x", int(255n)], ["%#.5x", int(255n)], ["%+#x", int(255n)],
    ["%#08o", int(8n)], ["%X", int(-3054n)], ["%010.3e", float(-1.5)], ["%c", str("é")], ["%5c|", int(65n)],
    ["%c", int(-1n)], ["%c", int(0x110000n)], ["%c", str("ab")], ["%c", float(1.5)], ["%.3s", str("abcdef")],
    ["%d", str("5")], ["%x", float(1.5)], ["%d", float(3.9)], ["%d", float(Infinity)], ["%f", int(10n ** 400n)],
    ["%s", { t: [] }], ["%s %s", { t: [int(1n)] }], ["%d", { t: [int(1n), int(2n)] }], ["x", int(5n)],
    ["x", { l: [] }], ["x", { d: [] }], ["%(a)s %(name)r", dict], ["%(missing)s", dict], ["%(a)s", { t: [int(1n)] }],
    ["%(a", dict], ["%(a)", dict], ["%", { t: [] }], ["%5", { t: [int(1n)] }], ["%5%", { t: [] }], ["%5%|", { t: [int(1n)] }],
    ["%-5%|", { t: [] }], ["%%|", { t: [] }], ["%(a)%|", dict], ["%s %(a)s", dict], ["%(a)s %s", dict],
    ["%*d", { t: [int(-5n), int(1n)] }], ["%.*f", { t: [int(-3n), float(1.5)] }], ["%*d", { t: [str("a"), int(1n)] }],
    ["%\u0001", int(1n)], ["%é", int(1n)], ["%😀", int(1n)], ["ab😀%y", int(1n)], ["%ld", int(5n)], ["%.3s", int(5n)],
    ["%r", str("it's")], ["%a", str("é😀")], ["%5s|%-5s|", { t: [str("ab"), str("😀")] }], ["%d", complex(1, 2)],
    ["%x", { b: true }], ["%s", dict], ["%i", int(10n ** 5000n)], ["%o", int(-8n)], ["% d", int(42n)], ["%+.3g", float(NaN)],
    ["%05f", float(Infinity)], ["%-8.3G", float(1e-10)], ["%#g", float(1.0)], ["%#.0e", float(3.0)], ["%F", float(-Infinity)],
  ];
  return entries.map(([template, args]) => ({ op: "percent", args: [template, args] }));
}

const python311 = findPython(11);

describe.skipIf(python311 === undefined)("% formatting against CPython 3.11 (skipped: no python3.11 found)", () => {
  it("matches on hand-picked templates: ties, flags, prefixes, mapping keys and every error", () => {
    const mismatches = differences(python311!, handPickedCases());
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });

  it("matches on 5000 random templates and argument tuples", () => {
    const mismatches = differences(python311!, randomCases(7, 5000));
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });
});

const otherPythons = findAllPythons().filter((python) => python.minor !== 11);

describe.skipIf(otherPythons.length === 0)("% formatting against every other installed CPython (skipped: none found)", () => {
  for (const python of otherPythons) {
    it(`matches CPython 3.${python.minor}.${python.patch} on the hand-picked and 1000 random templates`, () => {
      const mismatches = differences(python, [...handPickedCases(), ...randomCases(200 + python.minor, 1000)]);
      expect(mismatches, describeMismatches(mismatches)).toEqual([]);
    });
  }
});
