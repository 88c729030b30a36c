// sys.getsizeof of empty and small sets, dicts and instance dicts as FACTS §5 lists them per version.

import { describe, expect, it } from "vitest";
import { hashStr } from "../../../src/python/runtime/hashing/index.js";
import {
  buildDictDisplay,
  ClassKeysCache,
  DictTable,
  instanceDict,
  InstanceDictSlot,
  setSizeof,
  SetTable,
} from "../../../src/python/runtime/tables/index.js";
import { type Key, keyOps } from "./model-runner.js";

const MINORS = [6, 7, 8, 9, 10, 11, 12, 13] as const;
// FACTS.md §5, measured on 3.6.15 ... 3.13.0 (64-bit).
const EMPTY_DICT = [248, 248, 64, 64, 64, 64, 64, 64];
const ONE_ITEM_DICT = [248, 248, 232, 232, 232, 184, 184, 184];
const EMPTY_SET = [232, 232, 216, 216, 216, 216, 216, 216];
const INSTANCE_DICT = [120, 120, 104, 104, 104, 296, 296, 296];

describe("sys.getsizeof as in FACTS §5", () => {
  MINORS.forEach((minor, index) => {
    const version = { major: 3, minor };
    it(`3.${minor}: {}, {'a': 1}, set(), frozenset(), A().__dict__`, () => {
      expect(buildDictDisplay<Key, number>(version, keyOps, []).sizeof()).toBe(EMPTY_DICT[index]);
      const one = buildDictDisplay<Key, number>(version, keyOps, [{ key: "a", hash: hashStr("a", version), value: 1 }]);
      expect(one.sizeof()).toBe(ONE_ITEM_DICT[index]);
      expect(setSizeof(SetTable.forVersion<Key>(version, (a, b) => a === b))).toBe(EMPTY_SET[index]);

      const cache = ClassKeysCache.forVersion<Key, number>(version);
      cache.instanceCreated();
      expect(instanceDict(cache, new InstanceDictSlot(), keyOps).sizeof()).toBe(INSTANCE_DICT[index]);
    });
  });

  it("3.11+: each new instance shrinks the shared values of every materialised __dict__ by 8 bytes", () => {
    const version = { major: 3, minor: 11 };
    const cache = ClassKeysCache.forVersion<Key, number>(version);
    cache.instanceCreated();
    const first = instanceDict(cache, new InstanceDictSlot(), keyOps);
    cache.instanceCreated();
    expect(first.sizeof()).toBe(288);
    expect(DictTable.create<Key, number>(version, keyOps).sizeof()).toBe(64);
  });
});
