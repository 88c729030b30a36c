// `npm run bench`: the simulator's speed against real CPython, measured in the same run.
//
// Every benchmark is a list of cells run in one session by both engines through the same
// Engine interface the CLI uses; only the cells marked as timed are compared. The baseline is
// CPython 3.11 (or `--python VER`), and `jupyter nbconvert --execute` for whole lessons when it
// is installed. Numbers are wall-clock milliseconds of one run each: run it twice on a quiet
// machine before trusting a small difference.
import { existsSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { execa } from "execa";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const build = (path) => import(join(root, "build", "src", path));
const { createSimEngine } = await build("runners/sim/engine.js");
const { createPythonEngine } = await build("runners/python/index.js");
const { loadLesson } = await build("lesson/load.js");

const HELP = `usage: npm run bench [-- --python VER] [--profile VER] [--only TEXT] [--skip-lessons]

Times the simulator against real CPython on the corpus loops (string interning, membership
tests), on function-call, attribute, list and dict benchmarks, and on whole lessons.
  --python VER    the CPython baseline (default 3.11)
  --profile VER   the simulator profile (default: the same version as --python)
  --only TEXT     run only benchmarks whose name contains TEXT
  --skip-lessons  skip the whole-lesson comparison (lessons/ and nbconvert)`;

const args = readArgs(process.argv.slice(2));
const CORPUS = join(root, "..", "shared", "corpus", "deepdive-part1-s03");
const TIMEOUT_MS = 600_000;

/** Benchmarks of our own: setup cells, then one timed cell. */
const OWN = [
  {
    name: "function calls (fib 27)",
    setup: ["def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)"],
    timed: "fib(27)",
  },
  {
    name: "method calls + attributes (2M)",
    setup: [
      "class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    def norm2(self):\n        return self.x * self.x + self.y * self.y",
    ],
    timed: "p = Point(3, 4)\ntotal = 0\nfor i in range(2_000_000):\n    total += p.norm2()\ntotal",
  },
  {
    name: "object creation (1M instances)",
    setup: ["class Node:\n    def __init__(self, value):\n        self.value = value\n        self.next = None"],
    timed: "head = None\nfor i in range(1_000_000):\n    n = Node(i)\n    n.next = head\n    head = n\ndel head, n",
  },
  {
    name: "list append + sum (3M)",
    setup: [],
    timed: "xs = []\nfor i in range(3_000_000):\n    xs.append(i * 2)\nsum(xs)",
  },
  {
    name: "list comprehension + sort (1M)",
    setup: [],
    timed: "ys = [(i * 7919) % 1_000_003 for i in range(1_000_000)]\nys.sort()\nys[:3]",
  },
  {
    name: "dict insert + lookup (1M)",
    setup: [],
    timed: "d = {}\nfor i in range(1_000_000):\n    d[i] = i\nt = 0\nfor k in d:\n    t += d[k]\nt",
  },
  {
    name: "string building (1M)",
    setup: [],
    timed: "parts = []\nfor i in range(1_000_000):\n    parts.append(str(i))\nlen(','.join(parts))",
  },
  {
    name: "refcount probes (1M getrefcount)",
    setup: ["import sys\nobj = [1, 2, 3]"],
    timed: "t = 0\nfor i in range(1_000_000):\n    t += sys.getrefcount(obj)\nt",
  },
];

/** The corpus notebooks' own 10-million-iteration cells. */
const CORPUS_NOTEBOOKS = [
  "12 - Python Optimizations - String Interning.ipynb",
  "13 - Python Optimizations - Peephole.ipynb",
];

async function main() {
  if (args.help) {
    console.log(HELP);
    return;
  }
  const python = await openPython(args.python);
  const sim = createSimEngine(args.profile ?? python.engine.identity.version.split(".").slice(0, 2).join("."));
  console.log(`simulator profile ${sim.profile.key} vs CPython ${python.engine.identity.version} (${python.engine.identity.executable})\n`);

  const rows = [];
  const failures = [];
  for (const bench of [...corpusBenchmarks(), ...ownBenchmarks()]) {
    if (args.only !== undefined && !bench.name.includes(args.only)) continue;
    process.stderr.write(`running ${bench.name} ...\n`);
    try {
      const simMs = await timeSimCells(sim, bench);
      const pyMs = await timeCpythonCells(python.engine.identity.executable, bench);
      rows.push({ name: bench.name, sim: simMs, baseline: pyMs });
    } catch (error) {
      failures.push(error.message);
    }
  }
  printTable("Loops and calls (timed cells only)", `CPython ${python.engine.identity.version}`, rows);
  for (const failure of failures) console.log(`FAILED ${failure}`);
  if (failures.length > 0) process.exitCode = 1;

  if (!args.skipLessons) await lessonBenchmarks(sim, python.engine);
}

async function openPython(version) {
  try {
    return { engine: await createPythonEngine({ python: version ?? "3.11", kernel: "emulated" }) };
  } catch (error) {
    console.error(`bench: no CPython ${version ?? "3.11"} to compare with: ${error.message}`);
    console.error("Install it (pyenv install 3.11) or pass --python VER.");
    process.exit(2);
  }
}

function* corpusBenchmarks() {
  if (!existsSync(CORPUS)) {
    console.error(`bench: corpus not found at ${CORPUS}; skipping the corpus loops`);
    return;
  }
  for (const file of CORPUS_NOTEBOOKS) {
    const path = join(CORPUS, file);
    yield { name: file.replace(/\.ipynb$/, ""), lessonPath: path, timedWhen: (source) => /10_?000_?000/.test(source) };
  }
}

function* ownBenchmarks() {
  for (const bench of OWN) {
    yield { name: bench.name, cells: [...bench.setup, bench.timed], timedWhen: (_source, index, count) => index === count - 1 };
  }
}

/**
 * Runs every cell of the benchmark in one simulator session; returns the timed cells with
 * wall and CPU milliseconds (CPU time is the fairer number on a busy machine).
 */
async function timeSimCells(engine, bench) {
  const sources = await benchSources(bench);
  const session = await engine.open({ lessonPath: bench.lessonPath ?? bench.name, display: "pretty", replay: false });
  const timed = [];
  try {
    for (let index = 0; index < sources.length; index++) {
      const source = sources[index];
      const cpuStart = process.cpuUsage();
      const run = await session.run({ index, source, sourceLine: 1, timeoutMs: TIMEOUT_MS });
      const cpu = process.cpuUsage(cpuStart);
      if (run.status !== "ok") {
        throw new Error(`${bench.name}, cell ${index + 1} (simulator): ${run.status} ${run.engineMessage ?? run.unsupported?.feature ?? run.exception?.message ?? ""}`);
      }
      if (bench.timedWhen(source, index, sources.length)) timed.push({ label: firstCall(source), ms: run.durationMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  } finally {
    await session.close();
  }
  return timed;
}

/** The same cells in CPython, timed inside the interpreter (no protocol overhead). */
async function timeCpythonCells(executable, bench) {
  const sources = await benchSources(bench);
  const { stdout } = await execa(executable, ["-c", CPYTHON_HARNESS], { input: JSON.stringify(sources), timeout: TIMEOUT_MS * 2 });
  const results = JSON.parse(stdout);
  const timed = [];
  results.forEach((result, index) => {
    if (result.error !== null) throw new Error(`${bench.name}, cell ${index + 1} (CPython): ${result.error}`);
    if (bench.timedWhen(sources[index], index, sources.length)) timed.push({ label: firstCall(sources[index]), ms: result.wall * 1000, cpuMs: result.cpu * 1000 });
  });
  return timed;
}

/** Executes a JSON list of cells in one namespace; prints wall and CPU seconds per cell. */
const CPYTHON_HARNESS = `
import json, sys, time, io, contextlib
cells = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
results = []
for source in cells:
    sink = io.StringIO()
    wall, cpu = time.perf_counter(), time.process_time()
    error = None
    try:
        with contextlib.redirect_stdout(sink):
            exec(compile(source, "<cell>", "exec"), namespace)
    except BaseException as exception:
        error = type(exception).__name__ + ": " + str(exception)
    results.append({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "error": error})
print(json.dumps(results))
`;

async function benchSources(bench) {
  return bench.cells ?? (await loadLesson(bench.lessonPath)).cells.map((cell) => cell.source);
}

/** A short label for a timed cell: its first line that calls something. */
function firstCall(source) {
  const line = source.split("\n").find((text) => /\w\(/.test(text) && !text.includes("perf_counter")) ?? source.split("\n")[0];
  return line.trim().slice(0, 48);
}

async function lessonBenchmarks(sim, pythonEngine) {
  const cli = join(root, "bin", "lessonkit.js");
  const lessons = join(root, "lessons");
  // --no-cache: a result served from .lessonkit-cache would time the cache, not the engine.
  const simMs = await wallTime("node", [cli, "check", lessons, "--profile", sim.profile.key, "--no-cache"]);
  const pyMs = await wallTime("node", [cli, "check", lessons, "--python", pythonEngine.identity.executable, "--no-cache"]);
  const rows = [{ name: `lessonkit check lessons/ (whole run)`, sim: [{ label: "", ms: simMs }], baseline: [{ label: "", ms: pyMs }] }];
  const nbconvert = await nbconvertBaseline(lessons, cli);
  printTable("Whole lessons (wall time of one command)", `lessonkit --python ${pythonEngine.identity.version}`, rows);
  if (nbconvert !== undefined) {
    printTable("Whole lessons against Jupyter", "jupyter nbconvert --execute", [
      { name: "lessons/ as notebooks", sim: [{ label: "", ms: simMs }], baseline: [{ label: "", ms: nbconvert }] },
    ]);
  } else {
    console.log("\n(jupyter nbconvert not installed: no Jupyter baseline; `apt install jupyter-nbconvert python3-ipykernel` adds one)");
  }
}

/** Writes each lesson's cells as a notebook and times `jupyter nbconvert --execute` on all of them. */
async function nbconvertBaseline(lessons, cli) {
  try {
    await execa("jupyter", ["nbconvert", "--version"]);
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "lessonkit-bench-"));
  try {
    const files = readdirSync(lessons).filter((name) => name.endsWith(".md"));
    for (const name of files) {
      const lesson = await loadLesson(join(lessons, name));
      writeFileSync(join(dir, basename(name, ".md") + ".ipynb"), JSON.stringify(toNotebook(lesson.cells.map((cell) => cell.source))));
    }
    const notebooks = readdirSync(dir).map((name) => join(dir, name));
    return await wallTime("jupyter", ["nbconvert", "--to", "notebook", "--execute", "--inplace", ...notebooks], { reject: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function toNotebook(sources) {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
    cells: sources.map((source, index) => ({ cell_type: "code", id: `c${index}`, metadata: {}, execution_count: null, outputs: [], source })),
  };
}

async function wallTime(command, commandArgs, options = {}) {
  const started = performance.now();
  await execa(command, commandArgs, { reject: false, ...options });
  return performance.now() - started;
}

function printTable(title, baselineName, rows) {
  console.log(`\n${title}: simulator vs ${baselineName}`);
  const withCpu = rows.every((row) => row.sim.every((cell, i) => cell.cpuMs !== undefined && row.baseline[i]?.cpuMs !== undefined));
  const lines = [];
  const wallRatios = [];
  const cpuRatios = [];
  for (const row of rows) {
    row.sim.forEach((cell, i) => {
      const base = row.baseline[i];
      const wallRatio = cell.ms / (base?.ms ?? NaN);
      wallRatios.push(wallRatio);
      const label = cell.label ? `${row.name}: ${cell.label}` : row.name;
      const line = [label, ms(cell.ms), ms(base?.ms), ratio(wallRatio)];
      if (withCpu) {
        const cpuRatio = cell.cpuMs / base.cpuMs;
        cpuRatios.push(cpuRatio);
        line.push(ms(cell.cpuMs), ms(base.cpuMs), ratio(cpuRatio));
      }
      lines.push(line);
    });
  }
  const header = ["benchmark", "sim wall", "base wall", "ratio"];
  if (withCpu) header.push("sim cpu", "base cpu", "cpu ratio");
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c].length)));
  const format = (cols) => cols.map((col, c) => (c === 0 ? col.padEnd(widths[c]) : col.padStart(widths[c]))).join("  ");
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  if (wallRatios.length > 1) {
    console.log(`geometric mean: wall ${ratio(geometricMean(wallRatios))} (worst ${ratio(Math.max(...wallRatios))})` + (withCpu ? `, cpu ${ratio(geometricMean(cpuRatios))} (worst ${ratio(Math.max(...cpuRatios))})` : ""));
  }
}

function geometricMean(values) {
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

function ratio(value) {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : "-";
}

function ms(value) {
  return Number.isFinite(value) ? `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms` : "-";
}

function readArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") out.help = true;
    else if (arg === "--python") out.python = argv[++i];
    else if (arg === "--profile") out.profile = argv[++i];
    else if (arg === "--only") out.only = argv[++i];
    else if (arg === "--skip-lessons") out.skipLessons = true;
    else {
      console.error(`bench: unknown argument ${arg}\n\n${HELP}`);
      process.exit(2);
    }
  }
  return out;
}

await main();
