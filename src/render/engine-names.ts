// How pages name engines: "simulator 3.13", "CPython 3.8–3.13" (families with merged versions).
import type { EngineIdentity } from "../runners/types.js";
import { engineVersion } from "../check/engine-label.js";
import type { PythonVersion } from "../versions/version.js";
import { mergeVersions } from "./version-list.js";

export { engineVersion };

export type EngineFamily = "simulator" | "CPython";

export function engineFamily(identity: EngineIdentity): EngineFamily {
  return identity.kind === "sim" ? "simulator" : "CPython";
}

/** One engine in full, for tooltips and the index: "CPython 3.11.7 (IPython)", "simulator 3.13". */
export function engineFullName(identity: EngineIdentity): string {
  if (identity.kind === "sim") return `simulator ${identity.profile}`;
  return `CPython ${identity.version} (${identity.kernel === "ipython" ? "IPython" : "IPython rules emulated"})`;
}

/**
 * Several engines in one phrase, simulator first: "simulator 3.13, CPython 3.8–3.11, 3.13".
 * Full interpreter paths are left out on purpose: pages are published and must not depend on
 * the machine that built them.
 */
export function enginesLabel(identities: readonly EngineIdentity[]): string {
  const families: EngineFamily[] = ["simulator", "CPython"];
  return families
    .map((family) => {
      const versions = identities.filter((identity) => engineFamily(identity) === family).map(engineVersion);
      const known = versions.filter((version): version is PythonVersion => version !== undefined);
      if (versions.length === 0) return "";
      return known.length > 0 ? `${family} ${mergeVersions(known)}` : family;
    })
    .filter((text) => text !== "")
    .join(", ");
}
