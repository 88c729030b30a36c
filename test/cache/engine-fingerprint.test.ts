// Engine fingerprints: a cached result is served only to exactly the same engine.
import { describe, expect, it } from "vitest";
import { engineFingerprint } from "../../src/cache/engine-fingerprint.js";

const python = { kind: "python", executable: "/opt/python3.11", version: "3.11.7", kernel: "ipython", ipython: "8.20.0" } as const;

describe("engineFingerprint", () => {
  it("is stable for the same engine", async () => {
    expect(await engineFingerprint(python)).toBe(await engineFingerprint({ ...python }));
  });

  it("differs by full version, executable, kernel and IPython version", async () => {
    const base = await engineFingerprint(python);
    const variants = [
      { ...python, version: "3.11.8" },
      { ...python, executable: "/usr/bin/python3.11" },
      { ...python, kernel: "emulated" as const, ipython: undefined },
      { ...python, ipython: "8.21.0" },
    ];
    for (const variant of variants) expect(await engineFingerprint(variant)).not.toBe(base);
  });

  it("differs by simulator profile", async () => {
    expect(await engineFingerprint({ kind: "sim", profile: "3.12" })).not.toBe(await engineFingerprint({ kind: "sim", profile: "3.13" }));
  });
});
