// The drift analysis on made-up runs: which cells are rows, their class, simulator vs real.
import { describe, expect, it } from "vitest";
import { analyzeDrift } from "../../src/drift/analyze.js";
import { columnsFor } from "../../src/drift/columns.js";
import { formatDriftPretty } from "../../src/drift/pretty.js";
import type { Engine, EngineIdentity } from "../../src/runners/types.js";
import type { CellRun } from "../../src/runners/types.js";
import { parseLesson } from "../../src/lesson/parse.js";
import { lessonOf, runsOf } from "./runs-builder.js";

function engine(identity: EngineIdentity): Engine {
  return { identity, open: () => Promise.reject(new Error("not run in this test")) };
}
const real = (version: string): Engine => engine({ kind: "python", executable: `/usr/bin/python${version}`, version, kernel: "emulated" });
const sim = (profile: string): Engine => engine({ kind: "sim", profile });

const lesson = lessonOf("lesson.md", [
  { source: "import sys\nsys.getrefcount(None) == 4294967295", output: "False" },
  { source: "print(1 + 1)", output: "2" },
  { source: "print(1 + 1)", output: "3" },
  { source: "import time\nprint(time.perf_counter())", options: "nocheck" },
  { source: "print('simulated')", output: "simulated" },
]);

// Engines: real 3.11.7, real 3.12.1, sim 3.11, sim 3.12, sim 3.14.
const engines = [real("3.11.7"), real("3.12.1"), sim("3.11"), sim("3.12"), sim("3.14")];
type Attempts = Record<number, Map<number, CellRun>>;
const runs: Attempts[] = [
  { 1: runsOf(["False", "2", "2", "0.25", "simulated"]), 2: runsOf(["False", "2", "2", "0.75", "simulated"]) },
  { 1: runsOf(["True", "2", "2", "0.5", "simulated"]), 2: runsOf(["True", "2", "2", "0.125", "simulated"]) },
  { 1: runsOf(["False", "2", "2", "0.0", "simulated"]) },
  { 1: runsOf(["True", "2", "2", "0.0", "oops"]) },
  { 1: runsOf(["True", "2", "2", "0.0", "simulated"]) },
];

function analyze() {
  return analyzeDrift(
    {
      lessons: [{ path: "lesson.md", lesson }],
      runs: (_lesson, column, attempt = 1) => runs[column]![attempt],
      executed: 8,
      served: 0,
    },
    { columns: columnsFor(engines) },
  );
}

describe("analyzeDrift", () => {
  const { report } = analyze();
  const row = (index: number) => report.rows.find((candidate) => candidate.index === index);

  it("names columns by version, simulator profiles apart", () => {
    expect(report.columns.map((column) => column.label)).toEqual(["3.11", "3.12", "sim 3.11", "sim 3.12", "sim 3.14"]);
    expect(report.columns.map((column) => column.runs)).toEqual([2, 2, 1, 1, 1]);
  });

  it("classes an output that follows the version as drift, with each column's verdict", () => {
    expect(row(0)?.classification).toBe("drift");
    expect(row(0)?.entries.map((entry) => entry?.status)).toEqual(["pass", "fail", "pass", "fail", "fail"]);
    expect(row(0)?.outputs.map((output) => output.text)).toEqual(["False\n", "True\n"]);
    expect(row(0)?.outputs.map((output) => output.columns)).toEqual([[0, 2], [1, 3, 4]]);
  });

  it("leaves out a cell that is the same everywhere and passes", () => {
    expect(row(1)).toBeUndefined();
  });

  it("keeps a cell that fails on every engine as broken, even when its output is the same", () => {
    expect(row(2)?.classification).toBe("broken");
  });

  it("classes a cell whose two runs on one interpreter differ as flaky, and marks where", () => {
    expect(row(3)?.classification).toBe("flaky");
    expect(row(3)?.entries.map((entry) => entry?.flaky)).toEqual([true, true, false, false, false]);
  });

  it("classes a cell where only a simulator profile differs from its real interpreter as sim", () => {
    expect(row(4)?.classification).toBe("sim");
  });

  it("lists simulator vs real disagreements, never for flaky cells", () => {
    expect(report.simVsReal.map((item) => [item.version, item.index, item.real, item.sim])).toEqual([["3.12", 4, "simulated\n", "oops\n"]]);
    expect(report.counts).toMatchObject({ rows: 4, drift: 1, flaky: 1, broken: 1, sim: 1, simVsReal: 1 });
  });
});

describe("analyzeDrift on a cell unstable on some versions only", () => {
  // None's refcount: it moves between two runs on 3.10 and 3.11, yet 3.9 and 3.12 each show
  // their own stable value, so the output is still a function of the version.
  const refcount = lessonOf("none.md", [{ source: "import sys\nsys.getrefcount(None)", output: "4653" }, { source: "import time\ntime.time()", output: "0.5" }]);
  const columns = columnsFor([real("3.9.18"), real("3.10.13"), real("3.11.7"), real("3.12.1")]);
  const attempts: Attempts[] = [
    { 1: runsOf(["4653", "0.1"]), 2: runsOf(["4653", "0.2"]) },
    { 1: runsOf(["4933", "0.3"]), 2: runsOf(["4927", "0.4"]) },
    { 1: runsOf(["4935", "0.5"]), 2: runsOf(["4931", "0.6"]) },
    { 1: runsOf(["4294967295", "0.7"]), 2: runsOf(["4294967295", "0.8"]) },
  ];
  const { report } = analyzeDrift(
    { lessons: [{ path: "none.md", lesson: refcount }], runs: (_lesson, column, attempt = 1) => attempts[column]![attempt], executed: 8, served: 0 },
    { columns },
  );

  it("classes it as drift, with the unstable versions marked", () => {
    const row = report.rows.find((candidate) => candidate.index === 0);
    expect(row?.classification).toBe("drift");
    expect(row?.entries.map((entry) => entry?.flaky)).toEqual([false, true, true, false]);
  });

  it("still classes a timing that moves on every version as flaky", () => {
    expect(report.rows.find((candidate) => candidate.index === 1)?.classification).toBe("flaky");
  });
});

// None's refcount on real 3.11 and 3.12 and their profiles: the 3.11 values differ, and a
// (made-up) simulator bug makes 3.12 differ too.
const countColumns = columnsFor([real("3.11.7"), sim("3.11"), real("3.12.1"), sim("3.12")]);
const countAttempts: Attempts[] = [
  { 1: runsOf(["4933"]), 2: runsOf(["4933"]) },
  { 1: runsOf(["25"]) },
  { 1: runsOf(["4294967295"]), 2: runsOf(["4294967295"]) },
  { 1: runsOf(["4294967296"]) },
];

describe("analyzeDrift where the lesson accepts any output on a version", () => {
  // The lesson records None's refcount but accepts any count before 3.12 (it depends on what
  // the interpreter loaded at start-up); an exact count is recorded for 3.12.
  const counted = lessonOf("counted.md", [{ source: "import sys\nsys.getrefcount(None)", options: "match=any", output: "4653" }]);
  const { report } = analyzeDrift(
    { lessons: [{ path: "counted.md", lesson: counted }], runs: (_lesson, column, attempt = 1) => countAttempts[column]![attempt], executed: 6, served: 0 },
    { columns: countColumns },
  );

  it("does not hold a different value against the simulator where any output passes", () => {
    // match=any applies on every version here, so even 3.12's difference passes on both sides.
    expect(report.simVsReal).toEqual([]);
  });
});

describe("analyzeDrift where the lesson tolerates differences on older versions only", () => {
  const lesson = parseLesson(
    "ranges.md",
    "```python\nimport sys\nsys.getrefcount(None)\n```\n\n```output python=\"<3.12\" match=regex\n\\d+\n```\n\n```output python=\">=3.12\"\n4294967295\n```\n",
  );
  const { report } = analyzeDrift(
    { lessons: [{ path: "ranges.md", lesson }], runs: (_lesson, column, attempt = 1) => countAttempts[column]![attempt], executed: 6, served: 0 },
    { columns: countColumns },
  );

  it("lists only the version whose recorded output is exact", () => {
    expect(report.simVsReal.map((item) => [item.version, item.real, item.sim])).toEqual([["3.12", "4294967295\n", "4294967296\n"]]);
  });
});

describe("analyzeDrift where a simulator profile refuses a cell", () => {
  // help() runs on the interpreters; the simulator refuses it by name on both profiles.
  const helped = lessonOf("help.md", [{ source: "help(int)", output: "Help on class int" }, { source: "print(2)", output: "2" }]);
  const refusedRuns = (): Map<number, CellRun> => {
    const cells = runsOf([null, "2"]);
    cells.set(0, { index: 0, status: "unsupported", output: "", durationMs: 1, unsupported: { feature: "help()", line: 1 } });
    return cells;
  };
  const attempts: Attempts[] = [
    { 1: runsOf(["Help on class int", "2"]), 2: runsOf(["Help on class int", "2"]) },
    { 1: refusedRuns() },
    { 1: runsOf(["Help on class int", "2"]), 2: runsOf(["Help on class int", "2"]) },
    { 1: refusedRuns() },
  ];
  const { report } = analyzeDrift(
    { lessons: [{ path: "help.md", lesson: helped }], runs: (_lesson, column, attempt = 1) => attempts[column]![attempt], executed: 6, served: 0 },
    { columns: countColumns },
  );

  it("lists the refusal once per cell with its versions, not as a disagreement", () => {
    expect(report.simVsReal).toEqual([]);
    expect(report.simRefused).toEqual([{ path: "help.md", index: 0, line: report.simRefused[0]!.line, feature: "help()", versions: ["3.11", "3.12"] }]);
    expect(report.counts).toMatchObject({ simVsReal: 0, simRefused: 1 });
  });

  it("shows refusals apart in the pretty report", () => {
    const text = formatDriftPretty(report);
    expect(text).toContain("Refused by the simulator (unsupported, not compared): 1 cell");
    expect(text).toContain("help() (3.11, 3.12)");
    expect(text).toContain("0 simulator vs real, 1 refused");
  });
});
