// `lessonkit import`: notebooks and text exports become lesson markdown files.
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ParsedCommand } from "../parse-command.js";
import { importFile } from "../../import/import-file.js";
import { LessonLoadError } from "../../lesson/load-error.js";
import { UsageError } from "../../runners/create-engine.js";
import type { CommandIo } from "../io.js";

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

export async function runImportCommand(command: ParsedCommand, io: CommandIo): Promise<number> {
  if (command.positionals.length === 0) throw new UsageError("import needs at least one .ipynb or .txt file");
  const outDir = command.values.out as string | undefined;
  let status = 0;
  for (const input of command.positionals) {
    try {
      const result = await importFile(input);
      for (const message of result.messages) {
        io.stderr.write(`${message.file}:${message.line}:${message.column}: ${message.severity} ${message.ruleId}: ${message.reason}\n`);
      }
      const base = path.basename(input).replace(/\.(ipynb|txt)$/i, "") + ".md";
      const target = path.join(outDir ?? path.dirname(input), base);
      if (!command.values.force && (await exists(target))) {
        io.stderr.write(`lessonkit: ${target} exists; use --force to overwrite it\n`);
        status = 2;
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, result.markdown, "utf8");
      io.stdout.write(`${input} -> ${target}\n`);
    } catch (error) {
      if (!(error instanceof LessonLoadError)) throw error;
      io.stderr.write(`lessonkit: ${error.message}\n`);
      status = 2;
    }
  }
  return status;
}
