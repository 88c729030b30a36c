// Dict table behaviours measured on real interpreters: order, churn resizes, kinds, copies, instances.

import { describe, expect, it } from "vitest";
import { hashInt, hashStr } from "../../../src/python/runtime/hashing/index.js";
import {
  ClassKeysCache,
  deleteInstanceAttribute,
  DictTable,
  instanceDict,
  InstanceDictSlot,
  setInstanceAttribute,
} from "../../../src/python/runtime/tables/index.js";
import { type Key, keyOps } from "./model-runner.js";

function version(minor: number): { major: number; minor: number } {
  return { major: 3, minor };
}

function setStr(dict: DictTable<Key, number>, key: string, value: number, minor: number): void {
  dict.set(key, hashStr(key, version(minor)), value);
}

function deleteStr(dict: DictTable<Key, number>, key: string, minor: number): number | undefined {
  return dict.delete(key, hashStr(key, version(minor)));
}

describe("DictTable", () => {
  it("keeps insertion order: a re-set key keeps its place, a re-inserted one goes last", () => {
    const dict = DictTable.create<Key, number>(version(12), keyOps);
    for (const [index, key] of ["a", "b", "c", "d"].entries()) setStr(dict, key, index, 12);
    setStr(dict, "b", 10, 12);
    deleteStr(dict, "a", 12);
    setStr(dict, "a", 11, 12);
    expect([...dict]).toEqual([["b", 10], ["c", 2], ["d", 3], ["a", 11]]);
    expect(dict.entryCount).toBe(5);
  });

  it("grows by used*3 with 3.10's bit-length rounding when deletions use up the entries", () => {
    // d = {'x': 1}; then 12 times: d[k] = 1; del d[k] (measured sizes).
    const churn = (minor: number): number[] => {
      const dict = DictTable.create<Key, number>(version(minor), keyOps);
      setStr(dict, "x", 1, minor);
      return Array.from({ length: 12 }, (_, index) => {
        setStr(dict, `k${index}`, 1, minor);
        deleteStr(dict, `k${index}`, minor);
        return dict.sizeof();
      });
    };
    expect(churn(9)).toEqual(Array(12).fill(232));
    expect(churn(10)).toEqual([232, 232, 232, 232, ...Array(8).fill(360)]);
    expect(churn(11)).toEqual([184, 184, 184, 184, ...Array(8).fill(272)]);
  });

  it("3.11+: a non-str key turns a str-only table general through a resize", () => {
    for (const minor of [11, 12, 13]) {
      const dict = DictTable.create<Key, number>(version(minor), keyOps);
      setStr(dict, "a", 1, minor);
      expect(dict.kind).toBe("unicode");
      dict.set(1n, hashInt(1), 2);
      expect(dict.kind).toBe("general");
      expect(dict.sizeof()).toBe(352);
    }
  });

  it("pops items last-in first-out and appends after the popped slot", () => {
    const dict = DictTable.create<Key, number>(version(11), keyOps);
    for (const [index, key] of ["a", "b", "c"].entries()) setStr(dict, key, index + 1, 11);
    expect(dict.popItem()).toEqual(["c", 3]);
    setStr(dict, "q", 4, 11);
    expect(dict.keysInOrder()).toEqual(["a", "b", "q"]);
    expect(dict.sizeof()).toBe(184);
    expect(DictTable.create<Key, number>(version(11), keyOps).popItem()).toBeUndefined();
  });

  it("clones on copy from 3.7 when at most a third of the entries are holes", () => {
    const sparseCopy = (minor: number): [number, number] => {
      const dict = DictTable.create<Key, number>(version(minor), keyOps);
      for (let index = 0; index < 8; index++) setStr(dict, `k${index}`, index, minor);
      for (let index = 0; index < 3; index++) deleteStr(dict, `k${index}`, minor);
      return [dict.sizeof(), dict.copy().sizeof()];
    };
    expect(sparseCopy(6)).toEqual([376, 248]);
    expect(sparseCopy(7)).toEqual([376, 376]);
    expect(sparseCopy(12)).toEqual([272, 272]);
  });

  it("looks a str key up without a hash while the table holds only strs", () => {
    const dict = DictTable.create<Key, number>(version(12), keyOps);
    setStr(dict, "spam", 1, 12);
    expect(dict.get("spam")).toBe(1);
    expect(dict.get("eggs")).toBeUndefined();
    dict.set(3n, hashInt(3), 4);
    expect(() => dict.get("spam")).toThrow(TypeError);
    expect(dict.get("spam", hashStr("spam", version(12)))).toBe(1);
  });

  it("clears to the shared empty keys, which getsizeof does not count", () => {
    for (const [minor, size] of [[6, 80], [8, 64], [12, 64]] as const) {
      const dict = DictTable.create<Key, number>(version(minor), keyOps);
      setStr(dict, "a", 1, minor);
      dict.clear();
      expect(dict.sizeof()).toBe(size);
    }
  });
});

describe("instance dicts", () => {
  /** r1.a, r1.b then r2.b, r2.a on two instances of one class: sizes of r1 and r2's dicts. */
  function disagreeingOrder(minor: number): [number, number, Key[]] {
    const cache = ClassKeysCache.forVersion<Key, number>(version(minor));
    const r1 = new InstanceDictSlot<Key, number>();
    const r2 = new InstanceDictSlot<Key, number>();
    const set = (slot: InstanceDictSlot<Key, number>, name: string, value: number): void =>
      setInstanceAttribute(cache, slot, keyOps, name, hashStr(name, version(minor)), value);
    cache.instanceCreated();
    set(r1, "a", 1);
    set(r1, "b", 2);
    cache.instanceCreated();
    set(r2, "b", 1);
    set(r2, "a", 2);
    const d2 = instanceDict(cache, r2, keyOps);
    return [instanceDict(cache, r1, keyOps).sizeof(), d2.sizeof(), d2.keysInOrder()];
  }

  it("stops sharing keys when instances disagree on order (up to 3.10), not from 3.11", () => {
    expect(disagreeingOrder(6)).toEqual([288, 248, ["b", "a"]]);
    expect(disagreeingOrder(8)).toEqual([272, 232, ["b", "a"]]);
    expect(disagreeingOrder(11)).toEqual([288, 288, ["b", "a"]]);
  });

  it("grows a lone instance's split table while it stays shared (3.8) and turns combined past 30 names (3.11)", () => {
    const sizes = (minor: number, count: number): number[] => {
      const cache = ClassKeysCache.forVersion<Key, number>(version(minor));
      cache.instanceCreated();
      const slot = new InstanceDictSlot<Key, number>();
      const dict = instanceDict(cache, slot, keyOps);
      const seen: number[] = [dict.sizeof()];
      for (let index = 0; index < count; index++) {
        setInstanceAttribute(cache, slot, keyOps, `a${index}`, hashStr(`a${index}`, version(minor)), index);
        seen.push(instanceDict(cache, slot, keyOps).sizeof());
      }
      return [...new Set(seen)];
    };
    expect(sizes(8, 40)).toEqual([104, 144, 232, 400]);
    expect(sizes(11, 40)).toEqual([296, 1584]);
  });

  it("combines a split dict on delete up to 3.10 and keeps it split from 3.11", () => {
    for (const [minor, size] of [[8, 232], [10, 232], [11, 296], [13, 296]] as const) {
      const cache = ClassKeysCache.forVersion<Key, number>(version(minor));
      cache.instanceCreated();
      const slot = new InstanceDictSlot<Key, number>();
      setInstanceAttribute(cache, slot, keyOps, "a", hashStr("a", version(minor)), 1);
      expect(deleteInstanceAttribute(cache, slot, keyOps, "a", hashStr("a", version(minor)))).toBe(true);
      expect(deleteInstanceAttribute(cache, slot, keyOps, "a", hashStr("a", version(minor)))).toBe(false);
      expect(instanceDict(cache, slot, keyOps).sizeof()).toBe(size);
    }
  });

  it("gives back a dead copy's share of the keys (dispose), so the owner counts them again", () => {
    const cache = ClassKeysCache.forVersion<Key, number>(version(8));
    const slot = new InstanceDictSlot<Key, number>();
    setInstanceAttribute(cache, slot, keyOps, "t", hashStr("t", version(8)), 1);
    deleteInstanceAttribute(cache, slot, keyOps, "v", hashStr("v", version(8)));
    const dict = instanceDict(cache, slot, keyOps);
    expect(dict.sizeof()).toBe(272);
    const copy = dict.copy();
    expect(dict.sizeof()).toBe(104);
    copy.dispose();
    expect(dict.sizeof()).toBe(272);
  });
});
