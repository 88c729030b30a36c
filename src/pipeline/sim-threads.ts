// Simulator engines whose sessions run in worker threads. The simulator runs a cell without
// yielding (up to its timeout); on the main thread that would stall real interpreters' pipes and
// fire their timeout timers late, turning their cells into false timeouts. In workers, simulated
// cells also use the other cores.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CellRequest, CellRun, Engine, EngineIdentity, EngineSession, SessionOptions } from "../runners/types.js";
import type { SimWorkerCommand, SimWorkerReply } from "./sim-worker.js";
import { STACK_RAN_OUT } from "../python/session/session.js";

const WORKER_URL = new URL("./sim-worker.js", import.meta.url);
const WORKER_STACK_MB = 64;

/**
 * Worker threads need the compiled worker script; running from TypeScript sources (the test
 * runner) there is none, and sessions stay on the main thread.
 */
export function simThreadsAvailable(): boolean {
  return import.meta.url.endsWith(".js") && existsSync(fileURLToPath(WORKER_URL));
}

/** One worker, one session at a time; requests answered in order. */
class SimWorker {
  // A deep stack: CPython's recursion limit (3000 under IPython) must be reachable before
  // JavaScript's own stack runs out, and a simulated frame takes several JavaScript frames.
  private readonly worker = new Worker(WORKER_URL, { resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  dead = false;

  constructor() {
    this.worker.on("message", (reply: SimWorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (waiting === undefined) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    });
    const fail = (error: Error): void => {
      this.dead = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the simulator's worker thread stopped (exit code ${code})`)));
  }

  request(message: SimWorkerCommand): Promise<unknown> {
    if (this.dead) return Promise.reject(new Error("the simulator's worker thread stopped"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  terminate(): Promise<number> {
    this.dead = true;
    return this.worker.terminate();
  }
}

/** At most `size` workers; a session borrows one from open() to close(). */
export class SimWorkerPool {
  private readonly idle: SimWorker[] = [];
  private readonly all = new Set<SimWorker>();
  private readonly waiting: ((worker: SimWorker) => void)[] = [];

  constructor(private readonly size: number) {}

  async acquire(): Promise<SimWorker> {
    while (this.idle.length > 0) {
      const worker = this.idle.pop()!;
      if (!worker.dead) return worker;
      this.all.delete(worker);
    }
    if (this.all.size < this.size) {
      const worker = new SimWorker();
      this.all.add(worker);
      return worker;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(worker: SimWorker): void {
    if (worker.dead) {
      this.all.delete(worker);
      const next = this.waiting.shift();
      if (next !== undefined) {
        const replacement = new SimWorker();
        this.all.add(replacement);
        next(replacement);
      }
      return;
    }
    const next = this.waiting.shift();
    if (next !== undefined) next(worker);
    else this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((worker) => worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }
}

class ThreadedSimSession implements EngineSession {
  private closed = false;

  constructor(
    private readonly worker: SimWorker,
    private readonly pool: SimWorkerPool,
  ) {}

  async run(cell: CellRequest): Promise<CellRun> {
    try {
      return (await this.worker.request({ kind: "run", cell })) as CellRun;
    } catch (error) {
      return { index: cell.index, status: "crash", output: "", engineMessage: (error as Error).message, durationMs: 0 };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.worker.request({ kind: "close" });
    } catch {
      // A dead worker has nothing left to close.
    }
    this.pool.release(this.worker);
  }
}

/** The simulator engine of one profile, its sessions in the pool's workers. Same identity as in-process. */
export class ThreadedSimEngine implements Engine {
  constructor(
    readonly identity: EngineIdentity & { readonly kind: "sim" },
    private readonly pool: SimWorkerPool,
  ) {}

  async open(options: SessionOptions): Promise<EngineSession> {
    const worker = await this.pool.acquire();
    try {
      await worker.request({ kind: "open", profile: this.identity.profile, options });
    } catch (error) {
      this.pool.release(worker);
      throw error;
    }
    return new ThreadedSimSession(worker, this.pool);
  }
}

/**
 * Runs `work` with every simulator engine swapped for one whose sessions run in worker threads
 * (at most `jobs` at a time), when the compiled worker exists; the workers stop afterwards.
 * `onStackOnly`: sessions start on this thread and move to a worker only when a cell runs out of
 * JavaScript stack (a worker costs about half a second of loading the simulator again).
 */
export async function withSimThreads<T>(
  engines: readonly Engine[],
  jobs: number,
  work: (running: readonly Engine[]) => Promise<T>,
  { enabled = simThreadsAvailable(), onStackOnly = false }: { readonly enabled?: boolean; readonly onStackOnly?: boolean } = {},
): Promise<T> {
  if (!enabled || !engines.some((engine) => engine.identity.kind === "sim")) return work(engines);
  // Workers start on first use: a pool nobody borrows from costs nothing.
  const pool = new SimWorkerPool(Math.max(1, jobs));
  try {
    const running = engines.map((engine) => {
      const identity = engine.identity;
      if (identity.kind !== "sim") return engine;
      const threaded = new ThreadedSimEngine(identity, pool);
      return onStackOnly ? new DeepStackFallbackEngine(engine, threaded) : threaded;
    });
    return await work(running);
  } finally {
    await pool.close();
  }
}

/** A cell the simulator refused because this thread's JavaScript stack ran out. */
function ranOutOfStack(run: CellRun): boolean {
  return run.status === "unsupported" && run.unsupported?.feature.startsWith(STACK_RAN_OUT) === true;
}

/**
 * Sessions on this thread, moved to a worker with a deep stack when a cell runs out of
 * JavaScript stack: the worker's session replays the cells run so far (the simulator is
 * deterministic, so it reaches the same state) and runs the rest of the lesson.
 */
class DeepStackFallbackEngine implements Engine {
  constructor(
    private readonly local: Engine,
    private readonly deep: Engine,
  ) {}

  get identity(): EngineIdentity {
    return this.local.identity;
  }

  async open(options: SessionOptions): Promise<EngineSession> {
    return new DeepStackFallbackSession(await this.local.open(options), () => this.deep.open(options));
  }
}

class DeepStackFallbackSession implements EngineSession {
  private readonly ran: CellRequest[] = [];
  private deep: EngineSession | undefined;

  constructor(
    private readonly local: EngineSession,
    private readonly openDeep: () => Promise<EngineSession>,
  ) {}

  async run(cell: CellRequest): Promise<CellRun> {
    if (this.deep !== undefined) return this.deep.run(cell);
    const run = await this.local.run(cell);
    if (!ranOutOfStack(run)) {
      this.ran.push(cell);
      return run;
    }
    await this.local.close();
    this.deep = await this.openDeep();
    for (const earlier of this.ran) await this.deep.run(earlier);
    return this.deep.run(cell);
  }

  async close(): Promise<void> {
    await (this.deep ?? this.local).close();
  }
}
