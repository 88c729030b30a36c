// Runs the op scenarios on the TS tables, producing snapshots shaped like the oracle's.

import { hashInt, hashStr, type HashVersion, type PyHash } from "../../../src/python/runtime/hashing/index.js";
import {
  buildDictDisplay,
  buildDictFromDict,
  buildDictFromKeys,
  buildDictFromKeywords,
  buildDictFromPairs,
  buildSetDisplay,
  buildSetFromKeys,
  ClassKeysCache,
  deleteInstanceAttribute,
  DictTable,
  type DictKeyOps,
  type HashedItem,
  type HashedKey,
  instanceDict,
  InstanceDictSlot,
  setInstanceAttribute,
  setOps,
  setSizeof,
  SetTable,
  updateSetFromDict,
} from "../../../src/python/runtime/tables/index.js";
import type { DictOp, InstanceOp, SetOp, TaggedKey } from "./scenarios.js";

/** A Python key in the model: a str is a JS string, an int a bigint (=== compares values). */
export type Key = string | bigint;

export interface SetSnapshot {
  keys: TaggedKey[];
  size: number;
  /** Active plus dummy slots, and the table mask (read with ctypes on the CPython side). */
  fill: number;
  mask: number;
  popped: TaggedKey | null;
  /**
   * For a constant display (3.9+), whether CPython's interning rebuilt the folded frozenset
   * once more (the oracle works it out; the model takes it as input, as the simulator will
   * take it from its interning model). Null when both layouts agree or not a display.
   */
  hint: boolean | null;
}

export interface DictSnapshot {
  items: [TaggedKey, number][];
  size: number;
  /** dk_usable and dk_nentries of the keys object (ctypes on the CPython side). */
  usable: number;
  nentries: number;
  result: number | [TaggedKey, number] | null;
}

export interface InstanceSnapshot {
  items: [string, number][];
  size: number;
}

const equals = (stored: Key, probe: Key): boolean => stored === probe;
export const keyOps: DictKeyOps<Key> = {
  equals,
  strContent: (key) => (typeof key === "string" ? key : undefined),
};

function decode(key: TaggedKey): Key {
  return key[0] === "s" ? key[1] : BigInt(key[1]);
}

function encode(key: Key): TaggedKey {
  return typeof key === "string" ? ["s", key] : ["i", key.toString()];
}

function hashOf(key: Key, version: HashVersion): PyHash {
  return typeof key === "string" ? hashStr(key, version) : hashInt(key);
}

function hashed(keys: readonly TaggedKey[], version: HashVersion): HashedKey<Key>[] {
  return keys.map((tagged) => {
    const key = decode(tagged);
    return [key, hashOf(key, version)] as const;
  });
}

/** `{k: None for k in keys}`: a dict in first-occurrence order. */
function dictOfKeys(version: HashVersion, keys: readonly TaggedKey[]): DictTable<Key, null> {
  const dict = DictTable.create<Key, null>(version, keyOps);
  for (const [key, hash] of hashed(keys, version)) dict.set(key, hash, null);
  return dict;
}

function lookup<T>(env: Map<string, T>, name: string): T {
  const value = env.get(name);
  if (value === undefined) throw new Error(`scenario uses ${name} before defining it`);
  return value;
}

export function runSetScenario(
  version: HashVersion,
  ops: readonly SetOp[],
  hints: readonly (boolean | null)[] = [],
): SetSnapshot[] {
  const env = new Map<string, SetTable<Key>>();
  const snapshots: SetSnapshot[] = [];
  ops.forEach((op, step) => {
    let popped: TaggedKey | null = null;
    const hint = hints[step] ?? null;
    switch (op[0]) {
      case "new":
        env.set(op[1], SetTable.forVersion<Key>(version, equals));
        break;
      case "add":
      case "discard": {
        const key = decode(op[2]);
        const table = lookup(env, op[1]);
        if (op[0] === "add") table.add(key, hashOf(key, version));
        else table.discard(key, hashOf(key, version));
        break;
      }
      case "pop": {
        const key = lookup(env, op[1]).pop();
        popped = key === undefined ? null : encode(key);
        break;
      }
      case "clear":
        lookup(env, op[1]).clear();
        break;
      case "display":
      case "displayVars": {
        const options = { allConstant: op[0] === "display", ...(hint === null ? {} : { internReplacedStr: hint }) };
        env.set(op[1], buildSetDisplay(version, equals, hashed(op[2], version), options, keyOps.strContent));
        break;
      }
      case "fromList":
        env.set(op[1], buildSetFromKeys(version, equals, hashed(op[2], version)));
        break;
      case "fromDict": {
        const table = SetTable.forVersion<Key>(version, equals);
        updateSetFromDict(table, dictOfKeys(version, op[2]));
        env.set(op[1], table);
        break;
      }
      case "updateDict":
        updateSetFromDict(lookup(env, op[1]), dictOfKeys(version, op[2]));
        break;
      case "symmetricDifferenceUpdateDict": {
        const dict = dictOfKeys(version, op[2]);
        const keys = [...dict.entriesWithHashes()].map(([key, hash]) => [key, hash] as const);
        setOps.symmetricDifferenceUpdateWithKeys(lookup(env, op[1]), keys, false);
        break;
      }
      case "differenceDict":
        env.set(op[1], setOps.differenceWithLookup(lookup(env, op[2]), dictOfKeys(version, op[3])));
        break;
      case "copy":
      case "setOf":
        env.set(op[1], lookup(env, op[2]).copy());
        break;
      case "or":
        env.set(op[1], setOps.union(lookup(env, op[2]), lookup(env, op[3])));
        break;
      case "and":
        env.set(op[1], setOps.intersection(lookup(env, op[2]), lookup(env, op[3])));
        break;
      case "sub":
        env.set(op[1], setOps.difference(lookup(env, op[2]), lookup(env, op[3])));
        break;
      case "xor":
        env.set(op[1], setOps.symmetricDifference(lookup(env, op[2]), lookup(env, op[3])));
        break;
      case "ior":
        lookup(env, op[1]).merge(lookup(env, op[2]));
        break;
      case "iand":
        setOps.intersectionUpdate(lookup(env, op[1]), lookup(env, op[2]));
        break;
      case "isub":
        setOps.differenceUpdate(lookup(env, op[1]), lookup(env, op[2]));
        break;
      case "ixor":
        setOps.symmetricDifferenceUpdate(lookup(env, op[1]), lookup(env, op[2]));
        break;
      case "updateList": {
        const table = lookup(env, op[1]);
        for (const [key, hash] of hashed(op[2], version)) table.add(key, hash);
        break;
      }
      case "differenceUpdateList":
        setOps.differenceUpdateWithKeys(lookup(env, op[1]), hashed(op[2], version));
        break;
      case "intersectionUpdateList":
        setOps.intersectionUpdateWithKeys(lookup(env, op[1]), hashed(op[2], version));
        break;
      case "symmetricDifferenceUpdateList":
        setOps.symmetricDifferenceUpdateWithKeys(lookup(env, op[1]), hashed(op[2], version), true);
        break;
      case "intersectionList":
        env.set(op[1], setOps.intersectionWithKeys(lookup(env, op[2]), hashed(op[3], version)));
        break;
      case "differenceList":
        env.set(op[1], setOps.differenceWithKeys(lookup(env, op[2]), hashed(op[3], version)));
        break;
    }
    const target = lookup(env, op[1]);
    snapshots.push({ keys: target.keys().map(encode), size: setSizeof(target), fill: target.fill, mask: target.mask, popped, hint });
  });
  return snapshots;
}

function items(keys: readonly TaggedKey[], version: HashVersion): HashedItem<Key, number>[] {
  return hashed(keys, version).map(([key, hash], index) => ({ key, hash, value: index }));
}

export function runDictScenario(version: HashVersion, ops: readonly DictOp[]): DictSnapshot[] {
  const env = new Map<string, DictTable<Key, number>>();
  const snapshots: DictSnapshot[] = [];
  ops.forEach((op, step) => {
    let result: DictSnapshot["result"] = null;
    switch (op[0]) {
      case "literal":
        env.set(op[1], DictTable.create(version, keyOps));
        break;
      case "display":
      case "displayVars":
        env.set(op[1], buildDictDisplay(version, keyOps, items(op[2], version)));
        break;
      case "comp": {
        const dict = DictTable.create<Key, number>(version, keyOps);
        for (const item of items(op[2], version)) dict.set(item.key, item.hash, item.value);
        env.set(op[1], dict);
        break;
      }
      case "pairs":
        env.set(op[1], buildDictFromPairs(version, keyOps, items(op[2], version)));
        break;
      case "kw":
      case "kwSplat": {
        const named = op[2].map((name, index) => ({ key: name as Key, hash: hashStr(name, version), value: index }));
        env.set(op[1], buildDictFromKeywords(version, keyOps, named));
        break;
      }
      case "fromkeysList":
        env.set(op[1], buildDictFromKeys(version, keyOps, { kind: "iterable", keys: hashed(op[2], version) }, 0));
        break;
      case "fromkeysSet": {
        const set = buildSetFromKeys(version, equals, hashed(op[2], version));
        env.set(op[1], buildDictFromKeys(version, keyOps, { kind: "set", set }, 0));
        break;
      }
      case "fromkeysDict":
        env.set(op[1], buildDictFromKeys(version, keyOps, { kind: "dict", dict: lookup(env, op[2]) }, 0));
        break;
      case "dictOf":
        env.set(op[1], buildDictFromDict(version, lookup(env, op[2])));
        break;
      case "copy":
        env.set(op[1], lookup(env, op[2]).copy());
        break;
      case "update":
        lookup(env, op[1]).merge(lookup(env, op[2]));
        break;
      case "set": {
        const key = decode(op[2]);
        lookup(env, op[1]).set(key, hashOf(key, version), step);
        break;
      }
      case "del":
      case "pop": {
        const key = decode(op[2]);
        const removed = lookup(env, op[1]).delete(key, hashOf(key, version));
        if (op[0] === "pop") result = removed ?? null;
        break;
      }
      case "popitem": {
        const item = lookup(env, op[1]).popItem();
        result = item === undefined ? null : [encode(item[0]), item[1]];
        break;
      }
      case "clear":
        lookup(env, op[1]).clear();
        break;
    }
    const target = lookup(env, op[1]);
    snapshots.push({
      items: [...target].map(([key, value]) => [encode(key), value]),
      size: target.sizeof(),
      usable: target.usable,
      nentries: target.entryCount,
      result,
    });
  });
  return snapshots;
}

export function runInstanceScenario(version: HashVersion, ops: readonly InstanceOp[]): InstanceSnapshot[] {
  const classes = new Map<string, ClassKeysCache<Key, number>>();
  const objects = new Map<string, { cache: ClassKeysCache<Key, number>; slot: InstanceDictSlot<Key, number> }>();
  const snapshots: InstanceSnapshot[] = [];
  const snapshot = (dict: DictTable<Key, number>): void => {
    snapshots.push({ items: [...dict].map(([key, value]) => [key as string, value]), size: dict.sizeof() });
  };
  ops.forEach((op, step) => {
    switch (op[0]) {
      case "class":
        classes.set(op[1], ClassKeysCache.forVersion(version));
        break;
      case "new": {
        const cache = lookup(classes, op[2]);
        cache.instanceCreated();
        objects.set(op[1], { cache, slot: new InstanceDictSlot() });
        break;
      }
      case "setattr":
      case "delattr":
      case "dictSet": {
        const { cache, slot } = lookup(objects, op[1]);
        const hash = hashStr(op[2], version);
        if (op[0] === "setattr") setInstanceAttribute(cache, slot, keyOps, op[2], hash, step);
        else if (op[0] === "delattr") deleteInstanceAttribute(cache, slot, keyOps, op[2], hash);
        else instanceDict(cache, slot, keyOps).set(op[2], hash, step);
        break;
      }
      case "dict":
      case "dictCopy": {
        const { cache, slot } = lookup(objects, op[1]);
        const dict = instanceDict(cache, slot, keyOps);
        if (op[0] === "dict") {
          snapshot(dict);
        } else {
          // The copy is a temporary: CPython frees it right after, giving back its share of
          // the keys table.
          const copy = dict.copy();
          snapshot(copy);
          copy.dispose();
        }
        break;
      }
    }
  });
  return snapshots;
}
