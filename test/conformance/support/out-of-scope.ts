// Checks a snippet that reaches an out-of-scope module: CPython's outputs up to the refusal, then
// the simulator's refusal by name (never a made-up answer).
import type { Topic } from "./topics.js";
import type { Snippet } from "./snippet.js";

/** Snippets whose first unsupported step is the import of one out-of-scope module. */
export interface OutOfScopeGroup {
  /** The feature the simulator names, as `unsupported: <refusal>` shows it ("module 'json'"). */
  readonly refusal: string;
  readonly snippets: Partial<Record<Topic, readonly string[]>>;
}

/** The refusal expected for `name`, or undefined when the snippet is in scope. */
export function expectedRefusal(groups: readonly OutOfScopeGroup[], topic: Topic, name: string): string | undefined {
  return groups.find((group) => (group.snippets[topic] ?? []).includes(name))?.refusal;
}

export function unknownOutOfScopeNames(groups: readonly OutOfScopeGroup[], topic: Topic, snippets: readonly Snippet[]): string[] {
  const names = new Set(snippets.map((subject) => subject.name));
  return groups.flatMap((group) => (group.snippets[topic] ?? []).filter((name) => !names.has(name)));
}

/**
 * Why the simulator's outputs are not a correct refusal, or undefined when they are: every cell
 * before the refusing one equals CPython's, and the refusing cell shows a prefix of CPython's
 * output followed by the refusal marker.
 */
export function refusalProblem(simulated: readonly string[], real: readonly string[], refusal: string): string | undefined {
  const marker = `<unsupported: ${refusal}>\n`;
  const at = simulated.findIndex((text) => text.endsWith(marker));
  if (at < 0) return `no cell was refused with "unsupported: ${refusal}"`;
  for (let index = 0; index < at; index++) {
    if (simulated[index] !== real[index]) return `cell ${index} differs before the refusal`;
  }
  const printed = simulated[at]!.slice(0, -marker.length);
  if (!(real[at] ?? "").startsWith(printed)) return `cell ${at} printed something CPython did not before the refusal`;
  return undefined;
}
