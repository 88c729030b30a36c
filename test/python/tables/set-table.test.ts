// Set table behaviours measured on real interpreters: growth points, dummy reuse, pop, equality calls.

import { describe, expect, it } from "vitest";
import { hashInt } from "../../../src/python/runtime/hashing/index.js";
import { setOps, setSizeof, SetTable } from "../../../src/python/runtime/tables/index.js";

const identity = (a: bigint, b: bigint): boolean => a === b;

function intSet(minor: number, values: readonly number[]): SetTable<bigint> {
  const table = SetTable.forVersion<bigint>({ major: 3, minor }, identity);
  for (const value of values) table.add(BigInt(value), hashInt(value));
  return table;
}

/** Table sizes reached while adding 0, 1, 2, ...: [count after which the size changed, size]. */
function growthPoints(minor: number): [number, number][] {
  const table = intSet(minor, []);
  const points: [number, number][] = [];
  let previous = 0;
  for (let value = 0; value < 200; value++) {
    table.add(BigInt(value), hashInt(value));
    if (table.mask + 1 !== previous) points.push([value + 1, table.mask + 1]);
    previous = table.mask + 1;
  }
  return points;
}

describe("SetTable", () => {
  it("grows at 2/3 full in 3.6 and 3/5 full from 3.7 (measured growth points)", () => {
    expect(growthPoints(6)).toEqual([[1, 8], [5, 32], [21, 128], [85, 512]]);
    for (const minor of [7, 9, 11, 13]) expect(growthPoints(minor)).toEqual([[1, 8], [5, 32], [19, 128], [77, 512]]);
  });

  it("reuses the first dummy (3.6), the last one (3.7, 3.8, 3.10+) or none (3.9) on add", () => {
    // {0, 8, 16, 3}, discard 0 and 8, add 24 then 32: measured list(s) per version.
    const expected = new Map([
      [6, [32, 3, 16, 24]],
      [7, [32, 24, 3, 16]],
      [8, [32, 24, 3, 16]],
      [9, [16, 32, 3, 24]],
      [10, [32, 24, 3, 16]],
      [13, [32, 24, 3, 16]],
    ]);
    for (const [minor, order] of expected) {
      const table = intSet(minor, [0, 8, 16, 3]);
      table.discard(0n, 0n);
      table.discard(8n, 8n);
      table.add(24n, 24n);
      table.add(32n, 32n);
      expect(table.keys(), `3.${minor}`).toEqual(order.map(BigInt));
    }
  });

  it("pops from the finger onward, leaving dummies, and reports an empty set", () => {
    const table = intSet(11, [5, 1, 7, 3]);
    expect([table.pop(), table.pop(), table.pop(), table.pop(), table.pop()]).toEqual([1n, 3n, 5n, 7n, undefined]);
    expect(table.layout()).toBe(".D.D.D.D");
    table.add(2n, 2n);
    // The finger stays after the last popped slot (8 & 7 = 0), so the next pop scans from 0.
    expect(table.pop()).toBe(2n);
  });

  it("calls equals only for equal hashes of different objects, stored key first", () => {
    const calls: [string, string][] = [];
    const table = SetTable.forVersion<{ name: string }>({ major: 3, minor: 12 }, (stored, probe) => {
      calls.push([stored.name, probe.name]);
      return stored.name === probe.name;
    });
    const first = { name: "x" };
    table.add(first, 7n);
    table.add(first, 7n);
    expect(calls).toEqual([]);
    expect(table.add({ name: "x" }, 7n)).toBe(false);
    expect(table.add({ name: "y" }, 7n)).toBe(true);
    expect(table.add({ name: "z" }, 15n)).toBe(true);
    expect(calls).toEqual([["x", "x"], ["x", "y"]]);
    expect(table.find({ name: "x" }, 7n)).toBe(first);
  });

  it("restarts a probe when equals replaced the table", () => {
    const table = SetTable.forVersion<bigint>({ major: 3, minor: 12 }, (stored, probe) => {
      if (stored === 1n) for (let value = 100n; value < 140n; value++) table.add(value, value);
      return stored === probe;
    });
    table.add(1n, 9n);
    expect(table.contains(2n, 9n)).toBe(false);
    expect(table.size).toBe(41);
    expect(table.mask).toBeGreaterThan(7);
  });

  it("copies a set slot for slot and builds a | b by merging b into a copy of a (measured on 3.12)", () => {
    const a = intSet(12, [0, 8, 16, 24]);
    const b = intSet(12, [5, 13]);
    expect(a.keys()).toEqual([0n, 8n, 16n, 24n]);
    expect(a.copy().layout()).toBe(a.layout());
    const union = setOps.union(a, b);
    expect(union.keys()).toEqual([0n, 16n, 5n, 8n, 24n, 13n]);
    expect(setSizeof(union)).toBe(472);
    expect(setOps.union(b, a).keys()).toEqual([0n, 16n, 5n, 8n, 24n, 13n]);
    expect(setOps.intersection(a, b).size).toBe(0);
  });

  it("hashes a frozenset from its entries, whatever the layout", () => {
    const a = intSet(11, [1, 2, 3]);
    const b = intSet(11, [3, 2, 1, 4]);
    b.discard(4n, 4n);
    expect(a.frozensetHash()).toBe(b.frozensetHash());
  });
});
