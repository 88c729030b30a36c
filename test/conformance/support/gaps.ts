// Looks up the known gaps (known-gaps.ts) that apply to one snippet on one version.
import type { Topic } from "./topics.js";
import type { Snippet, VersionKey } from "./snippet.js";

/** One probable root cause and the snippets it makes fail. */
export interface KnownGapGroup {
  /** What is missing or wrong in the simulator; shown in the test's name. */
  readonly cause: string;
  /** The versions where these snippets fail (default: every version). */
  readonly versions?: readonly VersionKey[];
  /** Names of the failing snippets, per topic. */
  readonly snippets: Partial<Record<Topic, readonly string[]>>;
}

/** The causes that make `name` fail on `version`, joined; undefined when it must pass. */
export function gapReason(groups: readonly KnownGapGroup[], topic: Topic, name: string, version: VersionKey): string | undefined {
  const causes = groups
    .filter((group) => (group.versions === undefined || group.versions.includes(version)) && (group.snippets[topic] ?? []).includes(name))
    .map((group) => group.cause);
  return causes.length === 0 ? undefined : causes.join(" + ");
}

/** Gap entries naming no snippet of the topic (renamed or deleted snippets): a stale list is an error. */
export function unknownGapNames(groups: readonly KnownGapGroup[], topic: Topic, snippets: readonly Snippet[]): string[] {
  const names = new Set(snippets.map((subject) => subject.name));
  return groups.flatMap((group) => (group.snippets[topic] ?? []).filter((name) => !names.has(name)));
}
