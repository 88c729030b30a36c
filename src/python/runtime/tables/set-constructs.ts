// Python-level ways of building a set, as each version's compiler and ceval do it.

import type { HashVersion } from "../hashing/hash-rules.js";
import type { DictTable } from "./dict-table.js";
import type { HashedKey } from "./set-operations.js";
import { type KeyEquals, SetTable } from "./set-table.js";

/** How a display's items were written, for `buildSetDisplay`. */
export interface SetDisplayOptions {
  /** Every item is a literal constant (the compiler may then fold the display). */
  readonly allConstant: boolean;
  /**
   * Whether `intern_string_constants`, run when the code object is made, replaced one of the
   * folded frozenset's strs by an equal str interned earlier (a different object). It then
   * rebuilds the frozenset once more from its own iteration order. Only the interning model
   * knows; by default any identifier-like str of two or more characters is assumed to have
   * been swapped, which is the common case for names already used in a session.
   */
  readonly internReplacedStr?: boolean;
}

/**
 * `{a, b, c}`. From 3.9 a display of more than two constants is BUILD_SET 0 + SET_UPDATE of a
 * constant frozenset, so the result is a `set_merge` copy of that frozenset. The compiler
 * builds the constant by adds in source order, `merge_consts_recursive` rebuilds it from its
 * own iteration order, and `intern_string_constants` may rebuild it once more (see
 * `internReplacedStr`). Otherwise (BUILD_SET n, SET_ADD) the items are added in source order.
 *
 * A frozenset constant loaded from a .pyc is rebuilt again by marshal (adds in the stored
 * order); this models source compiled in the session, as cells and the REPL are.
 */
export function buildSetDisplay<K>(
  version: HashVersion,
  equals: KeyEquals<K>,
  items: readonly HashedKey<K>[],
  options: SetDisplayOptions,
  strContent: (key: K) => string | undefined = () => undefined,
): SetTable<K> {
  const result = SetTable.forVersion<K>(version, equals);
  if (!(result.rules.constantDisplayMerges && options.allConstant && items.length > 2)) {
    for (const [key, hash] of items) result.add(key, hash);
    return result;
  }
  const replaced = options.internReplacedStr ?? items.some(([key]) => isIdentifierLike(strContent(key)));
  let constant = result.emptyLike();
  for (const [key, hash] of items) constant.add(key, hash);
  for (let rebuild = replaced ? 2 : 1; rebuild > 0; rebuild--) {
    const rebuilt = result.emptyLike();
    for (const [key, hash] of constant.entries()) rebuilt.add(key, hash);
    constant = rebuilt;
  }
  result.merge(constant);
  return result;
}

/**
 * A str codeobject.c would intern (`all_name_chars`: ASCII letters, digits, `_`) and that can
 * exist as two objects: '' and one-character strs are singletons, never swapped.
 */
function isIdentifierLike(text: string | undefined): boolean {
  return text !== undefined && /^[A-Za-z0-9_]{2,}$/.test(text);
}

/** `set(iterable)` / `frozenset(iterable)` for anything but a set or dict: adds in order. */
export function buildSetFromKeys<K>(version: HashVersion, equals: KeyEquals<K>, keys: Iterable<HashedKey<K>>): SetTable<K> {
  const result = SetTable.forVersion<K>(version, equals);
  for (const [key, hash] of keys) result.add(key, hash);
  return result;
}

/** `set(d)` / `s.update(d)` for an exact dict: one up-front resize, then the dict's keys. */
export function updateSetFromDict<K>(target: SetTable<K>, source: DictTable<K, unknown>): void {
  target.reserveFor(source.size);
  for (const [key, hash] of source.entriesWithHashes()) target.add(key, hash);
}
