// Turns --reporter/--output into reporter instances, each writing to stdout or its own file.
import { writeFile } from "node:fs/promises";
import { createReporter, DEFAULT_REPORTER, FanOutReporter, type Reporter, type ReporterStream, type ReportMode } from "../report/index.js";

class FileSink implements ReporterStream {
  private readonly chunks: string[] = [];
  readonly isTTY = false;
  constructor(readonly path: string) {}
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  async flush(): Promise<void> {
    await writeFile(this.path, this.chunks.join(""), "utf8");
  }
}

export interface ReporterSetup {
  readonly reporter: Reporter;
  /** Writes file reports; call once the run ended. */
  finish(): Promise<void>;
}

/**
 * `--reporter NAME[=FILE]`, repeatable. `--output FILE` sends the last machine-readable reporter
 * (json or junit) to FILE. Several reporters writing to stdout is refused: they would interleave.
 */
export function setupReporters(specs: readonly string[], output: string | undefined, mode: ReportMode, stdout: ReporterStream): ReporterSetup {
  const requested = specs.length > 0 ? specs : [DEFAULT_REPORTER];
  const entries = requested.map((spec) => {
    const [name, file] = spec.split("=", 2) as [string, string | undefined];
    return { name, file };
  });
  if (output !== undefined) {
    const target = [...entries].reverse().find((entry) => entry.file === undefined && (entry.name === "json" || entry.name === "junit")) ?? entries.find((entry) => entry.file === undefined);
    if (target !== undefined) target.file = output;
  }
  const onStdout = entries.filter((entry) => entry.file === undefined);
  if (onStdout.length > 1) {
    throw new Error(`${onStdout.map((entry) => entry.name).join(" and ")} would both write to stdout: give one of them a file (--reporter NAME=FILE or --output FILE)`);
  }
  const sinks: FileSink[] = [];
  const reporters = entries.map((entry) => {
    let stream: ReporterStream = stdout;
    if (entry.file !== undefined) {
      const sink = new FileSink(entry.file);
      sinks.push(sink);
      stream = sink;
    }
    return createReporter(entry.name, { stream, mode });
  });
  return {
    reporter: reporters.length === 1 ? reporters[0]! : new FanOutReporter(reporters),
    finish: async () => {
      for (const sink of sinks) await sink.flush();
    },
  };
}
