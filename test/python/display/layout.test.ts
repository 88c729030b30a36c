// The layout engine breaks lines exactly as IPython.lib.pretty.PrettyPrinter does: random
// programs of text, breakables, groups, forced breaks and flushes are laid out by both (the
// real one run by CPython 3.11 with IPython) and must give the same text.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { resolveInterpreter } from "../../../src/runners/python/index.js";
import { LayoutPrinter, pythonLength } from "../../../src/python/display/layout.js";

type Operation =
  | readonly ["text", string]
  | readonly ["breakable", string]
  | readonly ["begin", number, string]
  | readonly ["end", number, string]
  | readonly ["break"]
  | readonly ["flush"];

interface Program {
  readonly width: number;
  readonly operations: readonly Operation[];
}

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["a", "bc", "item", "'quoted'", "12345", "x".repeat(12), "y".repeat(30), "é", "🐍🐍", ""];
const OPENERS = ["", "[", "(", "{", "frozenset({", "Name("];

function randomProgram(random: () => number): Program {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const operations: Operation[] = [];
  const open: [number, string][] = [];
  const length = 5 + Math.floor(random() * 120);
  for (let step = 0; step < length; step++) {
    const roll = random();
    if (roll < 0.35) operations.push(["text", pick(WORDS)]);
    else if (roll < 0.6) operations.push(["breakable", random() < 0.8 ? " " : pick(["", ", ", "  "])]);
    else if (roll < 0.75) {
      const opener = pick(OPENERS);
      const indent = random() < 0.7 ? pythonLength(opener) : Math.floor(random() * 5);
      open.push([indent, opener]);
      operations.push(["begin", indent, opener]);
    } else if (roll < 0.9) {
      const closing = open.pop();
      if (closing !== undefined) operations.push(["end", closing[0], closing[1] === "" ? "" : pick(["]", ")", "}", "})"])]);
    } else if (roll < 0.97) operations.push(["break"]);
    else operations.push(["flush"]);
  }
  while (open.length > 0) operations.push(["end", open.pop()![0], ""]);
  return { width: pick([79, 79, 40, 20, 8]), operations };
}

function layOut(program: Program): string {
  const printer = new LayoutPrinter(program.width);
  for (const operation of program.operations) {
    switch (operation[0]) {
      case "text":
        printer.text(operation[1]);
        break;
      case "breakable":
        printer.breakable(operation[1]);
        break;
      case "begin":
        printer.beginGroup(operation[1], operation[2]);
        break;
      case "end":
        printer.endGroup(operation[1], operation[2]);
        break;
      case "break":
        printer.forceBreak();
        break;
      case "flush":
        printer.flush();
        break;
    }
  }
  return printer.value();
}

const IPYTHON_SCRIPT = `
import json, sys, io
from IPython.lib.pretty import PrettyPrinter
results = []
for program in json.load(sys.stdin):
    stream = io.StringIO()
    printer = PrettyPrinter(stream, max_width=program["width"])
    for operation in program["operations"]:
        kind = operation[0]
        if kind == "text": printer.text(operation[1])
        elif kind == "breakable": printer.breakable(operation[1])
        elif kind == "begin": printer.begin_group(operation[1], operation[2])
        elif kind == "end": printer.end_group(operation[1], operation[2])
        elif kind == "break": printer.break_()
        elif kind == "flush": printer.flush()
    printer.flush()
    results.append(stream.getvalue())
json.dump(results, sys.stdout)
`;

async function ipythonInterpreter(): Promise<string | null> {
  try {
    const info = await resolveInterpreter("3.11");
    return info.hasIPython ? info.executable : null;
  } catch {
    return null;
  }
}

describe("layout engine vs IPython.lib.pretty.PrettyPrinter", async () => {
  const python = await ipythonInterpreter();
  it.skipIf(python === null)(`lays out 400 random programs identically${python === null ? " (CPython 3.11 with IPython not installed)" : ""}`, () => {
    const random = randomSource(20240611);
    const programs = Array.from({ length: 400 }, () => randomProgram(random));
    const expected = JSON.parse(execFileSync(python!, ["-c", IPYTHON_SCRIPT], { input: JSON.stringify(programs), encoding: "utf8" })) as string[];
    const mismatches = programs
      .map((program, index) => ({ program, expected: expected[index], actual: layOut(program) }))
      .filter((result) => result.actual !== result.expected);
    expect(mismatches.slice(0, 3)).toEqual([]);
  });
});

describe("layout engine basics", () => {
  it("keeps a group that fits on one line", () => {
    const printer = new LayoutPrinter(20);
    printer.beginGroup(1, "[");
    printer.text("1,");
    printer.breakable();
    printer.text("2");
    printer.endGroup(1, "]");
    expect(printer.value()).toBe("[1, 2]");
  });

  it("breaks every breakable of a group that overflows, at the group's indentation", () => {
    const printer = new LayoutPrinter(10);
    printer.beginGroup(1, "[");
    for (const [index, word] of ["alpha", "beta", "gamma"].entries()) {
      if (index > 0) {
        printer.text(",");
        printer.breakable();
      }
      printer.text(word);
    }
    printer.endGroup(1, "]");
    expect(printer.value()).toBe("[alpha,\n beta,\n gamma]");
  });

  it("counts width in code points, as Python's len() does", () => {
    expect(pythonLength("🐍é")).toBe(2);
    const printer = new LayoutPrinter(4);
    printer.beginGroup(0, "");
    printer.text("🐍🐍");
    printer.breakable();
    printer.text("🐍");
    printer.endGroup(0, "");
    expect(printer.value()).toBe("🐍🐍 🐍");
  });
});
