// The pretty matrix with every interpreter and profile there is: still 80 columns, readable.
import { describe, expect, it } from "vitest";
import { analyzeDrift } from "../../src/drift/analyze.js";
import { columnsFor } from "../../src/drift/columns.js";
import { formatDriftPretty } from "../../src/drift/pretty.js";
import { toJsonDriftReport } from "../../src/drift/json.js";
import type { CellRun, Engine, EngineIdentity } from "../../src/runners/types.js";
import { lessonOf, runsOf } from "./runs-builder.js";

function engine(identity: EngineIdentity): Engine {
  return { identity, open: () => Promise.reject(new Error("not run in this test")) };
}

const REAL = ["3.6.15", "3.7.16", "3.8.18", "3.9.18", "3.10.13", "3.11.2", "3.11.7", "3.12.1", "3.13.0"];
const PROFILES = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];
const engines = [
  ...REAL.map((version) => engine({ kind: "python", executable: `/opt/python-${version}/bin/python`, version, kernel: "emulated" })),
  ...PROFILES.map((profile) => engine({ kind: "sim", profile })),
];
const minorOf = (engineIndex: number): number => {
  const identity = engines[engineIndex]!.identity;
  return Number((identity.kind === "sim" ? identity.profile : identity.version).split(".")[1]);
};

const lesson = lessonOf("lessons/a-rather-long-folder-name/and-an-even-longer-lesson-file-name-for-the-layout.md", [
  { source: "import sys\nsys.getrefcount(None) == 4294967295", output: "False" },
  { source: "import time\nprint(time.perf_counter())", output: "0.1" },
]);

function runsFor(engineIndex: number, attempt: number): Map<number, CellRun> {
  const immortal = minorOf(engineIndex) >= 12 && minorOf(engineIndex) < 14;
  const timing = engines[engineIndex]!.identity.kind === "sim" ? "0.0" : `0.${engineIndex}${attempt}`;
  return runsOf([immortal ? "True" : "False", timing]);
}

const { report } = analyzeDrift(
  {
    lessons: [{ path: lesson.path, lesson }],
    runs: (_lesson, column, attempt = 1) => (attempt === 1 || column < REAL.length ? runsFor(column, attempt) : undefined),
    executed: 27,
    served: 0,
  },
  { columns: columnsFor(engines) },
);

describe("formatDriftPretty", () => {
  const text = formatDriftPretty(report);
  const lines = text.replace(/\n$/u, "").split("\n");

  it("fits 80 columns with 18 engines", () => {
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("heads real interpreters and simulator profiles apart, with both 3.11 patch releases", () => {
    const header = lines.findIndex((line) => line.startsWith("line cell"));
    expect(lines[header - 1]).toMatch(/python +sim/u);
    expect(lines[header]).toMatch(/ 6  7  8  9 10 11 11 12 13 {4}6  7  8  9 10 11 12 13 14 class$/u);
    expect(lines[header + 1]?.trim()).toBe(".2 .7");
  });

  it("shows each cell's verdict per column and the outputs that differ", () => {
    expect(text).toMatch(/\n {2}1 cell 0 +\. +\. +\. +\. +\. +\. +\. +F +F {4}\. +\. +\. +\. +\. +\. +F +F +\. drift\n/u);
    expect(text).toMatch(/ {2}\d+ cell 1 +F~ +F~ .* flaky/u);
    expect(text).toContain("3.6–3.11.7, sim 3.6–3.11, sim 3.14: False");
    expect(text).toContain("3.12–3.13, sim 3.12–3.13: True");
  });

  it("carries the same data as JSON", () => {
    const json = toJsonDriftReport(report);
    expect(json.columns.map((column) => column.label)).toEqual([...REAL.slice(0, 5).map((v) => v.split(".").slice(0, 2).join(".")), "3.11.2", "3.11.7", "3.12", "3.13", ...PROFILES.map((p) => `sim ${p}`)]);
    expect(json.rows.map((row) => [row.index, row.class])).toEqual([
      [0, "drift"],
      [1, "flaky"],
    ]);
    expect(json.rows[0]!.statuses["3.12"]).toBe("fail");
    expect(json.rows[1]!.flaky).toEqual(REAL.map((_version, index) => json.columns[index]!.label));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("formatDriftPretty with simulator-vs-real disagreements and long outputs", () => {
  // 3.7 differs from 3.6 on line 2 of a multi-line output (a co_consts layout), 3.14 on line 1;
  // sim 3.7 disagrees with real 3.7 in a cell numbered past 100 of a long notebook path.
  const cells = Array.from({ length: 120 }, (_unused, index) =>
    index === 0 ? { source: "print(f.__code__.co_consts)", output: "(None,\n 24,\n 1440)" } : { source: `x = ${index}` },
  );
  const notebook = lessonOf("/work/shared/corpus/deepdive-part1-s03/13 - Python Optimizations - Peephole.ipynb", cells);
  const few = [
    engine({ kind: "python", executable: "/opt/python-3.6.15/bin/python", version: "3.6.15", kernel: "emulated" }),
    engine({ kind: "python", executable: "/opt/python-3.7.16/bin/python", version: "3.7.16", kernel: "emulated" }),
    engine({ kind: "sim", profile: "3.7" }),
    engine({ kind: "sim", profile: "3.14" }),
  ];
  const outputs = ["(None,\n 24,\n 1440)", "(None,\n 1440,\n 1440)", "(None,\n 1440,\n 1440)", "(24,\n 1440)"];
  const runsFor = (column: number): Map<number, CellRun> =>
    runsOf(cells.map((_cell, index) => (index === 0 ? outputs[column]! : index === 110 && column === 2 ? "oops" : "")));
  const { report: mixed } = analyzeDrift(
    { lessons: [{ path: notebook.path, lesson: notebook }], runs: (_lesson, column) => runsFor(column), executed: 5, served: 0 },
    { columns: columnsFor(few) },
  );
  const text = formatDriftPretty(mixed);

  it("fits 80 columns, the simulator-vs-real list included", () => {
    expect(mixed.simVsReal.length).toBe(1);
    for (const line of text.replace(/\n$/u, "").split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(text).toMatch(/ 3\.7 ….*Peephole\.ipynb:\d+ cell 110\n/u);
  });

  it("shows the line where each output differs, not one line for all", () => {
    expect(text).toContain("  3.6: (None,\n");
    expect(text).toContain("  3.7, sim 3.7: line 2:  1440,\n");
    expect(text).toContain("  sim 3.14: (24,\n");
  });
});
