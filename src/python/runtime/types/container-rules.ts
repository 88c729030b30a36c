// What differs in listobject.c, tupleobject.c, the iterators and their messages, one record per version.
//
// Every entry was measured on the real interpreters 3.6–3.13 (sys.getsizeof after each kind of
// growth, type names, error texts); 3.14 follows the 3.13 sources unless noted.
import type { Profile } from "../../profiles/profile.js";
import { rt } from "../state.js";

export interface ListRules {
  /**
   * `list_resize` over-allocation: "classic" (≤3.8) `n + (n >> 3) + (n < 9 ? 3 : 6)`;
   * "rounded" (3.9+) `(n + (n >> 3) + 6) & ~3`, or `(n + 3) & ~3` when the jump from the
   * current size is larger than the padding.
   */
  readonly resize: "classic" | "rounded";
  /** `list_preallocate_exact`: absent (3.6/3.7), exact (3.8/3.9), rounded up to even (3.10+). */
  readonly preallocate: "none" | "exact" | "even";
  /** 3.8/3.9: `list.__init__` preallocates exactly for arguments with `__len__` (called first). */
  readonly initPreallocatesSized: boolean;
  /** 3.10+: `list_extend` into a list without an item buffer preallocates exactly. */
  readonly extendPreallocatesEmpty: boolean;
  /** 3.13+: `list_extend` of an exact set, dict or dict view resizes once for all its items. */
  readonly extendFromSetsAndDicts: boolean;
  /** 3.12+: popping the last item clears the list (frees the buffer) instead of resizing to 0. */
  readonly popToEmptyClears: boolean;
  /** ≤3.12: `del l[i]` goes through `list_ass_slice` (resizes); 3.13+ only shifts the items. */
  readonly deleteItemResizes: boolean;
  /**
   * 3.13+: `l[i:j] = value` turns the value into a sequence ("must assign iterable to extended
   * slice") before the indices are adjusted; earlier, list_ass_slice does ("can only assign an
   * iterable").
   */
  readonly sliceAssignmentParsesValueFirst: boolean;
  /** 3.9+: `x in seq` compares `item == x` (the item's __eq__ first); ≤3.8 `x == item`. */
  readonly containsComparesItemFirst: boolean;
  /** 3.7+: `==` between items (in, count, index, remove, list comparison) runs with them held. */
  readonly holdsItemsWhileComparing: boolean;
}

export interface IteratorRules {
  /** 3.11+: `iter(s)` of an ASCII str is a `str_ascii_iterator`. */
  readonly asciiStrIterator: boolean;
  /** 3.8+: dicts and their views are reversible. */
  readonly reversibleDicts: boolean;
  /** 3.10+: `zip(..., strict=True)`. */
  readonly zipStrict: boolean;
  /** tp_basicsize of enumerate (3.11 added a cached `1`), zip (3.10 added `strict`), range iterators. */
  readonly enumerateSize: number;
  readonly zipSize: number;
  /** rangeiterobject: index/start/step/len longs until 3.11; start/step/len from 3.12. */
  readonly rangeIteratorSize: number;
}

export interface MessageRules {
  /** 3.6: `list() takes at most 1 argument (2 given)`; 3.7: `... at most 1 arguments, got 2`. */
  readonly atMostArgs: "takes" | "expected-plural" | "expected";
  /** ≤3.13: `x is not in list` with the repr; 3.14: `list.index(x): x not in list`. */
  readonly listIndexNamesValue: boolean;
  /** 3.6: `list.sort(1)` says "must use keyword argument for key function". */
  readonly sortPositionalMessage: string;
  /** How a keyword-less builtin names itself: 3.6 "this function", later the function name. */
  readonly invalidKeywordTarget: "this function" | "named";
  /** 3.6: builtin type constructors reject keywords as "'x' is an invalid keyword argument for this function". */
  readonly constructorKeywordStyle: "invalid-keyword" | "takes-no-keyword";
  /** 3.12+: slices are hashable. */
  readonly hashableSlices: boolean;
}

export interface ContainerRules {
  readonly list: ListRules;
  readonly iterators: IteratorRules;
  readonly messages: MessageRules;
}

const rulesByMinor: ContainerRules[] = [];

for (let minor = 6; minor <= 14; minor++) {
  rulesByMinor[minor] = {
    list: {
      resize: minor <= 8 ? "classic" : "rounded",
      preallocate: minor <= 7 ? "none" : minor <= 9 ? "exact" : "even",
      initPreallocatesSized: minor === 8 || minor === 9,
      extendPreallocatesEmpty: minor >= 10,
      extendFromSetsAndDicts: minor >= 13,
      popToEmptyClears: minor >= 12,
      deleteItemResizes: minor <= 12,
      sliceAssignmentParsesValueFirst: minor >= 13,
      containsComparesItemFirst: minor >= 9,
      holdsItemsWhileComparing: minor >= 7,
    },
    iterators: {
      asciiStrIterator: minor >= 11,
      reversibleDicts: minor >= 8,
      zipStrict: minor >= 10,
      enumerateSize: minor >= 11 ? 56 : 48,
      zipSize: minor >= 10 ? 48 : 40,
      rangeIteratorSize: minor >= 12 ? 40 : 48,
    },
    messages: {
      atMostArgs: minor === 6 ? "takes" : minor <= 7 ? "expected-plural" : "expected",
      listIndexNamesValue: minor <= 13,
      sortPositionalMessage: minor === 6 ? "must use keyword argument for key function" : "sort() takes no positional arguments",
      invalidKeywordTarget: minor === 6 ? "this function" : "named",
      constructorKeywordStyle: minor === 6 ? "invalid-keyword" : "takes-no-keyword",
      hashableSlices: minor >= 12,
    },
  };
}

const cache = new WeakMap<Profile, ContainerRules>();

/** The container rules of a profile. */
export function containerRulesFor(profile: Profile): ContainerRules {
  let rules = cache.get(profile);
  if (rules === undefined) {
    rules = rulesByMinor[profile.minor];
    if (rules === undefined) throw new RangeError(`no container rules for Python ${profile.key} (3.6–3.14 known)`);
    cache.set(profile, rules);
  }
  return rules;
}

/** The container rules of the running interpreter. */
export function containerRules(): ContainerRules {
  return containerRulesFor(rt.profile);
}
