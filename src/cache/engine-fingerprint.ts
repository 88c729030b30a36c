// What identifies an engine for the cache: a result is only ever served to the same engine.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../package-root.js";
import { driverScriptPath } from "../runners/python/driver-path.js";
import type { EngineIdentity } from "../runners/types.js";
import { folderFingerprint } from "./code-fingerprint.js";

const here = path.dirname(fileURLToPath(import.meta.url));

let simulatorCode: Promise<string> | undefined;
let driverCode: Promise<string> | undefined;
let packageVersion: string | undefined;

function lessonkitVersion(): string {
  if (packageVersion === undefined) {
    try {
      packageVersion = (JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
    } catch {
      packageVersion = "unknown";
    }
  }
  return packageVersion;
}

/**
 * The simulator's own code (src/python and its engine adapter), hashed: the package version
 * alone would let a simulator fixed in place keep serving its old, wrong results.
 */
function simulatorFingerprint(): Promise<string> {
  simulatorCode ??= Promise.all([
    folderFingerprint(path.resolve(here, "..", "python")),
    folderFingerprint(path.resolve(here, "..", "runners", "sim")),
  ]).then((parts) => parts.join(":"));
  return simulatorCode;
}

/** driver.py decides how cells run under a real interpreter, so its text is part of the identity. */
function driverFingerprint(): Promise<string> {
  driverCode ??= readFile(driverScriptPath()).then(
    (content) => createHash("sha256").update(content).digest("hex"),
    () => "missing",
  );
  return driverCode;
}

/**
 * A stable text naming the engine exactly: for the simulator its package version, profile and
 * code; for a real interpreter its path, full version, kernel (with IPython's version) and the
 * driver's code. Two engines with different fingerprints never share cache entries, so a result
 * is never served to another Python or IPython version.
 */
export async function engineFingerprint(identity: EngineIdentity): Promise<string> {
  if (identity.kind === "sim") {
    return JSON.stringify({ kind: "sim", lessonkit: lessonkitVersion(), profile: identity.profile, code: await simulatorFingerprint() });
  }
  return JSON.stringify({
    kind: "python",
    lessonkit: lessonkitVersion(),
    executable: identity.executable,
    version: identity.version,
    kernel: identity.kernel,
    ipython: identity.ipython ?? null,
    driver: await driverFingerprint(),
  });
}
