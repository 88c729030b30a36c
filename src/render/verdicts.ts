// A cell's verdicts from several engines, grouped by status for badges, totals and problem notes.
import type { CellStatus } from "../check/types.js";
import type { EngineIdentity } from "../runners/types.js";
import { enginesLabel } from "./engine-names.js";
import type { EngineVerdict } from "./site-model.js";

/** Worst first: the badge's colour and a lesson's totals take the worst verdict of a cell. */
const SEVERITY: readonly CellStatus[] = ["error", "fail", "unsupported", "drift", "pass", "skipped"];

export function worstStatus(statuses: Iterable<CellStatus>): CellStatus | undefined {
  let worst: CellStatus | undefined;
  for (const status of statuses) {
    if (worst === undefined || SEVERITY.indexOf(status) < SEVERITY.indexOf(worst)) worst = status;
  }
  return worst;
}

export interface VerdictGroup {
  readonly status: CellStatus;
  readonly identities: readonly EngineIdentity[];
  /** "CPython 3.8–3.11". */
  readonly engines: string;
}

/** Groups by status, passes first, then from the mildest problem to the worst. */
export function groupByStatus(verdicts: readonly EngineVerdict[]): VerdictGroup[] {
  const byStatus = new Map<CellStatus, EngineIdentity[]>();
  for (const verdict of verdicts) {
    const identities = byStatus.get(verdict.result.status) ?? [];
    identities.push(verdict.identity);
    byStatus.set(verdict.result.status, identities);
  }
  const order: readonly CellStatus[] = ["pass", "skipped", "drift", "unsupported", "fail", "error"];
  return order
    .filter((status) => byStatus.has(status))
    .map((status) => ({ status, identities: byStatus.get(status)!, engines: enginesLabel(byStatus.get(status)!) }));
}

/** A problem to show under a cell: engines that gave the same non-passing verdict and message. */
export interface CellProblem {
  readonly status: CellStatus;
  readonly engines: string;
  readonly message: string;
  readonly actual: string | null;
  readonly diff: string | undefined;
}

export const PROBLEM_STATUSES: ReadonlySet<CellStatus> = new Set<CellStatus>(["fail", "drift", "unsupported", "error"]);

export function cellProblems(verdicts: readonly EngineVerdict[]): CellProblem[] {
  const groups = new Map<string, { verdict: EngineVerdict; identities: EngineIdentity[] }>();
  for (const verdict of verdicts) {
    const result = verdict.result;
    if (!PROBLEM_STATUSES.has(result.status)) continue;
    // Same status, message and output: one note naming every engine concerned.
    const key = JSON.stringify([result.status, result.message, result.actual]);
    const group = groups.get(key);
    if (group !== undefined) group.identities.push(verdict.identity);
    else groups.set(key, { verdict, identities: [verdict.identity] });
  }
  return [...groups.values()].map(({ verdict, identities }) => ({
    status: verdict.result.status,
    engines: enginesLabel(identities),
    message: verdict.result.message ?? verdict.result.status,
    actual: verdict.result.actual,
    diff: verdict.result.diff,
  }));
}
