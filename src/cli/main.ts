// The lessonkit command line: parses the command, runs it, and maps failures to exit codes.
import { readFileSync } from "node:fs";
import { COMMANDS, commandHelp, mainHelp } from "./options.js";
import { parseCommand } from "./parse-command.js";
import { processIo, type CommandIo } from "./io.js";
import { UsageError } from "../runners/create-engine.js";
import { EngineUnavailableError } from "../runners/types.js";
import { LessonLoadError } from "../lesson/load-error.js";
import { UnknownReporterError } from "../report/index.js";
import { packageRoot } from "../package-root.js";

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(`${packageRoot()}/package.json`, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Runs `lessonkit argv...`; returns the exit code (0 ok, 1 a cell failed, 2 usage or input). */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(mainHelp(packageVersion()));
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const spec = COMMANDS.find((command) => command.name === name);
  if (spec === undefined) {
    io.stderr.write(`lessonkit: unknown command "${name}"\n\n${mainHelp(packageVersion())}`);
    return 2;
  }
  try {
    const command = parseCommand(spec, rest);
    if (command.values.help === true) {
      io.stdout.write(commandHelp(spec));
      return 0;
    }
    switch (spec.name) {
      case "check":
      case "run":
        return await (await import("./commands/check.js")).runCheckCommand(command, io, spec.name);
      case "drift":
        return await (await import("./commands/drift.js")).runDriftCommand(command, io);
      case "import":
        return await (await import("./commands/import.js")).runImportCommand(command, io);
      case "build":
        return await (await import("./commands/build.js")).runBuildCommand(command, io);
      case "serve":
        return await (await import("./commands/serve.js")).runServeCommand(command, io);
    }
    return 2;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownReporterError) {
      io.stderr.write(`lessonkit ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof EngineUnavailableError || error instanceof LessonLoadError) {
      io.stderr.write(`lessonkit ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && /would both write to stdout/.test(error.message)) {
      io.stderr.write(`lessonkit ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
