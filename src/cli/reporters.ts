// Turns --reporter/--output into reporter instances, each writing to stdout or its own file.
import { writeFile } from "node:fs/promises";
import { createReporter, DEFAULT_REPORTER, FanOutReporter, type Reporter, type ReporterStream, type ReportMode } from "../report/index.js";
import { JsonRunsReporter, JunitRunsReporter, type DeferredReporter } from "./multi-run-reporters.js";

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
  /** Writes deferred and file reports; call once the run ended. */
  finish(): Promise<void>;
}

export interface ReporterSetupOptions {
  /** Several engines report one after the other: json and junit then write one document. */
  readonly severalEngines?: boolean;
}

/**
 * `--reporter NAME[=FILE]`, repeatable. `--output FILE` sends the last machine-readable reporter
 * (json or junit) to FILE. Several reporters writing to stdout is refused: they would interleave.
 */
export function setupReporters(
  specs: readonly string[],
  output: string | undefined,
  mode: ReportMode,
  stdout: ReporterStream,
  options: ReporterSetupOptions = {},
): ReporterSetup {
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
  const deferred: DeferredReporter[] = [];
  const reporters = entries.map((entry) => {
    let stream: ReporterStream = stdout;
    if (entry.file !== undefined) {
      const sink = new FileSink(entry.file);
      sinks.push(sink);
      stream = sink;
    }
    // Created first even when replaced below: it validates the name for this mode.
    const reporter = createReporter(entry.name, { stream, mode });
    if (options.severalEngines === true && entry.name === "json") return remember(deferred, new JsonRunsReporter(stream, mode));
    if (options.severalEngines === true && entry.name === "junit") return remember(deferred, new JunitRunsReporter(stream));
    return reporter;
  });
  return {
    reporter: reporters.length === 1 ? reporters[0]! : new FanOutReporter(reporters),
    finish: async () => {
      for (const reporter of deferred) reporter.finish();
      for (const sink of sinks) await sink.flush();
    },
  };
}

function remember(list: DeferredReporter[], reporter: DeferredReporter): DeferredReporter {
  list.push(reporter);
  return reporter;
}
