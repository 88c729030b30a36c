// `lessonkit check` and `lessonkit run`: run the lessons, report, and (check) compare/update.
import type { ParsedCommand } from "../parse-command.js";
import { createEngine, UsageError } from "../../runners/create-engine.js";
import { selectLessonFiles } from "../../pipeline/select-lessons.js";
import { checkLessons } from "../../pipeline/check-lessons.js";
import { checkLessonsOnEngines, type EngineOutcome } from "../../pipeline/check-engines.js";
import { asksForSeveral, resolveEngineSet } from "../../pipeline/engine-set.js";
import { updateLessons } from "../../pipeline/update-lessons.js";
import { updateLessonsForVersions } from "../../pipeline/update-versions.js";
import { reportVersionUpdates } from "../version-update-notes.js";
import { RunComparer } from "../../drift/compare-runs.js";
import { engineLabel, summaryFails } from "../../check/index.js";
import { setupReporters } from "../reporters.js";
import { positiveNumber } from "../parse-command.js";
import { cacheFromOptions, reportCacheProblems } from "../cache-options.js";
import { Progress, progressMode } from "../progress.js";
import { reportUnusable } from "../engine-notes.js";
import type { CommandIo } from "../io.js";

export async function runCheckCommand(command: ParsedCommand, io: CommandIo, mode: "check" | "run"): Promise<number> {
  const values = command.values;
  const python = values.python as string | undefined;
  const profile = values.profile as string | undefined;
  const several = asksForSeveral(python) || asksForSeveral(profile);
  const timeoutSeconds = positiveNumber(values.timeout, "--timeout", 30);
  const jobs = positiveNumber(values.jobs, "--jobs", 1);
  const setup = setupReporters((values.reporter as string[] | undefined) ?? [], values.output as string | undefined, mode, io.stdout, {
    severalEngines: several,
  });
  const files = await selectLessonFiles(command.positionals, values.shard as string | undefined);
  if (files.length === 0) {
    io.stderr.write("lessonkit: no lesson files found (.md, .ipynb or .txt)\n");
    return 2;
  }
  const cache = cacheFromOptions(command, io);
  const progress = new Progress(io.stderr, progressMode(io, values.progress === true, true));
  if (several) return runOnSeveralEngines(command, io, mode, { files, jobs, timeoutMs: timeoutSeconds * 1000, setup, cache, progress });

  const engine = await createEngine({
    runner: values.runner as string | undefined,
    profile,
    python,
    kernel: values.kernel as string | undefined,
  });
  const outcome = await checkLessons(files, {
    engine,
    reporter: setup.reporter,
    mode,
    jobs,
    timeoutMs: timeoutSeconds * 1000,
    ...(cache ? { cache } : {}),
    onLessonDone: (done) => progress.report(`[${done.finished}/${done.total}] ${done.path}${done.fromCache ? " (cached)" : ""}`, true),
  });
  progress.clear();
  await setup.finish();
  reportCacheProblems(cache, io);
  if (mode === "check" && values.update === true) {
    for (const update of await updateLessons(outcome.lessons, engine.identity)) {
      if (update.skippedReason !== undefined) io.stderr.write(`lessonkit: not updating ${update.path}: ${update.skippedReason}\n`);
      else io.stderr.write(`lessonkit: updated ${update.cells} output block${update.cells === 1 ? "" : "s"} in ${update.path}\n`);
    }
  }
  const unreadable = outcome.lessons.some((lesson) => lesson.unreadable || lesson.result.messages.some((message) => message.severity === "error"));
  if (unreadable) return 2;
  if (mode === "run") return outcome.report.summary.error > 0 ? 1 : 0;
  return summaryFails(outcome.report.summary) ? 1 : 0;
}

interface SeveralEnginesRun {
  readonly files: readonly string[];
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly setup: ReturnType<typeof setupReporters>;
  readonly cache: ReturnType<typeof cacheFromOptions>;
  readonly progress: Progress;
}

/** `--python all|LIST` and/or `--profile all|LIST`: every lesson on every engine, one report per engine. */
async function runOnSeveralEngines(command: ParsedCommand, io: CommandIo, mode: "check" | "run", run: SeveralEnginesRun): Promise<number> {
  const values = command.values;
  if (values.runner !== undefined) throw new UsageError("--runner cannot be combined with several engines: --python chooses interpreters, --profile simulator profiles");
  const set = await resolveEngineSet({
    python: values.python as string | undefined,
    profiles: values.profile as string | undefined,
    kernel: values.kernel as string | undefined,
  });
  reportUnusable(set.unusable, io);
  if (set.engines.length === 0) {
    io.stderr.write("lessonkit: no usable engine among those asked for\n");
    return 2;
  }
  const outcomes = await checkLessonsOnEngines(run.files, {
    engines: set.engines,
    reporter: run.setup.reporter,
    mode,
    jobs: run.jobs,
    timeoutMs: run.timeoutMs,
    ...(run.cache ? { cache: run.cache } : {}),
    onTaskDone: (done) =>
      run.progress.report(`[${done.finished}/${done.total}] ${engineLabel(done.engine.identity)} ${done.path}${done.fromCache ? " (cached)" : ""}`, true),
  });
  run.progress.clear();
  await run.setup.finish();
  reportCacheProblems(run.cache, io);
  if (mode === "check" && values.update === true) await updateForVersions(outcomes, io);
  const lessons = outcomes.flatMap((outcome) => outcome.lessons);
  if (lessons.some((lesson) => lesson.unreadable || lesson.result.messages.some((message) => message.severity === "error"))) return 2;
  if (mode === "run") return outcomes.some((outcome) => outcome.report.summary.error > 0) ? 1 : 0;
  return outcomes.some((outcome) => summaryFails(outcome.report.summary)) ? 1 : 0;
}

async function updateForVersions(outcomes: readonly EngineOutcome[], io: CommandIo): Promise<void> {
  const first = outcomes[0]!;
  const lessons = first.lessons.flatMap((entry, lessonIndex) => {
    if (entry.lesson === undefined) return [];
    const engines = outcomes.map((outcome) => {
      const checked = outcome.lessons[lessonIndex]!;
      return { identity: outcome.engine.identity, runs: checked.runs, results: new Map(checked.result.cells.map((cell) => [cell.index, cell])) };
    });
    return [{ path: entry.path, lesson: entry.lesson, engines, comparer: new RunComparer(entry.lesson, engines.map((engine) => engine.runs)) }];
  });
  reportVersionUpdates(await updateLessonsForVersions(lessons), io);
}
