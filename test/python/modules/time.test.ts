// The time module: CPython's API and errors per version, on a virtual clock that is the same on
// every run and advances with the work a cell does and with sleep().
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const API_CELLS = [
  "import time",
  "type(time.time()), type(time.perf_counter()), type(time.monotonic()), type(time.process_time())",
  "t0 = time.perf_counter(); total = sum(range(10000)); t1 = time.perf_counter()\nt1 > t0, t1 - t0 < 1.0, time.perf_counter() > t1",
  "a = time.monotonic(); time.sleep(0.25); b = time.monotonic()\nb - a >= 0.25, b - a < 0.5",
  "p0 = time.process_time(); time.sleep(0.5); p1 = time.process_time()\np1 - p0 < 0.25",
  "time.sleep(0), time.sleep(True), time.sleep(0.0)",
  "time.sleep(-1)",
  "time.sleep(-0.5)",
  "time.sleep('a')",
  "time.sleep(None)",
  "time.sleep()",
  "time.sleep(1, 2)",
  "time.perf_counter(1)",
  "time.sleep(float('nan'))",
  "time.sleep(1e300)",
  "time.sleep(2**70)",
  "time",
  "time.nope",
  "from time import perf_counter, sleep\nperf_counter.__name__, sleep.__name__",
];

const NANOSECOND_CELLS = [
  "import time",
  "type(time.time_ns()), type(time.perf_counter_ns()), type(time.monotonic_ns()), type(time.process_time_ns())",
  "a = time.perf_counter_ns(); b = time.perf_counter_ns()\nb > a, b - a < 10**6",
  "time.time_ns(1)",
];

agreesWithCPython("time: clocks, sleep and their errors", API_CELLS);
agreesWithCPython("time: the _ns clocks (3.7+)", NANOSECOND_CELLS, ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]);

/** The last line a cell printed, as a number. */
function lastNumber(output: string): number {
  return Number(output.trim().split("\n").pop());
}

describe("the virtual clock", () => {
  const cells = [
    "import time\nstart = time.perf_counter()",
    "for i in range(100_000):\n    pass\nprint(time.perf_counter() - start)",
    "before = time.perf_counter(); time.sleep(1.5); print(time.perf_counter() - before)",
    "cpu = time.process_time(); time.sleep(2); print(time.process_time() - cpu)",
    "print(time.time())",
    "print(time.time_ns() > 1_600_000_000 * 10**9, time.monotonic_ns() > 0)",
  ];

  it("prints the same numbers on every run", async () => {
    const first = await simulate("3.12", cells);
    const second = await simulate("3.12", cells);
    expect(second).toEqual(first);
  });

  it("advances with the work done: a 100 000-step loop takes milliseconds, not zero or seconds", async () => {
    const elapsed = lastNumber((await simulate("3.12", cells))[1]!);
    expect(elapsed).toBeGreaterThan(0.001);
    expect(elapsed).toBeLessThan(0.05);
  });

  it("jumps by what sleep() asks for, which costs no CPU time", async () => {
    const outputs = await simulate("3.11", cells);
    const slept = lastNumber(outputs[2]!);
    expect(slept).toBeGreaterThanOrEqual(1.5);
    expect(slept).toBeLessThan(1.51);
    expect(lastNumber(outputs[3]!)).toBeLessThan(0.01);
  });

  it("starts time.time() at a plausible epoch (late 2023)", async () => {
    const now = lastNumber((await simulate("3.13", cells))[4]!);
    expect(now).toBeGreaterThan(1_700_000_000);
    expect(now).toBeLessThan(1_700_000_100);
  });

  it("refuses calendar functions by name instead of raising AttributeError", async () => {
    const [, strftime, localtime] = await simulate("3.13", ["import time", "time.strftime('%Y')", "time.localtime()"]);
    expect(strftime).toBe("<unsupported: time.strftime>\n");
    expect(localtime).toBe("<unsupported: time.localtime>\n");
  });

  it("has no _ns clocks on the 3.6 profile, as CPython 3.6", async () => {
    const [, missing] = await simulate("3.6", ["import time", "time.perf_counter_ns()"]);
    expect(missing).toBe("AttributeError: module 'time' has no attribute 'perf_counter_ns'\n");
  });
});
