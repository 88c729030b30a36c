// `lessonkit build`: check the lessons on every chosen engine, then render the validated pages
// into dist/ (swapped in whole); `--watch` re-runs a lesson when its file changes and rebuilds.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ParsedCommand } from "../parse-command.js";
import { positiveNumber } from "../parse-command.js";
import { createEngine, UsageError } from "../../runners/create-engine.js";
import { EngineUnavailableError, type Engine } from "../../runners/types.js";
import { asksForSeveral, resolveEngineSet } from "../../pipeline/engine-set.js";
import { selectLessonFiles } from "../../pipeline/select-lessons.js";
import { checkLessons } from "../../pipeline/check-lessons.js";
import type { Lesson } from "../../lesson/types.js";
import { FAILING_STATUSES } from "../../check/index.js";
import { createReporter } from "../../report/index.js";
import { buildSite } from "../../render/build-site.js";
import { collectSiteLessons } from "../../render/collect.js";
import type { SiteLesson } from "../../render/site-model.js";
import { buildDate, BuildDateError } from "../../render/build-date.js";
import { watchLessons } from "../../render/watch-lessons.js";
import { interruptOnSignals } from "../../render/serve/interrupt.js";
import { packageRoot } from "../../package-root.js";
import type { CommandIo } from "../io.js";

const WATCH_DEBOUNCE_MS = 200;

function lessonkitVersion(): string {
  return (JSON.parse(readFileSync(`${packageRoot()}/package.json`, "utf8")) as { version: string }).version;
}

/**
 * One engine as `check` chooses it, or several: `--python all|3.8,3.12` and `--profile
 * all|3.12,3.13`, and both together (real interpreters for the badges, the simulator for diagrams).
 */
async function chooseEngines(values: ParsedCommand["values"], io: CommandIo): Promise<Engine[]> {
  const python = values.python as string | undefined;
  const profile = values.profile as string | undefined;
  const kernel = values.kernel as string | undefined;
  const several = asksForSeveral(python) || asksForSeveral(profile) || (python !== undefined && profile !== undefined);
  if (!several) return [await createEngine({ runner: values.runner as string | undefined, profile, python, kernel })];
  const runner = values.runner as string | undefined;
  if ((runner === "sim" && python !== undefined) || (runner === "python" && profile !== undefined) || (runner !== undefined && runner !== "sim" && runner !== "python")) {
    throw new UsageError(`--runner ${runner} does not fit the engines asked for; name several with --python and --profile alone`);
  }
  const set = await resolveEngineSet({ ...(python !== undefined ? { python } : {}), ...(profile !== undefined ? { profiles: profile } : {}), ...(kernel !== undefined ? { kernel } : {}) });
  for (const unusable of set.unusable) io.stderr.write(`lessonkit build: not using ${unusable.path}: ${unusable.reason}\n`);
  if (set.engines.length === 0) throw new EngineUnavailableError("no usable engine among those asked for");
  return [...set.engines];
}

function wantsHeap(lesson: Lesson, cellIndex: number): boolean {
  return lesson.settings.diagram || lesson.cells[cellIndex]!.options.diagram;
}

interface BuildSession {
  readonly engines: readonly Engine[];
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly io: CommandIo;
}

/** Every lesson on every engine, one engine after the other (each with its own report). */
async function checkOnEngines(files: readonly string[], session: BuildSession): Promise<SiteLesson[]> {
  const outcomes = [];
  for (const engine of session.engines) {
    const reporter = createReporter("pretty", { stream: session.io.stdout, mode: "check" });
    const outcome = await checkLessons(files, {
      engine,
      reporter,
      mode: "check",
      jobs: session.jobs,
      timeoutMs: session.timeoutMs,
      // Only the simulator can take snapshots; the others are not asked.
      ...(engine.identity.kind === "sim" ? { wantHeap: wantsHeap } : {}),
    });
    outcomes.push({ identity: engine.identity, lessons: outcome.lessons });
  }
  return collectSiteLessons(outcomes);
}

function failing(lessons: readonly SiteLesson[]): boolean {
  return lessons.some((site) => site.lesson === undefined || site.checks.some((check) => check.result.cells.some((cell) => FAILING_STATUSES.has(cell.status))));
}

export async function runBuildCommand(command: ParsedCommand, io: CommandIo, stop?: AbortSignal): Promise<number> {
  const values = command.values;
  const timeoutSeconds = positiveNumber(values.timeout, "--timeout", 30);
  const jobs = positiveNumber(values.jobs, "--jobs", 1);
  let builtAt: Date;
  try {
    builtAt = buildDate();
  } catch (error) {
    if (error instanceof BuildDateError) throw new UsageError(error.message);
    throw error;
  }
  const shard = values.shard as string | undefined;
  const files = await selectLessonFiles(command.positionals, shard);
  if (files.length === 0) {
    io.stderr.write("lessonkit: no lesson files found (.md, .ipynb or .txt)\n");
    return 2;
  }
  const engines = await chooseEngines(values, io);
  const session: BuildSession = { engines, jobs, timeoutMs: timeoutSeconds * 1000, io };
  const outDir = (values.out as string | undefined) ?? "dist";
  const strict = values.strict === true;
  const templatesFolder = values.templates as string | undefined;
  const version = lessonkitVersion();

  const write = async (lessons: readonly SiteLesson[]): Promise<number> => {
    if (strict && failing(lessons)) {
      io.stderr.write(`lessonkit build: --strict and some cells did not pass (or a lesson could not be read): ${outDir}/ left as it was\n`);
      return 1;
    }
    const site = await buildSite(lessons, {
      outDir,
      siteTitle: "Lessons",
      engines: engines.map((engine) => engine.identity),
      version,
      builtAt: values.watch === true ? buildDate() : builtAt,
      ...(templatesFolder !== undefined ? { templatesFolder } : {}),
    });
    io.stdout.write(`lessonkit build: wrote ${site.pages.size} page${site.pages.size === 1 ? "" : "s"} and index.html to ${outDir}/\n`);
    return lessons.some((site) => site.lesson === undefined) ? 2 : 0;
  };

  let lessons = await checkOnEngines(files, session);
  const status = await write(lessons);
  if (values.watch !== true) return status;

  // --watch: keep the latest run of every lesson; a change re-runs only the lessons that changed.
  const interrupt = interruptOnSignals(stop);
  let queue = Promise.resolve();
  const rebuild = (changed: readonly string[]): void => {
    queue = queue.then(async () => {
      const started = performance.now();
      const current = await selectLessonFiles(command.positionals, shard);
      const byAbsolute = new Map(current.map((file) => [path.resolve(file), file]));
      const known = new Set(lessons.map((site) => site.path));
      const rerun = new Set(changed.filter((file) => byAbsolute.has(file)).map((file) => byAbsolute.get(file)!));
      for (const file of current) if (!known.has(file)) rerun.add(file);
      const fresh = new Map((await checkOnEngines([...rerun], session)).map((site) => [site.path, site]));
      const previous = new Map(lessons.map((site) => [site.path, site]));
      lessons = current.map((file) => fresh.get(file) ?? previous.get(file)!).filter((site) => site !== undefined);
      await write(lessons);
      io.stdout.write(`lessonkit build: rebuilt after changes to ${[...rerun].join(", ") || "removed lessons"} in ${Math.round(performance.now() - started)} ms\n`);
    }).catch((error: unknown) => {
      io.stderr.write(`lessonkit build: rebuild failed: ${(error as Error).message}\n`);
    });
  };
  const watcher = await watchLessons({
    paths: command.positionals.length > 0 ? command.positionals : ["lessons"],
    ignore: [outDir],
    debounceMs: WATCH_DEBOUNCE_MS,
    onChange: rebuild,
    onError: (error) => io.stderr.write(`lessonkit build: watching failed: ${error.message}\n`),
  });
  io.stdout.write(`lessonkit build: watching ${command.positionals.join(", ") || "lessons"} for changes (Ctrl-C to stop)\n`);
  await interrupt.stopped;
  watcher.close();
  await queue;
  interrupt.dispose();
  io.stdout.write("lessonkit build: stopped watching\n");
  return status;
}
