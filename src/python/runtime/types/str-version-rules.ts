// What str and bytes do differently from one CPython version to the next.
// Behaviour only, not the wording of messages: one record per profile, read through strRules().
//
// These belong with the profile table (src/python/profiles); they live here until it has fields
// for them. Method availability per version is declared with each method (`since`), and the
// Unicode database per version comes from str-unicode-data.ts.
import { rt } from "../state.js";

export interface StrRules {
  /** 3.8+ (bpo-36549): capitalize() uses the first character's title case, not its upper case. */
  readonly capitalizeUsesTitlecase: boolean;
  /** 3.12+: splitlines(keepends) takes any object's truth value (Clinic bool), not an int. */
  readonly splitlinesKeependsIsBool: boolean;
  /** 3.12+: the static Latin-1 one-character strs carry their UTF-8 form (sys.getsizeof + 3). */
  readonly latin1SingletonsCarryUtf8: boolean;
  /** ≤3.7: bytes repetition to b'' allocates a new empty object instead of the singleton. */
  readonly emptyBytesRepeatIsNewObject: boolean;
  /** 3.7+: bytes.fromhex skips any ASCII whitespace between pairs (3.6: spaces only). */
  readonly fromhexSkipsAllWhitespace: boolean;
  /** 3.13+ (Argument Clinic): find/count/index check the needle's type before start/end. */
  readonly findChecksNeedleFirst: boolean;
  /** 3.13+: str(...) without keywords goes through vectorcall's positional-count check. */
  readonly strConstructorVectorcall: boolean;
  /** ≤3.11: instances of a bytes subclass with __dict__ hold the dict pointer (8 bytes). */
  readonly subclassDictPointerInObject: boolean;
}

const cache = new Map<number, StrRules>();

export function strRules(): StrRules {
  const minor = rt.profile.minor;
  let rules = cache.get(minor);
  if (rules === undefined) {
    rules = {
      capitalizeUsesTitlecase: minor >= 8,
      splitlinesKeependsIsBool: minor >= 12,
      latin1SingletonsCarryUtf8: minor >= 12,
      emptyBytesRepeatIsNewObject: minor <= 7,
      fromhexSkipsAllWhitespace: minor >= 7,
      findChecksNeedleFirst: minor >= 13,
      strConstructorVectorcall: minor >= 13,
      subclassDictPointerInObject: minor <= 11,
    };
    cache.set(minor, rules);
  }
  return rules;
}
