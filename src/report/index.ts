// Reporters by name: the CLI's `--reporter` values, each a class writing to its own stream.
import { GithubReporter } from "./github.js";
import { JsonReporter } from "./json.js";
import { JunitReporter } from "./junit.js";
import { PrettyReporter } from "./pretty.js";
import type { Reporter, ReporterOptions, ReportMode } from "./reporter.js";

export type { Reporter, ReporterOptions, ReporterStream, ReportMode, LessonStart } from "./reporter.js";
export { BaseReporter } from "./reporter.js";
export { FanOutReporter } from "./fan-out.js";
export { PrettyReporter, type PrettyReporterOptions } from "./pretty.js";
export { JsonReporter } from "./json.js";
export { JunitReporter } from "./junit.js";
export { GithubReporter } from "./github.js";
export { toJsonReport, toJsonCheckReport, toJsonRunReport, runnerJson } from "./json-report.js";
export type { JsonCheckReport, JsonRunReport, JsonCheckCell, JsonRunCell, JsonRunner } from "./json-report.js";
export { escapeData, escapeProperty, workflowCommand } from "./github-escape.js";
export { escapeXmlText, escapeXmlAttribute } from "./xml.js";
export { formatSummary } from "./summary-line.js";

interface ReporterEntry {
  readonly create: (options: ReporterOptions) => Reporter;
  /** The modes it can report: junit and github only make sense for verdicts. */
  readonly modes: ReadonlySet<ReportMode>;
}

const BOTH = new Set<ReportMode>(["check", "run"]);
const CHECK_ONLY = new Set<ReportMode>(["check"]);

const REPORTERS = new Map<string, ReporterEntry>([
  ["pretty", { create: (options) => new PrettyReporter(options), modes: BOTH }],
  ["json", { create: (options) => new JsonReporter(options), modes: BOTH }],
  ["junit", { create: (options) => new JunitReporter(options), modes: CHECK_ONLY }],
  ["github", { create: (options) => new GithubReporter(options), modes: CHECK_ONLY }],
]);

export const DEFAULT_REPORTER = "pretty";

/** A `--reporter` value that names no reporter, or one that cannot report this mode: exit 2. */
export class UnknownReporterError extends Error {
  override name = "UnknownReporterError";
}

export function reporterNames(mode: ReportMode = "check"): string[] {
  return [...REPORTERS].filter(([, entry]) => entry.modes.has(mode)).map(([name]) => name);
}

export function createReporter(name: string, options: ReporterOptions): Reporter {
  const mode = options.mode ?? "check";
  const entry = REPORTERS.get(name);
  if (!entry || !entry.modes.has(mode)) {
    const command = mode === "run" ? "run" : "check";
    throw new UnknownReporterError(
      `unknown reporter "${name}" for ${command}: choose one of ${reporterNames(mode).join(", ")}`,
    );
  }
  return entry.create(options);
}
