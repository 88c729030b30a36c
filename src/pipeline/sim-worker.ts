// Worker-thread entry: runs one simulator session at a time for the main thread (see sim-threads.ts).
import { parentPort } from "node:worker_threads";
import { createSimEngine } from "../runners/sim/engine.js";
import type { CellRequest, EngineSession, SessionOptions } from "../runners/types.js";

export type SimWorkerCommand =
  | { readonly kind: "open"; readonly profile: string; readonly options: SessionOptions }
  | { readonly kind: "run"; readonly cell: CellRequest }
  | { readonly kind: "close" };

export type SimWorkerRequest = SimWorkerCommand & { readonly id: number };

export type SimWorkerReply = { readonly id: number; readonly ok: true; readonly value?: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

let session: EngineSession | undefined;

async function handle(request: SimWorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case "open":
      await session?.close();
      session = await createSimEngine(request.profile).open(request.options);
      return undefined;
    case "run":
      if (session === undefined) throw new Error("no simulator session is open in this worker");
      return session.run(request.cell);
    case "close":
      await session?.close();
      session = undefined;
      return undefined;
  }
}

parentPort?.on("message", (request: SimWorkerRequest) => {
  handle(request).then(
    (value) => parentPort!.postMessage({ id: request.id, ok: true, value } satisfies SimWorkerReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies SimWorkerReply),
  );
});
