// Gathers the pipeline's per-engine outcomes into one SiteLesson per lesson file.
import type { CheckedLesson } from "../pipeline/check-lessons.js";
import type { EngineIdentity } from "../runners/types.js";
import type { SiteLesson } from "./site-model.js";

export interface EngineOutcome {
  readonly identity: EngineIdentity;
  readonly lessons: readonly CheckedLesson[];
}

/** Lessons in the order of the first engine's run; every engine's checks in engine order. */
export function collectSiteLessons(outcomes: readonly EngineOutcome[]): SiteLesson[] {
  const byPath = new Map<string, { lesson?: CheckedLesson["lesson"]; problem?: string; checks: SiteLesson["checks"][number][] }>();
  for (const outcome of outcomes) {
    for (const checked of outcome.lessons) {
      const entry = byPath.get(checked.path) ?? { checks: [] };
      if (checked.lesson !== undefined) entry.lesson ??= checked.lesson;
      if (checked.unreadable) entry.problem ??= checked.result.messages[0]?.reason ?? "unreadable";
      else entry.checks.push({ identity: outcome.identity, result: checked.result, runs: checked.runs });
      byPath.set(checked.path, entry);
    }
  }
  return [...byPath].map(([path, entry]) => ({
    path,
    checks: entry.checks,
    ...(entry.lesson !== undefined ? { lesson: entry.lesson } : {}),
    ...(entry.problem !== undefined && entry.lesson === undefined ? { problem: entry.problem } : {}),
  }));
}
