// Where sys.stdout and sys.stderr writes go: the running cell's output, in order.
import { rt } from "../runtime/state.js";
import { pyError } from "../runtime/errors.js";

/** Characters one cell may print before the simulator stops it (a memory cap on output). */
const OUTPUT_LIMIT = 8 * 1024 * 1024;

export function writeOutput(_stream: "stdout" | "stderr", text: string): void {
  rt.outputLength += text.length;
  if (rt.outputLength > OUTPUT_LIMIT) throw pyError(rt.exc.MemoryError, "cell output exceeds the simulator's 8 MiB limit");
  rt.output.push(text);
  if (text.length > 0 && rt.outputWriteHook !== null) rt.outputWriteHook();
}
