// Short human names for an engine and its Python version, for diff headers and reports.
import type { EngineIdentity } from "../runners/types.js";
import { parseVersion, type PythonVersion } from "../versions/version.js";

/** "sim 3.13", "python 3.11.7". */
export function engineLabel(identity: EngineIdentity): string {
  return identity.kind === "sim" ? `sim ${identity.profile}` : `python ${identity.version}`;
}

/** The Python version an engine behaves as: the simulator's profile or the interpreter's version. */
export function engineVersion(identity: EngineIdentity): PythonVersion | undefined {
  return parseVersion(identity.kind === "sim" ? identity.profile : identity.version);
}
