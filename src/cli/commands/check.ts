// `lessonkit check` and `lessonkit run`: run the lessons, report, and (check) compare/update.
import type { ParsedCommand } from "../parse-command.js";
import { createEngine } from "../../runners/create-engine.js";
import { selectLessonFiles } from "../../pipeline/select-lessons.js";
import { checkLessons } from "../../pipeline/check-lessons.js";
import { updateLessons } from "../../pipeline/update-lessons.js";
import { summaryFails } from "../../check/index.js";
import { setupReporters } from "../reporters.js";
import { positiveNumber } from "../parse-command.js";
import type { CommandIo } from "../io.js";

export async function runCheckCommand(command: ParsedCommand, io: CommandIo, mode: "check" | "run"): Promise<number> {
  const values = command.values;
  const timeoutSeconds = positiveNumber(values.timeout, "--timeout", 30);
  const jobs = positiveNumber(values.jobs, "--jobs", 1);
  const setup = setupReporters((values.reporter as string[] | undefined) ?? [], values.output as string | undefined, mode, io.stdout);
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
  const outcome = await checkLessons(files, { engine, reporter: setup.reporter, mode, jobs, timeoutMs: timeoutSeconds * 1000 });
  await setup.finish();
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
