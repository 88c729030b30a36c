// One cell in a fresh simulator session, summed up in one line: its output, the last line of
// its exception, or `unsupported: <what>` (for tests of answers and refusals).
import { NotebookSession } from "../../src/python/session/session.js";
import { getProfile } from "../../src/python/profiles/table.js";

export function cellOutcome(profile: string, source: string, display: "pretty" | "repr" = "pretty"): string {
  const session = new NotebookSession(getProfile(profile as never), { display });
  try {
    const result = session.runCell(source, { timeoutMs: 10_000, maxSteps: 1_000_000 });
    if (result.status === "unsupported") return `unsupported: ${result.unsupported?.feature}`;
    return result.status === "ok" ? result.output.trim() : (result.exception?.lastLine ?? result.status);
  } finally {
    session.close();
  }
}
