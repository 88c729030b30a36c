// Declares one topic's differential tests: every snippet, on every CPython version found, must
// show in the simulator exactly what the real interpreter shows (or is an `it.fails` known gap).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimEngine } from "../../../src/runners/sim/engine.js";
import { cpythonEngine } from "../../support/differential.js";
import { KNOWN_GAPS } from "../known-gaps.js";
import { gapReason, unknownGapNames } from "./gaps.js";
import { OUT_OF_SCOPE } from "../out-of-scope.js";
import { expectedRefusal, refusalProblem, unknownOutOfScopeNames } from "./out-of-scope.js";
import { runSnippets, type Isolation, type SnippetOutputs } from "./run-snippets.js";
import { KNOWN_VERSIONS, type Snippet, type VersionKey } from "./snippet.js";
import type { Topic } from "./topics.js";

/** Real interpreters started at once for fresh snippets (they mostly wait on process start-up). */
const CPYTHON_CONCURRENCY = 3;
const DEFAULT_VERSIONS: readonly VersionKey[] = ["3.11", "3.12", "3.13"];

/** CONFORMANCE_VERSIONS=3.8,3.9,3.10,3.11 widens or narrows the versions compared. */
export function conformanceVersions(): readonly VersionKey[] {
  const requested = process.env.CONFORMANCE_VERSIONS;
  if (requested === undefined || requested.trim() === "") return DEFAULT_VERSIONS;
  const known = new Set<string>(KNOWN_VERSIONS);
  return requested
    .split(",")
    .map((text) => text.trim())
    .filter((text): text is VersionKey => known.has(text));
}

export interface SuiteOptions {
  /** batch: one session per version for the whole topic (snippets marked `fresh` still get their own). */
  readonly isolation: Isolation;
}

interface Comparison {
  readonly simulated: string[];
  readonly real: string[];
}

export function conformanceSuite(topic: Topic, snippets: readonly Snippet[], options: SuiteOptions): void {
  assertUniqueNames(topic, snippets);
  const stale = unknownGapNames(KNOWN_GAPS, topic, snippets);
  if (stale.length > 0) throw new Error(`known-gaps.ts names snippets that topic ${topic} does not have: ${stale.join(", ")}`);
  const staleScope = unknownOutOfScopeNames(OUT_OF_SCOPE, topic, snippets);
  if (staleScope.length > 0) throw new Error(`out-of-scope.ts names snippets that topic ${topic} does not have: ${staleScope.join(", ")}`);
  for (const version of conformanceVersions()) {
    describe(`${topic} on ${version}`, async () => {
      const engine = await cpythonEngine(version);
      const applicable = snippets.filter((subject) => subject.versions === undefined || subject.versions.includes(version));
      // Snippets written for other versions (newer syntax or modules, version-specific facts) show as skipped.
      for (const subject of snippets) {
        if (!applicable.includes(subject)) it.skip(`${subject.name} [not on ${version}: only ${subject.versions!.join(", ")}]`, () => {});
      }
      if (engine === null) {
        it.skip(`${topic}: CPython ${version} is not installed, ${applicable.length} snippets not compared`, () => {});
        return;
      }
      const comparisons = new Map<string, Comparison>();
      beforeAll(async () => {
        const [simulated, real] = await Promise.all([
          runSnippets(createSimEngine(version), applicable, options.isolation, 1),
          runSnippets(engine, applicable, options.isolation, CPYTHON_CONCURRENCY),
        ]);
        for (const subject of applicable) {
          comparisons.set(subject.name, { simulated: outputsOf(simulated, subject), real: outputsOf(real, subject) });
        }
      }, 240_000);
      afterAll(() => writeReport(topic, version, applicable, comparisons));
      for (const subject of applicable) {
        const refusal = expectedRefusal(OUT_OF_SCOPE, topic, subject.name);
        if (refusal !== undefined) {
          if (gapReason(KNOWN_GAPS, topic, subject.name, version) !== undefined) throw new Error(`${topic}: "${subject.name}" is both out of scope and a known gap`);
          it(`${subject.name} [refused: ${refusal}]`, () => {
            const comparison = comparisons.get(subject.name);
            expect(comparison, "the snippet ran").toBeDefined();
            expect(refusalProblem(comparison!.simulated, comparison!.real, refusal)).toBeUndefined();
          });
          continue;
        }
        const reason = gapReason(KNOWN_GAPS, topic, subject.name, version);
        const check = () => {
          const comparison = comparisons.get(subject.name);
          expect(comparison, "the snippet ran").toBeDefined();
          expect(comparison?.simulated).toEqual(comparison?.real);
        };
        if (reason === undefined) it(subject.name, check);
        else it.fails(`${subject.name} [known gap: ${reason}]`, check);
      }
    });
  }
}

function outputsOf(outputs: SnippetOutputs, subject: Snippet): string[] {
  return outputs.get(subject.name) ?? [`<not run>`];
}

function assertUniqueNames(topic: Topic, snippets: readonly Snippet[]): void {
  const seen = new Set<string>();
  for (const subject of snippets) {
    if (seen.has(subject.name)) throw new Error(`conformance topic ${topic}: two snippets are named "${subject.name}"`);
    seen.add(subject.name);
  }
}

/**
 * CONFORMANCE_REPORT_DIR=dir writes `<topic>-<version>.json`: each snippet's verdict (pass, fail,
 * gap, fixed-gap, refused) with both outputs, the machine-readable summary of the suite.
 */
function writeReport(topic: Topic, version: VersionKey, applicable: readonly Snippet[], comparisons: Map<string, Comparison>): void {
  const folder = process.env.CONFORMANCE_REPORT_DIR;
  if (folder === undefined || folder === "") return;
  const entries = applicable.map((subject) => {
    const comparison = comparisons.get(subject.name);
    const agrees = comparison !== undefined && JSON.stringify(comparison.simulated) === JSON.stringify(comparison.real);
    const refusal = expectedRefusal(OUT_OF_SCOPE, topic, subject.name);
    const reason = refusal !== undefined ? `out of scope: ${refusal}` : gapReason(KNOWN_GAPS, topic, subject.name, version);
    const verdict =
      refusal !== undefined
        ? comparison !== undefined && refusalProblem(comparison.simulated, comparison.real, refusal) === undefined
          ? "refused"
          : "fail"
        : reason === undefined
          ? agrees
            ? "pass"
            : "fail"
          : agrees
            ? "fixed-gap"
            : "gap";
    return { name: subject.name, verdict, reason: reason ?? null, cells: subject.cells, simulated: comparison?.simulated ?? null, real: comparison?.real ?? null };
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${topic}-${version}.json`), `${JSON.stringify({ topic, version, snippets: entries }, null, 1)}\n`);
}
