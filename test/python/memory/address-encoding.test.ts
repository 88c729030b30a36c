// PyObject keeps its address as a small integer relative to a memory window: every address a
// profile can hand out (arena blocks, static objects, large blocks, anything else) must read
// back exactly as it was set.
import { describe, expect, it } from "vitest";
import { PyObject } from "../../../src/python/runtime/object.js";
import type { PyType } from "../../../src/python/runtime/type.js";

function roundTrip(address: number): number {
  const object = new PyObject(null as unknown as PyType);
  object.address = address;
  return object.address;
}

describe("PyObject address storage", () => {
  it("reads 0 before an address is set and after 0 is set", () => {
    expect(new PyObject(null as unknown as PyType).address).toBe(0);
    expect(roundTrip(0)).toBe(0);
  });

  it("round-trips arena, static and large-block addresses", () => {
    const arena = 0x7f3c_5a40_0000;
    const staticRegion = 0x55d4_a8e0_0000;
    const large = 0x55d4_aa61_0000;
    for (const address of [arena, arena + 48, arena + 2 ** 31 - 16, staticRegion, staticRegion + 16, large + 4096, staticRegion + 2 ** 31 - 16]) {
      expect(roundTrip(address)).toBe(address);
    }
  });

  it("round-trips addresses outside both windows", () => {
    for (const address of [16, 0x7f3c_5a40_0000 - 16, 0x7f3c_5a40_0000 + 2 ** 31, 0x55d4_a8e0_0000 - 16, 0x55d4_a8e0_0000 + 2 ** 31 - 1, 2 ** 52]) {
      expect(roundTrip(address)).toBe(address);
    }
  });
});
