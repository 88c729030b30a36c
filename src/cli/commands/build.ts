// `lessonkit build`: check the lessons, then render the validated pages into dist/.
import type { ParsedCommand } from "../parse-command.js";
import { positiveNumber } from "../parse-command.js";
import { createEngine } from "../../runners/create-engine.js";
import { selectLessonFiles } from "../../pipeline/select-lessons.js";
import { checkLessons } from "../../pipeline/check-lessons.js";
import { summaryFails } from "../../check/index.js";
import { createReporter } from "../../report/index.js";
import { buildSite } from "../../render/build-site.js";
import { readFileSync } from "node:fs";
import { packageRoot } from "../../package-root.js";
import type { CommandIo } from "../io.js";

export async function runBuildCommand(command: ParsedCommand, io: CommandIo): Promise<number> {
  const values = command.values;
  const timeoutSeconds = positiveNumber(values.timeout, "--timeout", 30);
  const jobs = positiveNumber(values.jobs, "--jobs", 1);
  const files = await selectLessonFiles(command.positionals, values.shard as string | undefined);
  if (files.length === 0) {
    io.stderr.write("lessonkit: no lesson files found (.md, .ipynb or .txt)\n");
    return 2;
  }
  const engine = await createEngine({
    runner: values.runner as string | undefined,
    profile: values.profile as string | undefined,
    python: values.python as string | undefined,
    kernel: values.kernel as string | undefined,
  });
  const reporter = createReporter("pretty", { stream: io.stdout, mode: "check" });
  const outcome = await checkLessons(files, { engine, reporter, mode: "check", jobs, timeoutMs: timeoutSeconds * 1000 });
  const failed = summaryFails(outcome.report.summary);
  if (values.strict === true && failed) {
    io.stderr.write("lessonkit build: --strict and some cells did not pass: nothing written\n");
    return 1;
  }
  const version = (JSON.parse(readFileSync(`${packageRoot()}/package.json`, "utf8")) as { version: string }).version;
  const outDir = (values.out as string | undefined) ?? "dist";
  const pages = await buildSite(outcome.lessons, { outDir, siteTitle: "Lessons", identity: engine.identity, version });
  io.stdout.write(`lessonkit build: wrote ${pages.length} page${pages.length === 1 ? "" : "s"} and index.html to ${outDir}/\n`);
  const unreadable = outcome.lessons.some((lesson) => lesson.unreadable);
  return unreadable ? 2 : 0;
}
