// `lessonkit drift`: every lesson on several interpreters and simulator profiles, one matrix.
import { availableParallelism } from "node:os";
import { writeFile } from "node:fs/promises";
import type { ParsedCommand } from "../parse-command.js";
import { positiveNumber } from "../parse-command.js";
import type { CommandIo } from "../io.js";
import { UsageError } from "../../runners/create-engine.js";
import { engineLabel } from "../../check/engine-label.js";
import { selectLessonFiles } from "../../pipeline/select-lessons.js";
import { meantFor } from "../../pipeline/lesson-versions.js";
import { resolveEngineSet } from "../../pipeline/engine-set.js";
import { runMatrix } from "../../pipeline/run-matrix.js";
import { updateLessonsForVersions } from "../../pipeline/update-versions.js";
import { reportVersionUpdates } from "../version-update-notes.js";
import { analyzeDrift, type DriftAnalysis } from "../../drift/analyze.js";
import { columnsFor } from "../../drift/columns.js";
import { formatDriftPretty } from "../../drift/pretty.js";
import { toJsonDriftReport } from "../../drift/json.js";
import { shouldColor } from "../../report/colors.js";
import { cacheFromOptions, reportCacheProblems } from "../cache-options.js";
import { Progress, progressMode } from "../progress.js";
import { reportUnusable } from "../engine-notes.js";

const REPORTERS = new Set(["pretty", "json"]);
const PRETTY_WIDTH = 80;

function wholeNumber(value: unknown, flag: string, fallback: number): number {
  const number = positiveNumber(value, flag, fallback);
  if (!Number.isInteger(number)) throw new UsageError(`${flag} needs a whole number, not "${String(value)}"`);
  return number;
}

export async function runDriftCommand(command: ParsedCommand, io: CommandIo): Promise<number> {
  const started = performance.now();
  const values = command.values;
  const reporter = (values.reporter as string | undefined) ?? "pretty";
  if (!REPORTERS.has(reporter)) throw new UsageError(`--reporter for drift must be pretty or json, not "${reporter}"`);
  const runs = wholeNumber(values.runs, "--runs", 2);
  const jobs = wholeNumber(values.jobs, "--jobs", availableParallelism());
  const timeoutMs = positiveNumber(values.timeout, "--timeout", 30) * 1000;
  let python = values.python as string | undefined;
  let profiles = values.profiles as string | undefined;
  if (python === undefined && profiles === undefined) {
    python = "all";
    profiles = "all";
  }
  const files = await selectLessonFiles(command.positionals, values.shard as string | undefined);
  if (files.length === 0) {
    io.stderr.write("lessonkit: no lesson files found (.md, .ipynb or .txt)\n");
    return 2;
  }
  const set = await resolveEngineSet({ python, profiles, kernel: values.kernel as string | undefined, uniformKernel: true });
  reportUnusable(set.unusable, io);
  if (set.kernelNote !== undefined) io.stderr.write(`lessonkit: ${set.kernelNote}\n`);
  if (set.engines.length === 0) {
    io.stderr.write("lessonkit: no usable interpreter or simulator profile to compare\n");
    return 2;
  }
  const columns = columnsFor(set.engines);
  const cache = cacheFromOptions(command, io);
  const progress = new Progress(io.stderr, progressMode(io, values.progress === true));
  const running = new Set<string>();
  const matrix = await runMatrix(files, set.engines, {
    jobs,
    timeoutMs,
    ...(cache ? { cache } : {}),
    attempts: (engine) => (engine.identity.kind === "python" ? runs : 1),
    includes: meantFor,
    onTaskStart: (task) => running.add(`${engineLabel(task.engine.identity)} ${task.path}`),
    onTaskDone: (done) => {
      const name = `${engineLabel(done.engine.identity)} ${done.path}`;
      running.delete(name);
      const seconds = (done.durationMs / 1000).toFixed(1);
      progress.report(`[${done.finished}/${done.total}] ${name}${done.attempt > 1 ? " (run 2)" : ""} ${done.fromCache ? "cached" : `${seconds}s`}`, true);
    },
  });
  progress.clear();
  reportCacheProblems(cache, io);
  const analysis = analyzeDrift(matrix, { columns, unusable: set.unusable, elapsedMs: performance.now() - started });
  const text =
    reporter === "json"
      ? `${JSON.stringify(toJsonDriftReport(analysis.report), null, 2)}\n`
      : formatDriftPretty(analysis.report, {
          width: Math.min(PRETTY_WIDTH, io.stdout.columns ?? PRETTY_WIDTH),
          color: values.output === undefined && shouldColor(io.stdout.isTTY, process.env),
        });
  if (values.output !== undefined) await writeFile(values.output as string, text, "utf8");
  else io.stdout.write(text);
  if (values.update === true) await updateFromDrift(analysis, io);
  const unreadable = analysis.report.lessons.some(
    (lesson) => lesson.unreadable !== undefined || lesson.messages.some((message) => message.severity === "error"),
  );
  if (unreadable) return 2;
  return analysis.report.counts.broken > 0 || analysis.report.counts.simVsReal > 0 ? 1 : 0;
}

async function updateFromDrift(analysis: DriftAnalysis, io: CommandIo): Promise<void> {
  const { columns } = analysis.report;
  const lessons = analysis.lessons.map((entry) => ({
    path: entry.lesson.path,
    lesson: entry.lesson,
    engines: columns.map((column, index) => ({ identity: column.identity, runs: entry.runs[index], results: entry.results[index] })),
    comparer: entry.comparer,
    flakyCells: entry.flakyCells,
  }));
  reportVersionUpdates(await updateLessonsForVersions(lessons), io);
}
