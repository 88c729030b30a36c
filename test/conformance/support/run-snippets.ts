// Runs a topic's snippets on one engine (a simulator profile or a real CPython), each snippet in
// a fresh session or many in one batched session, and returns what each snippet's cells showed.
import type { Engine, EngineSession } from "../../../src/runners/types.js";
import { runCells, shown, symbolize } from "../../support/differential.js";
import type { Snippet } from "./snippet.js";

/** fresh: one session per snippet. batch: one session per display mode, reset between snippets. */
export type Isolation = "fresh" | "batch";

/**
 * Deletes the previous snippet's names (keeping IPython's own: `_…`, In, Out, get_ipython, exit,
 * quit, open) so a batched snippet starts from a clean namespace; both engines run it, so both
 * see the same history. It has no expression statement, so nothing is shown or stored in `_`
 * (also under `python -i` rules).
 */
const RESET_CELL = [
  "for _conformance_name in [name for name in globals() if not name.startswith('_') and name not in ('In', 'Out', 'get_ipython', 'exit', 'quit', 'open')]:",
  "    del globals()[_conformance_name]",
  "if '_conformance_name' in globals():",
  "    del _conformance_name",
].join("\n");

/** The symbolized outputs of every snippet, keyed by snippet name. */
export type SnippetOutputs = Map<string, string[]>;

export async function runSnippets(
  engine: Engine,
  snippets: readonly Snippet[],
  isolation: Isolation,
  concurrency: number,
): Promise<SnippetOutputs> {
  const outputs: SnippetOutputs = new Map();
  const isolated = snippets.filter((subject) => isolation === "fresh" || subject.fresh === true);
  const batched = snippets.filter((subject) => !isolated.includes(subject));
  await Promise.all([
    forEachConcurrently(isolated, concurrency, async (subject) => {
      outputs.set(subject.name, await runFresh(engine, subject));
    }),
    (async () => {
      for (const display of ["pretty", "repr"] as const) {
        const group = batched.filter((subject) => (subject.display ?? "pretty") === display);
        if (group.length > 0) for (const [name, shownTexts] of await runBatch(engine, group, display)) outputs.set(name, shownTexts);
      }
    })(),
  ]);
  return outputs;
}

async function runFresh(engine: Engine, subject: Snippet): Promise<string[]> {
  try {
    return symbolize((await runCells(engine, subject.cells, subject.display ?? "pretty")).map(shown));
  } catch (error) {
    return [`<engine failed: ${String(error)}>`];
  }
}

async function runBatch(engine: Engine, group: readonly Snippet[], display: "pretty" | "repr"): Promise<SnippetOutputs> {
  const outputs: SnippetOutputs = new Map();
  let session: EngineSession;
  try {
    session = await engine.open({ lessonPath: "conformance.md", display, replay: false });
  } catch (error) {
    for (const subject of group) outputs.set(subject.name, [`<engine failed: ${String(error)}>`]);
    return outputs;
  }
  let index = 0;
  const run = async (source: string) => session.run({ index: index++, source, sourceLine: 1, timeoutMs: 20_000 });
  try {
    for (const subject of group) {
      await run(RESET_CELL);
      const texts: string[] = [];
      for (const source of subject.cells) texts.push(shown(await run(source)));
      outputs.set(subject.name, symbolize(texts));
    }
  } finally {
    await session.close();
  }
  return outputs;
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
