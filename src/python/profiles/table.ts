// The per-version data: one Profile record for each CPython 3.6–3.14 (FACTS key table).
import type { ObjectSizes, Profile, ProfileKey } from "./profile.js";
import { PROFILE_KEYS } from "./profile.js";
import { LIBRARY_DIGIT_NAMES_313, STARTUP_IMMORTAL_NAMES_313 } from "./interned-names-313.js";

/** FACTS §1.4: order-of-magnitude counts before user code runs (≤3.11 show real counts). */
function baseRefcounts(none: number, trueCount: number, falseCount: number, emptyTuple: number, emptyStr: number, typeCount: number) {
  return { None: none, True: trueCount, False: falseCount, Ellipsis: 6, NotImplemented: 6, smallInt: 20, emptyTuple, emptyStr, char: 5, type: typeCount };
}

const SIZES_36: ObjectSizes = {
  gcHeader: 32,
  managedPreHeader: 0,
  managedWeakref: false,
  managedDictForVariableSize: false,
  zeroIntSize: 24,
  asciiStrHeader: 48,
  compactStrHeader: 72,
  instance: 64,
  slotsInstanceOneSlot: 56,
  emptySet: 232,
};
const SIZES_38: ObjectSizes = { ...SIZES_36, gcHeader: 16, instance: 48, slotsInstanceOneSlot: 40, emptySet: 216 };
const SIZES_311: ObjectSizes = { ...SIZES_38, managedPreHeader: 16, zeroIntSize: 28, instance: 56 };
const SIZES_312: ObjectSizes = { ...SIZES_311, managedWeakref: true, managedDictForVariableSize: true, asciiStrHeader: 40, compactStrHeader: 56, instance: 48 };

/** The kernel's interned names as measured on 3.13.0 (scripts/interned-names-313.py); no other version was measured. */
const KERNEL_NAMES_313 = { atStartup: STARTUP_IMMORTAL_NAMES_313, libraryDigitNames: LIBRARY_DIGIT_NAMES_313 };

/** 3.13+ (see TrashcanModel): CPython's budget is ~10 000 C frames; a JavaScript stack holds ~1 000 deallocations. */
const HEADROOM_TRASHCAN = { style: "headroom", depthLimit: 1000, headroom: 50 } as const;

const BASE: Omit<Profile, "key" | "minor" | "patchVersion"> = {
  major: 3,
  measured: true,
  frameStealsArguments: false,
  borrowedLocalLoads: false,
  loadMethod: true,
  immortality: { kind: "none" },
  interning: "counted",
  kernelNames: KERNEL_NAMES_313,
  separateOneCharIdentifiers: "",
  baseRefcounts: baseRefcounts(4000, 110, 120, 1250, 64, 70),
  strConcatInPlace: true,
  gcThresholds: [700, 10, 10],
  instanceDict: "dict",
  intrusiveFreeLists: false,
  folding: "ast",
  maxFoldedStrLength: 4096,
  maxFoldedTupleLength: 256,
  mergeConstantsAcrossCodeObjects: true,
  unusedConstants: "removed",
  constantDisplays: true,
  functionConstsLeadingNone: true,
  loadSmallInt: false,
  buildConstKeyMap: true,
  annotations: "tuple",
  compileWarnings: "untyped",
  trashcan: { style: "nesting", unwindLevel: 50 },
  sizes: SIZES_38,
  pymallocAlignment: 16,
  poolSize: 16384,
  stringHash: "siphash24",
};

const PROFILES: ReadonlyMap<ProfileKey, Profile> = new Map<ProfileKey, Profile>([
  [
    "3.6",
    {
      ...BASE,
      key: "3.6",
      minor: 6,
      patchVersion: 15,
      loadMethod: false,
      baseRefcounts: baseRefcounts(1520, 117, 129, 1347, 166, 69),
      folding: "peephole",
      maxFoldedStrLength: 20,
      maxFoldedTupleLength: 20,
      mergeConstantsAcrossCodeObjects: false,
      constantDisplays: false,
      annotations: "dict",
      compileWarnings: "none",
      unusedConstants: "kept",
      sizes: SIZES_36,
      pymallocAlignment: 8,
      poolSize: 4096,
    },
  ],
  [
    "3.7",
    {
      ...BASE,
      key: "3.7",
      minor: 7,
      patchVersion: 16,
      baseRefcounts: baseRefcounts(4300, 108, 119, 1231, 62, 69),
      mergeConstantsAcrossCodeObjects: false,
      constantDisplays: false,
      annotations: "dict",
      compileWarnings: "none",
      unusedConstants: "kept",
      sizes: SIZES_36,
      pymallocAlignment: 8,
      poolSize: 4096,
    },
  ],
  ["3.8", { ...BASE, key: "3.8", minor: 8, patchVersion: 18, unusedConstants: "kept", constantDisplays: false, annotations: "dict", poolSize: 4096 }],
  ["3.9", { ...BASE, key: "3.9", minor: 9, patchVersion: 18, unusedConstants: "kept", annotations: "dict", poolSize: 4096 }],
  ["3.10", { ...BASE, key: "3.10", minor: 10, patchVersion: 13, unusedConstants: "trailingTrimmed", baseRefcounts: baseRefcounts(4180, 118, 120, 1413, 66, 70) }],
  [
    "3.11",
    {
      ...BASE,
      key: "3.11",
      minor: 11,
      patchVersion: 7,
      unusedConstants: "trailingTrimmed",
      frameStealsArguments: true,
      immortality: { kind: "static-base", base: 999_999_999 },
      baseRefcounts: baseRefcounts(5547, 411, 395, 559, 150, 100),
      separateOneCharIdentifiers: "BCLST_abcdefhijklmnopqrstvwxy",
      strConcatInPlace: false,
      instanceDict: "inline-then-dict",
      sizes: SIZES_311,
      stringHash: "siphash13",
    },
  ],
  [
    "3.12",
    {
      ...BASE,
      key: "3.12",
      compileWarnings: "typed",
      minor: 12,
      patchVersion: 1,
      frameStealsArguments: true,
      immortality: { kind: "fixed", reported: 4_294_967_295, memoryWord: 4_294_967_295 },
      interning: "immortal",
      separateOneCharIdentifiers: "_abcdenprsx",
      strConcatInPlace: false,
      instanceDict: "inline-then-dict",
      sizes: SIZES_312,
      stringHash: "siphash13",
    },
  ],
  [
    "3.13",
    {
      ...BASE,
      key: "3.13",
      compileWarnings: "typed",
      minor: 13,
      patchVersion: 0,
      frameStealsArguments: true,
      trashcan: HEADROOM_TRASHCAN,
      immortality: { kind: "fixed", reported: 4_294_967_295, memoryWord: 4_294_967_295 },
      interning: "names-immortal",
      strConcatInPlace: false,
      gcThresholds: [2000, 10, 10],
      instanceDict: "inline-shared",
      sizes: SIZES_312,
      stringHash: "siphash13",
    },
  ],
  [
    "3.14",
    {
      ...BASE,
      key: "3.14",
      compileWarnings: "typed",
      minor: 14,
      patchVersion: 2,
      measured: false,
      frameStealsArguments: true,
      borrowedLocalLoads: true,
      // 64-bit values derived from Include/refcount.h (FACTS §1.4, §7): 3<<30 plus flag bits.
      annotations: "lazy",
      trashcan: HEADROOM_TRASHCAN,
      immortality: {
        kind: "split",
        reported: 3_221_225_472,
        staticMemoryWord: 5 * 2 ** 48 + 3 * 2 ** 30,
        runtimeMemoryWord: 2 ** 48 + 3 * 2 ** 30,
      },
      interning: "names-immortal",
      strConcatInPlace: false,
      gcThresholds: [2000, 10, 0],
      instanceDict: "inline-shared",
      intrusiveFreeLists: true,
      folding: "cfg",
      functionConstsLeadingNone: false,
      loadSmallInt: true,
      buildConstKeyMap: false,
      sizes: SIZES_312,
      stringHash: "siphash13",
    },
  ],
]);

export function getProfile(key: ProfileKey): Profile {
  const profile = PROFILES.get(key);
  if (!profile) throw new Error(`no simulator profile ${key}`);
  return profile;
}

/** Accepts "3.11", "3.11.7" or "311"; undefined when no profile matches. */
export function findProfile(text: string): Profile | undefined {
  const match = /^3\.?(\d{1,2})(?:\.\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  const key = `3.${Number(match[1])}` as ProfileKey;
  return PROFILE_KEYS.includes(key) ? PROFILES.get(key) : undefined;
}

/** The profile used when none is asked for. */
export const DEFAULT_PROFILE_KEY: ProfileKey = "3.13";
