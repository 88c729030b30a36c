// Long-running commands (build --watch, serve) stop on Ctrl-C (SIGINT) or SIGTERM, cleanly: the
// signal aborts, the command closes its watchers and server, and returns its exit code.

export interface Interrupt {
  readonly signal: AbortSignal;
  /** Resolves when the signal comes (or the signal given to `interruptOnSignals` aborts). */
  readonly stopped: Promise<void>;
  /** Removes the process signal handlers. */
  dispose(): void;
}

export function interruptOnSignals(external?: AbortSignal): Interrupt {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  external?.addEventListener("abort", stop, { once: true });
  if (external?.aborted) stop();
  const stopped = new Promise<void>((resolve) => {
    if (controller.signal.aborted) resolve();
    else controller.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  return {
    signal: controller.signal,
    stopped,
    dispose(): void {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      external?.removeEventListener("abort", stop);
    },
  };
}
