// Finds the CPython interpreters the tests run against (PATH and pyenv), once per test file.
import { resolveInterpreter, type InterpreterInfo } from "../../../src/runners/python/discover.js";

export const TESTED_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] as const;

async function tryResolve(version: string): Promise<InterpreterInfo | undefined> {
  try {
    return await resolveInterpreter(version);
  } catch {
    return undefined;
  }
}

/** Each tested version mapped to its interpreter, or undefined when it is not installed. */
export const interpreters: ReadonlyMap<string, InterpreterInfo | undefined> = new Map(
  await Promise.all(TESTED_VERSIONS.map(async (version) => [version, await tryResolve(version)] as const)),
);

/** An interpreter that has IPython installed (3.11.7 on the reference machine), if any. */
export const ipythonInterpreter: InterpreterInfo | undefined = [...interpreters.values()].find(
  (interpreter) => interpreter?.hasIPython,
);
