// Where commands write: the process's streams, or a test's capture.
import type { ReporterStream } from "../report/index.js";

export interface CommandIo {
  readonly stdout: ReporterStream;
  readonly stderr: { write(chunk: string): unknown };
  readonly cwd: string;
}

export function processIo(): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}
