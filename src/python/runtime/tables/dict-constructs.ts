// Python-level ways of building a dict, as each version's compiler and ceval compose the primitives.

import type { HashVersion } from "../hashing/hash-rules.js";
import type { PyHash } from "../hashing/hash-value.js";
import type { DictKeyOps } from "./dict-keys.js";
import { DictTable } from "./dict-table.js";
import type { SetTable } from "./set-table.js";
import { dictRules } from "./table-rules.js";

/** One key: value pair with the key's hash. */
export interface HashedItem<K, V> {
  readonly key: K;
  readonly hash: PyHash;
  readonly value: V;
}

/** STACK_USE_GUIDELINE (3.10+): the compiler keeps at most this many values on the stack. */
const STACK_USE_GUIDELINE = 30;
/** Before 3.10 a BUILD_MAP chunk ends only at the largest oparg the compiler emits here. */
const MAX_CHUNK = 0xffff;

/**
 * `{k1: v1, k2: v2, ...}` without `**` unpacking. Each chunk is BUILD_MAP n or
 * BUILD_CONST_KEY_MAP n (both presize for n, then insert in order) or, from 3.10, BUILD_MAP 0
 * plus MAP_ADD for a chunk of more than 15 pairs; later chunks are merged by DICT_UPDATE.
 */
export function buildDictDisplay<K, V>(
  version: HashVersion,
  ops: DictKeyOps<K>,
  items: readonly HashedItem<K, V>[],
): DictTable<K, V> {
  const rules = dictRules(version);
  const chunks: (readonly HashedItem<K, V>[])[] = [];
  if (rules.displayChunking === "stack-guideline") {
    let elements = 0;
    for (let index = 0; index < items.length; index++) {
      if (elements * 2 > STACK_USE_GUIDELINE) {
        chunks.push(items.slice(index - elements, index + 1));
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements > 0) chunks.push(items.slice(items.length - elements));
  } else {
    for (let start = 0; start < items.length; start += MAX_CHUNK) chunks.push(items.slice(start, start + MAX_CHUNK));
  }
  if (chunks.length === 0) return DictTable.create(version, ops);
  let result: DictTable<K, V> | undefined;
  for (const chunk of chunks) {
    const built = buildChunk(version, ops, chunk, rules.displayChunking === "stack-guideline");
    if (result === undefined) result = built;
    else result.merge(built);
  }
  return result!;
}

function buildChunk<K, V>(
  version: HashVersion,
  ops: DictKeyOps<K>,
  chunk: readonly HashedItem<K, V>[],
  bigChunksAdd: boolean,
): DictTable<K, V> {
  const big = bigChunksAdd && chunk.length * 2 > STACK_USE_GUIDELINE;
  const allStr = chunk.every((item) => ops.strContent(item.key) !== undefined);
  const dict = big ? DictTable.create<K, V>(version, ops) : DictTable.presized<K, V>(version, ops, chunk.length, allStr);
  for (const item of chunk) dict.set(item.key, item.hash, item.value);
  return dict;
}

/**
 * `dict(a=1, b=2)` / `dict(**kw)`: up to 3.8 the call builds a presized kwargs dict that
 * `dict_init` merges into the new dict; from 3.9 `dict_vectorcall` inserts the keywords one by
 * one.
 */
export function buildDictFromKeywords<K, V>(
  version: HashVersion,
  ops: DictKeyOps<K>,
  items: readonly HashedItem<K, V>[],
): DictTable<K, V> {
  const rules = dictRules(version);
  const dict = DictTable.fromTypeCall<K, V>(version, ops);
  if (items.length === 0) return dict;
  if (rules.keywordsMergeDict) {
    const kwargs = DictTable.presized<K, V>(version, ops, items.length, true);
    for (const item of items) kwargs.set(item.key, item.hash, item.value);
    dict.merge(kwargs);
    return dict;
  }
  for (const item of items) dict.set(item.key, item.hash, item.value);
  return dict;
}

/** `dict(mapping)` for an exact dict: `dict_new` then `dict_merge`. */
export function buildDictFromDict<K, V>(version: HashVersion, source: DictTable<K, V>): DictTable<K, V> {
  const dict = DictTable.fromTypeCall<K, V>(version, source.ops);
  dict.merge(source);
  return dict;
}

/** `dict(iterable_of_pairs)`: `dict_new` then `PyDict_MergeFromSeq2` (plain inserts). */
export function buildDictFromPairs<K, V>(
  version: HashVersion,
  ops: DictKeyOps<K>,
  items: Iterable<HashedItem<K, V>>,
): DictTable<K, V> {
  const dict = DictTable.fromTypeCall<K, V>(version, ops);
  for (const item of items) dict.set(item.key, item.hash, item.value);
  return dict;
}

/** Where `dict.fromkeys` takes its keys from: it presizes for an exact dict or set. */
export type FromKeysSource<K> =
  | { readonly kind: "dict"; readonly dict: DictTable<K, unknown> }
  | { readonly kind: "set"; readonly set: SetTable<K> }
  | { readonly kind: "iterable"; readonly keys: Iterable<readonly [K, PyHash]> };

/** `dict.fromkeys(source, value)` called on `dict` itself. */
export function buildDictFromKeys<K, V>(
  version: HashVersion,
  ops: DictKeyOps<K>,
  source: FromKeysSource<K>,
  value: V,
): DictTable<K, V> {
  const dict = DictTable.fromTypeCall<K, V>(version, ops);
  if (source.kind === "dict") {
    const kind = source.dict.kind;
    dict.reserveForFromKeys(source.dict.size, kind === "unicode" || kind === "split" || kind === "empty");
    for (const [key, hash] of source.dict.entriesWithHashes()) dict.set(key, hash, value);
  } else if (source.kind === "set") {
    dict.reserveForFromKeys(source.set.size, false);
    for (const [key, hash] of source.set.entries()) dict.set(key, hash, value);
  } else {
    for (const [key, hash] of source.keys) dict.set(key, hash, value);
  }
  return dict;
}
