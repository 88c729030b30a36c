// A lesson's frontmatter `python:` range: check does not run it on versions it excludes, and
// says so per cell, with one engine or several.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli-harness.js";

const lesson = join(mkdtempSync(join(tmpdir(), "lessonkit-range-")), "needs-38.md");
writeFileSync(
  lesson,
  '---\ntitle: Needs 3.8\npython: ">=3.8"\n---\n\n# Needs 3.8\n\n```python\nimport math\nmath.prod([2, 3, 7])\n```\n\n```output\n42\n```\n',
);

interface JsonReport {
  readonly runner: { readonly profile?: string };
  readonly lessons: ReadonlyArray<{ readonly cells: ReadonlyArray<{ readonly status: string; readonly message: string | null }> }>;
}

/** [profile, status, message] per cell of one report, or of each engine's report in `runs`. */
function verdicts(json: string): Array<[string, string, string | null]> {
  const parsed = JSON.parse(json) as JsonReport | { runs: JsonReport[] };
  const reports = "runs" in parsed ? parsed.runs : [parsed];
  return reports.flatMap((report) => report.lessons[0]!.cells.map((cell): [string, string, string | null] => [report.runner.profile ?? "?", cell.status, cell.message]));
}

describe("check and a lesson's python: range", () => {
  it("skips every cell on an excluded version and runs the lesson on an included one", async () => {
    const excluded = await runCli("check", lesson, "--profile", "3.7", "--reporter", "json", "--no-cache");
    expect(excluded.code).toBe(0);
    expect(verdicts(excluded.out)).toEqual([["3.7", "skipped", "not run: the lesson is for Python >=3.8 (its frontmatter's python:), not 3.7"]]);
    const included = await runCli("check", lesson, "--profile", "3.8", "--reporter", "json", "--no-cache");
    expect(included.code).toBe(0);
    expect(verdicts(included.out)).toEqual([["3.8", "pass", null]]);
  });

  it("does the same for each of several engines", async () => {
    const both = await runCli("check", lesson, "--profile", "3.7,3.8", "--reporter", "json", "--no-cache");
    expect(both.code).toBe(0);
    expect(verdicts(both.out).map(([profile, status]) => [profile, status])).toEqual([
      ["3.7", "skipped"],
      ["3.8", "pass"],
    ]);
  });
});
