// Random op scenarios for sets, dicts and instance dicts, shared by the TS model and the oracle.

import { identifier, LATIN1, RandomSource } from "../hashing/random-source.js";

/** A key as the oracle sees it: a str or an int (decimal text, ints may exceed 2**53). */
export type TaggedKey = readonly ["s", string] | readonly ["i", string];

export type SetOp =
  | readonly ["new", string]
  | readonly ["add" | "discard", string, TaggedKey]
  | readonly ["pop" | "clear", string]
  | readonly ["display" | "displayVars" | "fromList" | "fromDict", string, readonly TaggedKey[]]
  | readonly ["copy" | "setOf", string, string]
  | readonly ["or" | "and" | "sub" | "xor", string, string, string]
  | readonly ["ior" | "iand" | "isub" | "ixor", string, string]
  | readonly [
      "updateList" | "differenceUpdateList" | "intersectionUpdateList" | "symmetricDifferenceUpdateList",
      string,
      readonly TaggedKey[],
    ]
  | readonly ["intersectionList" | "differenceList", string, string, readonly TaggedKey[]]
  | readonly ["updateDict" | "symmetricDifferenceUpdateDict", string, readonly TaggedKey[]]
  | readonly ["differenceDict", string, string, readonly TaggedKey[]];

export type DictOp =
  | readonly ["literal", string]
  | readonly ["display" | "displayVars" | "comp" | "pairs" | "fromkeysList" | "fromkeysSet", string, readonly TaggedKey[]]
  | readonly ["kw" | "kwSplat", string, readonly string[]]
  | readonly ["fromkeysDict" | "dictOf" | "copy" | "update", string, string]
  | readonly ["set" | "del" | "pop", string, TaggedKey]
  | readonly ["popitem" | "clear", string];

export type InstanceOp =
  | readonly ["class", string]
  | readonly ["new", string, string]
  | readonly ["setattr" | "delattr" | "dictSet", string, string]
  | readonly ["dict" | "dictCopy", string];

/** A pool of keys for one scenario: strs and ints chosen to collide in small tables. */
function keyPool(random: RandomSource): TaggedKey[] {
  const pool: TaggedKey[] = [];
  const seen = new Set<string>();
  const add = (key: TaggedKey): void => {
    const text = key.join(":");
    if (!seen.has(text)) {
      seen.add(text);
      pool.push(key);
    }
  };
  const size = random.int(4, 60);
  const style = random.int(0, 3);
  while (pool.length < size) {
    const choice = style === 0 ? 0 : style === 1 ? 1 : random.int(0, 4);
    if (choice === 0) add(["s", identifier(random)]);
    else if (choice === 1) add(["i", String(random.int(0, 7) + 8 * random.int(0, 12))]);
    else if (choice === 2) add(["i", String(random.int(-3, 3) * 2 ** random.int(3, 40))]);
    else if (choice === 3) add(["s", random.text(random.int(1, 3), LATIN1)]);
    else add(["i", random.bigInt(random.int(30, 90)).toString()]);
  }
  return pool;
}

function someKeys(random: RandomSource, pool: readonly TaggedKey[], max: number): TaggedKey[] {
  const count = random.int(0, max);
  return Array.from({ length: count }, () => random.pick(pool));
}

export function buildSetScenarios(seed: number, count: number): SetOp[][] {
  const random = new RandomSource(seed);
  const scenarios: SetOp[][] = [];
  for (let index = 0; index < count; index++) {
    const pool = keyPool(random);
    const names = ["a", "b", "c"];
    const ops: SetOp[] = names.map((name): SetOp => ["new", name]);
    const length = random.int(10, 70);
    for (let step = 0; step < length; step++) {
      const target = random.pick(names);
      const other = random.pick(names);
      const roll = random.int(0, 99);
      if (roll < 30) ops.push(["add", target, random.pick(pool)]);
      else if (roll < 45) ops.push(["discard", target, random.pick(pool)]);
      else if (roll < 50) ops.push(["pop", target]);
      else if (roll < 52) ops.push(["clear", target]);
      else if (roll < 60) ops.push([random.pick(["display", "displayVars", "fromList", "fromDict"] as const), target, someKeys(random, pool, 40)]);
      else if (roll < 66) ops.push([random.pick(["copy", "setOf"] as const), target, other]);
      else if (roll < 78) ops.push([random.pick(["or", "and", "sub", "xor"] as const), target, other, random.pick(names)]);
      else if (roll < 88) ops.push([random.pick(["ior", "iand", "isub", "ixor"] as const), target, other]);
      else if (roll < 92) {
        const kind = random.pick(["updateList", "differenceUpdateList", "intersectionUpdateList", "symmetricDifferenceUpdateList"] as const);
        ops.push([kind, target, someKeys(random, pool, 30)]);
      } else if (roll < 95) ops.push([random.pick(["updateDict", "symmetricDifferenceUpdateDict"] as const), target, someKeys(random, pool, 30)]);
      else if (roll < 97) ops.push(["differenceDict", target, other, someKeys(random, pool, 12)]);
      else ops.push([random.pick(["intersectionList", "differenceList"] as const), target, other, someKeys(random, pool, 30)]);
    }
    scenarios.push(ops);
  }
  return scenarios;
}

export function buildDictScenarios(seed: number, count: number): DictOp[][] {
  const random = new RandomSource(seed);
  const scenarios: DictOp[][] = [];
  for (let index = 0; index < count; index++) {
    const pool = keyPool(random);
    const names = ["d", "e", "f"];
    const ops: DictOp[] = names.map((name): DictOp => ["literal", name]);
    const length = random.int(10, 80);
    for (let step = 0; step < length; step++) {
      const target = random.pick(names);
      const other = random.pick(names);
      const roll = random.int(0, 99);
      if (roll < 35) ops.push(["set", target, random.pick(pool)]);
      else if (roll < 50) ops.push([random.pick(["del", "pop"] as const), target, random.pick(pool)]);
      else if (roll < 54) ops.push(["popitem", target]);
      else if (roll < 56) ops.push(["clear", target]);
      else if (roll < 70) {
        const kind = random.pick(["display", "displayVars", "comp", "pairs", "fromkeysList", "fromkeysSet"] as const);
        ops.push([kind, target, someKeys(random, pool, 45)]);
      } else if (roll < 76) {
        const count = random.int(0, 30);
        const keywordNames = [...new Set(Array.from({ length: count }, () => "k_" + identifier(random)))];
        ops.push([random.pick(["kw", "kwSplat"] as const), target, keywordNames]);
      } else ops.push([random.pick(["fromkeysDict", "dictOf", "copy", "update"] as const), target, other]);
    }
    scenarios.push(ops);
  }
  return scenarios;
}

export function buildInstanceScenarios(seed: number, count: number): InstanceOp[][] {
  const random = new RandomSource(seed);
  const scenarios: InstanceOp[][] = [];
  for (let index = 0; index < count; index++) {
    const attributeCount = random.pick([3, 8, 20, 40]);
    const attributes = [...new Set(Array.from({ length: attributeCount }, () => "a_" + identifier(random)))];
    const classes = ["C0", "C1"];
    const ops: InstanceOp[] = classes.map((name): InstanceOp => ["class", name]);
    const objects: string[] = [];
    const length = random.int(10, 90);
    // Instances usually get their attributes in the class's order, as __init__ sets them.
    const orderly = random.next() < 0.6;
    const progress = new Map<string, number>();
    for (let step = 0; step < length; step++) {
      const roll = random.int(0, 99);
      if (objects.length === 0 || roll < 12) {
        const name = `o${objects.length}`;
        objects.push(name);
        ops.push(["new", name, random.pick(classes)]);
        continue;
      }
      const object = random.pick(objects);
      if (roll < 70) {
        const next = progress.get(object) ?? 0;
        const attribute = orderly && random.next() < 0.9 ? attributes[next % attributes.length]! : random.pick(attributes);
        progress.set(object, next + 1);
        ops.push(["setattr", object, attribute]);
      } else if (roll < 76) ops.push(["delattr", object, random.pick(attributes)]);
      else if (roll < 80) ops.push(["dictSet", object, random.pick(attributes)]);
      else if (roll < 95) ops.push(["dict", object]);
      else ops.push(["dictCopy", object]);
    }
    for (const object of objects) ops.push(["dict", object]);
    scenarios.push(ops);
  }
  return scenarios;
}
