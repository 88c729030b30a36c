// `lessonkit serve`: serves dist/ on 127.0.0.1 and reloads open pages when a build swaps it in.
import { access } from "node:fs/promises";
import type { ParsedCommand } from "../parse-command.js";
import { UsageError } from "../../runners/create-engine.js";
import { startSiteServer } from "../../render/serve/site-server.js";
import { watchFolderSwaps } from "../../render/serve/folder-swaps.js";
import { interruptOnSignals } from "../../render/serve/interrupt.js";
import type { CommandIo } from "../io.js";

const DEFAULT_PORT = 8080;
const SWAP_DEBOUNCE_MS = 100;

function portNumber(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT;
  const text = String(value);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port needs a port number 0–65535, not "${text}"`);
  return port;
}

export async function runServeCommand(command: ParsedCommand, io: CommandIo, stop?: AbortSignal): Promise<number> {
  if (command.positionals.length > 0) throw new UsageError(`serve takes no paths (it serves --out, default dist): ${command.positionals.join(" ")}`);
  const root = (command.values.out as string | undefined) ?? "dist";
  const port = portNumber(command.values.port);
  let server;
  try {
    server = await startSiteServer({ root, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES") throw new UsageError(`cannot listen on 127.0.0.1:${port} (${code}); choose another --port`);
    throw error;
  }
  const interrupt = interruptOnSignals(stop);
  const swaps = await watchFolderSwaps(root, SWAP_DEBOUNCE_MS, () => {
    io.stdout.write(`lessonkit serve: ${root}/ rebuilt, reloading ${server.reloads.size} page${server.reloads.size === 1 ? "" : "s"}\n`);
    server.reloads.reload();
  });
  try {
    await access(root);
  } catch {
    io.stderr.write(`lessonkit serve: ${root}/ does not exist yet; run \`lessonkit build\` (pages reload when it is built)\n`);
  }
  io.stdout.write(`lessonkit serve: serving ${root}/ at ${server.url} (Ctrl-C to stop)\n`);
  await interrupt.stopped;
  swaps.close();
  await server.close();
  interrupt.dispose();
  io.stdout.write("lessonkit serve: stopped\n");
  return 0;
}
