// Reporters for several engines in one command: each still sees whole runs, one per engine, but
// machine-readable outputs stay one document (JSON object, JUnit XML file).
import type { CellResult, CheckReport, LessonResult } from "../check/types.js";
import { emptySummary } from "../check/summary.js";
import { engineLabel } from "../check/engine-label.js";
import { CELL_STATUSES } from "../check/types.js";
import { JunitReporter, toJsonReport, type LessonStart, type Reporter, type ReporterStream, type ReportMode } from "../report/index.js";
import { escapeXmlAttribute } from "../report/xml.js";
import type { EngineIdentity } from "../runners/types.js";

/** A reporter that writes only once every engine's run is over. */
export interface DeferredReporter extends Reporter {
  finish(): void;
}

/**
 * `--reporter json` with several engines: one object `{"runs": [...], "summary": {...}}` whose
 * `runs` are the single-engine contract objects (runner, lessons, summary), in engine order,
 * and whose `summary` adds them up (check only; `run` reports carry no summary).
 */
export class JsonRunsReporter implements DeferredReporter {
  private readonly reports: CheckReport[] = [];

  constructor(
    private readonly stream: ReporterStream,
    private readonly mode: ReportMode,
  ) {}

  onStart(_engine: EngineIdentity, _lessonCount: number): void {}
  onLessonStart(_lesson: LessonStart): void {}
  onCellResult(_lessonPath: string, _result: CellResult): void {}
  onLessonEnd(_result: LessonResult): void {}

  onEnd(report: CheckReport): void {
    this.reports.push(report);
  }

  finish(): void {
    const runs = this.reports.map((report) => toJsonReport(report, this.mode));
    if (this.mode === "run") {
      this.stream.write(`${JSON.stringify({ runs }, null, 2)}\n`);
      return;
    }
    const summary = emptySummary();
    for (const report of this.reports) for (const status of CELL_STATUSES) summary[status] += report.summary[status] ?? 0;
    this.stream.write(`${JSON.stringify({ runs, summary }, null, 2)}\n`);
  }
}

const COUNTS = ["tests", "failures", "errors", "skipped", "time"] as const;

/**
 * `--reporter junit` with several engines: each engine's JUnit document is made by the
 * ordinary reporter, then their test suites go into one `<testsuites>` whose counts are the
 * sums; each suite's name gets the engine (`lessons/x.md (python 3.12.1)`) so CI servers keep
 * them apart.
 */
export class JunitRunsReporter implements DeferredReporter {
  private readonly documents: { label: string; text: string }[] = [];
  private current: { reporter: JunitReporter; chunks: string[]; label: string } | undefined;

  constructor(private readonly stream: ReporterStream) {}

  onStart(engine: EngineIdentity, lessonCount: number): void {
    const chunks: string[] = [];
    const reporter = new JunitReporter({ stream: { write: (chunk: string) => chunks.push(chunk), isTTY: false }, mode: "check" });
    this.current = { reporter, chunks, label: engineLabel(engine) };
    reporter.onStart(engine, lessonCount);
  }

  onLessonStart(lesson: LessonStart): void {
    this.current?.reporter.onLessonStart(lesson);
  }

  onCellResult(lessonPath: string, result: CellResult): void {
    this.current?.reporter.onCellResult(lessonPath, result);
  }

  onLessonEnd(result: LessonResult): void {
    this.current?.reporter.onLessonEnd(result);
  }

  onEnd(report: CheckReport): void {
    if (this.current === undefined) return;
    this.current.reporter.onEnd(report);
    this.documents.push({ label: this.current.label, text: this.current.chunks.join("") });
    this.current = undefined;
  }

  finish(): void {
    const totals = new Map<string, number>(COUNTS.map((name) => [name, 0]));
    const suites: string[] = [];
    for (const document of this.documents) {
      const lines = document.text.replace(/\n$/u, "").split("\n");
      const head = lines.find((line) => line.startsWith("<testsuites "));
      for (const name of COUNTS) {
        const value = head === undefined ? undefined : new RegExp(` ${name}="([0-9.]+)"`, "u").exec(head)?.[1];
        totals.set(name, totals.get(name)! + Number(value ?? 0));
      }
      const suffix = escapeXmlAttribute(` (${document.label})`);
      for (const line of lines) {
        if (line.startsWith("<?xml") || line.startsWith("<testsuites ") || line === "</testsuites>") continue;
        suites.push(line.replace(/^(  <testsuite name=")([^"]*)"/u, `$1$2${suffix}"`));
      }
    }
    const attributes = COUNTS.map((name) => `${name}="${name === "time" ? totals.get(name)!.toFixed(3) : totals.get(name)!}"`).join(" ");
    this.stream.write([`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="lessonkit" ${attributes}>`, ...suites, `</testsuites>`].join("\n") + "\n");
  }
}
