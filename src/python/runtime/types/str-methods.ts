// The str methods, with their calling conventions per version.
// Arguments are converted in CPython's order, and results are new objects, singletons or the
// str itself as unicodeobject.c chooses.
import { strRules } from "./str-version-rules.js";
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { MethodDef } from "../method-def.js";
import { PyStr, newStr, strObjectSize } from "./str.js";
import { newInt } from "./int.js";
import { newList } from "./list.js";
import { newTupleStealing, PyTuple } from "./tuple.js";
import { newBool } from "../values.js";
import { typeError, valueError } from "../errors.js";
import { isTrue } from "../abstract/truth.js";
import { ssizeArgument, intArgument, sliceIndexArgument } from "./str-arguments.js";
import { NOARGS, ONE, varargsThenPositional, keywords, conventions, methodDefs, type MethodSpec } from "./str-method-kit.js";
import { viewOf, unchangedStr, freshStr, codePointsOf, checkResultSize } from "./str-text.js";
import { findText, countText, tailMatches, replaceText } from "./str-search.js";
import { splitWhitespace, rsplitWhitespace, splitSeparator, rsplitSeparator, splitLines, type Piece } from "./str-split.js";
import * as cases from "./str-case.js";
import { joinStrings } from "./str-join.js";
import { STR_FORMAT_METHODS } from "./str-format-methods.js";
import { encodeText } from "./str-codecs.js";
import { newBytes } from "./bytes.js";
import { makeTranslation, translateText } from "./str-translate.js";
import { unicodeDatabase } from "./str-unicode.js";
import { checkSurrogateJoin, indexOfWhole, joinsSurrogates, lastIndexOfWhole, refuseJoinedSurrogates } from "./str-surrogates.js";

function text(self: PyObject): string {
  return (self as PyStr).value;
}

/** Pieces of a split as a new list; a null piece is the str itself (or an exact copy). */
function pieceList(self: PyObject, pieces: readonly Piece[]): PyObject {
  const whole = (): PyObject => {
    if (self.type !== rt.types.str) return newStr(text(self));
    self.refcount++;
    return self;
  };
  return newList(pieces.map((piece) => (piece === null ? whole() : newStr(piece))));
}

function caseMethod(name: string, map: (value: string) => string): MethodSpec {
  return { name, history: NOARGS, impl: (self) => freshStr(map(text(self))) };
}

function predicate(name: string, test: (value: string) => boolean, since?: number): MethodSpec {
  return { name, history: NOARGS, ...(since === undefined ? {} : { since }), impl: (self) => newBool(test(text(self))) };
}

/** The sep argument of split/rsplit. */
function separatorOf(value: PyObject | undefined): string | null {
  if (value === undefined || value === rt.None) return null;
  if (!(value instanceof PyStr)) throw typeError(`must be str or None, not ${value.type.name}`);
  if (value.length === 0) throw valueError("empty separator");
  return value.value;
}

function splitMethod(name: "split" | "rsplit"): MethodSpec {
  return {
    name,
    history: keywords(["sep", "maxsplit"]),
    impl: (self, [sepObject, maxObject]) => {
      const maxsplit = maxObject === undefined ? -1 : ssizeArgument(maxObject);
      const separator = separatorOf(sepObject);
      const value = text(self);
      if (separator === null) return pieceList(self, name === "split" ? splitWhitespace(value, maxsplit) : rsplitWhitespace(value, maxsplit));
      return pieceList(self, name === "split" ? splitSeparator(value, separator, maxsplit) : rsplitSeparator(value, separator, maxsplit));
    },
  };
}

function stripMethod(name: string, left: boolean, right: boolean): MethodSpec {
  return {
    name,
    history: varargsThenPositional(0, 1, 7),
    impl: (self, [charsObject]) => {
      let chars: Set<number> | null = null;
      if (charsObject !== undefined && charsObject !== rt.None) {
        if (!(charsObject instanceof PyStr)) throw typeError(`${name} arg must be None or str`);
        chars = new Set(codePointsOf(charsObject.value));
      }
      const db = unicodeDatabase(rt.profile.minor);
      const value = text(self);
      const points = codePointsOf(value);
      const matches = (code: number): boolean => (chars === null ? db.isSpace(code) : chars.has(code));
      let start = 0;
      let end = points.length;
      if (left) while (start < end && matches(points[start]!)) start++;
      if (right) while (end > start && matches(points[end - 1]!)) end--;
      if (start === 0 && end === points.length) return unchangedStr(self);
      const view = viewOf(self as PyStr);
      return newStr(value.slice(view.unitOf(start), view.unitOf(end)));
    },
  };
}

/** The needle of find/count/index: its type check comes after the slice indices until 3.12. */
function needleOf(name: string, value: PyObject): PyStr {
  if (value instanceof PyStr) return value;
  throw typeError(rt.profile.minor >= 13 ? `${name}() argument 1 must be str, not ${value.type.name}` : `must be str, not ${value.type.name}`);
}

function searchArguments(name: string, args: readonly (PyObject | undefined)[]): { needle: PyStr; start: number | undefined; end: number | undefined } {
  if (strRules().findChecksNeedleFirst) needleOf(name, args[0]!);
  const start = sliceIndexArgument(args[1]);
  const end = sliceIndexArgument(args[2]);
  return { needle: needleOf(name, args[0]!), start, end };
}

function findMethod(name: string, reverse: boolean, raise: boolean): MethodSpec {
  return {
    name,
    history: varargsThenPositional(1, 3, 13),
    impl: (self, args) => {
      const { needle, start, end } = searchArguments(name, args);
      const found = findText(viewOf(self as PyStr), viewOf(needle), start, end, reverse);
      if (found < 0 && raise) throw valueError("substring not found");
      return newInt(found);
    },
  };
}

function affixMethod(name: "startswith" | "endswith"): MethodSpec {
  return {
    name,
    history: varargsThenPositional(1, 3, 13),
    impl: (self, [affix, startObject, endObject]) => {
      const start = sliceIndexArgument(startObject);
      const end = sliceIndexArgument(endObject);
      const view = viewOf(self as PyStr);
      const atEnd = name === "endswith";
      if (affix instanceof PyTuple) {
        for (const item of affix.items) {
          if (!(item instanceof PyStr)) throw typeError(`tuple for ${name} must only contain str, not ${item.type.name}`);
          if (tailMatches(view, viewOf(item), start, end, atEnd)) return newBool(true);
        }
        return newBool(false);
      }
      if (!(affix instanceof PyStr)) throw typeError(`${name} first arg must be str or a tuple of str, not ${affix!.type.name}`);
      return newBool(tailMatches(view, viewOf(affix), start, end, atEnd));
    },
  };
}

/** The fill character of center/ljust/rjust. */
function fillOf(value: PyObject | undefined): string {
  if (value === undefined) return " ";
  if (!(value instanceof PyStr)) throw typeError(`The fill character must be a unicode character, not ${value.type.name}`);
  if (value.length !== 1) throw typeError("The fill character must be exactly one character long");
  return value.value;
}

/** center/ljust/rjust: `leftMargin` says how many of the `margin` fill characters go first. */
function padMethod(name: string, leftMargin: (margin: number, width: number) => number): MethodSpec {
  return {
    name,
    history: varargsThenPositional(1, 2, 8),
    impl: (self, [widthObject, fillObject]) => {
      const width = ssizeArgument(widthObject!);
      const fill = fillOf(fillObject);
      const length = (self as PyStr).length;
      if (length >= width) return unchangedStr(self);
      checkResultLength(width);
      const value = text(self);
      const margin = width - length;
      const left = leftMargin(margin, width);
      if ((left > 0 && joinsSurrogates(fill, value)) || (left < margin && joinsSurrogates(value, fill))) refuseJoinedSurrogates(`str.${name}`);
      return freshStr(fill.repeat(left) + value + fill.repeat(margin - left));
    },
  };
}

function checkResultLength(length: number): void {
  checkResultSize(length, "str");
}

function removeAffixMethod(name: "removeprefix" | "removesuffix"): MethodSpec {
  return {
    name,
    history: ONE,
    since: 9,
    impl: (self, [affixObject]) => {
      if (!(affixObject instanceof PyStr)) throw typeError(`${name}() argument must be str, not ${affixObject!.type.name}`);
      const view = viewOf(self as PyStr);
      const affix = viewOf(affixObject);
      const atEnd = name === "removesuffix";
      if (affix.length === 0 || !tailMatches(view, affix, undefined, undefined, atEnd)) return unchangedStr(self);
      const from = atEnd ? 0 : view.unitOf(affix.length);
      const to = atEnd ? view.unitOf(view.length - affix.length) : view.text.length;
      return newStr(view.text.slice(from, to));
    },
  };
}

function partitionMethod(name: "partition" | "rpartition"): MethodSpec {
  return {
    name,
    history: ONE,
    impl: (self, [separatorObject]) => {
      if (!(separatorObject instanceof PyStr)) throw typeError(`must be str, not ${separatorObject!.type.name}`);
      if (separatorObject.length === 0) throw valueError("empty separator");
      const value = text(self);
      const separator = separatorObject.value;
      const at = name === "partition" ? indexOfWhole(value, separator) : lastIndexOfWhole(value, separator);
      const empty = (): PyObject => newStr("");
      if (at < 0) {
        self.refcount++;
        return newTupleStealing(name === "partition" ? [self, empty(), empty()] : [empty(), empty(), self]);
      }
      separatorObject.refcount++;
      return newTupleStealing([newStr(value.slice(0, at)), separatorObject, newStr(value.slice(at + separator.length))]);
    },
  };
}

/** The encoding/errors arguments: named in messages from 3.8, numbered before. */
function codecArgument(value: PyObject | undefined, fallback: string, position: number, parameter: string, method: string): string {
  if (value === undefined) return fallback;
  if (value instanceof PyStr) return value.value;
  const which = rt.profile.minor >= 8 ? `'${parameter}'` : `${position}`;
  throw typeError(`${method}() argument ${which} must be str, not ${value.type.name}`);
}

/**
 * unicode.__sizeof__: the object, plus the cached UTF-8 form the static Latin-1 strs carry.
 * Instances of subclasses are "legacy" strs: a PyUnicodeObject pointing at separate data.
 */
function strSizeof(str: PyStr): number {
  if (str.type !== rt.types.str) return rt.profile.sizes.compactStrHeader + 8 + (str.length + 1) * str.kind;
  const size = strObjectSize(str);
  const code = str.length === 1 ? str.value.charCodeAt(0) : -1;
  if (code >= 0x80 && code < 0x100 && str === rt.latin1Chars[code] && strRules().latin1SingletonsCarryUtf8) return size + 3;
  return size;
}

const STR_METHOD_SPECS: readonly MethodSpec[] = [
  { name: "join", history: ONE, impl: (self, [iterable]) => joinStrings(self as PyStr, iterable!) },
  splitMethod("split"),
  splitMethod("rsplit"),
  {
    name: "splitlines",
    history: keywords(["keepends"]),
    impl: (self, [keependsObject]) => {
      let keepends = false;
      if (keependsObject !== undefined) keepends = strRules().splitlinesKeependsIsBool ? isTrue(keependsObject) : intArgument(keependsObject) !== 0;
      return pieceList(self, splitLines(text(self), keepends));
    },
  },
  stripMethod("strip", true, true),
  stripMethod("lstrip", true, false),
  stripMethod("rstrip", false, true),
  caseMethod("lower", cases.lowerText),
  caseMethod("upper", cases.upperText),
  caseMethod("casefold", cases.casefoldText),
  caseMethod("swapcase", cases.swapcaseText),
  caseMethod("title", cases.titleText),
  caseMethod("capitalize", (value) => cases.capitalizeText(value, strRules().capitalizeUsesTitlecase)),
  {
    name: "replace",
    history: conventions([6, { kind: "varargs", min: 2, max: 3 }], [8, { kind: "positional", min: 2, max: 3 }], [13, { kind: "keywords", names: ["old", "new", "count"], min: 2, positionalOnly: 2 }]),
    impl: (self, [oldObject, newObject, countObject]) => {
      if (!(oldObject instanceof PyStr)) throw typeError(`replace() argument 1 must be str, not ${oldObject!.type.name}`);
      if (!(newObject instanceof PyStr)) throw typeError(`replace() argument 2 must be str, not ${newObject!.type.name}`);
      const count = countObject === undefined ? -1 : ssizeArgument(countObject);
      // replace() compares the two objects, not their text, before doing any work.
      if (oldObject === newObject) return unchangedStr(self);
      const result = replaceText(text(self), oldObject.value, newObject.value, count);
      return result === null ? unchangedStr(self) : freshStr(result);
    },
  },
  findMethod("find", false, false),
  findMethod("rfind", true, false),
  findMethod("index", false, true),
  findMethod("rindex", true, true),
  {
    name: "count",
    history: varargsThenPositional(1, 3, 13),
    impl: (self, args) => {
      const { needle, start, end } = searchArguments("count", args);
      return newInt(countText(viewOf(self as PyStr), viewOf(needle), start, end));
    },
  },
  affixMethod("startswith"),
  affixMethod("endswith"),
  ...STR_FORMAT_METHODS,
  partitionMethod("partition"),
  partitionMethod("rpartition"),
  // pad() in unicodeobject.c: center puts marg / 2 + (marg & width & 1) on the left.
  padMethod("center", (margin, width) => Math.floor(margin / 2) + (margin & width & 1)),
  padMethod("ljust", () => 0),
  padMethod("rjust", (margin) => margin),
  {
    name: "zfill",
    history: conventions([6, { kind: "varargs", min: 1, max: 1 }], [7, { kind: "one" }]),
    impl: (self, [widthObject]) => {
      const width = ssizeArgument(widthObject!);
      const length = (self as PyStr).length;
      if (length >= width) return unchangedStr(self);
      checkResultLength(width);
      const value = text(self);
      const sign = value[0] === "+" || value[0] === "-" ? value[0] : "";
      return freshStr(sign + "0".repeat(width - length) + value.slice(sign.length));
    },
  },
  {
    name: "expandtabs",
    history: keywords(["tabsize"]),
    impl: (self, [sizeObject]) => {
      const size = sizeObject === undefined ? 8 : intArgument(sizeObject);
      const value = text(self);
      if (!value.includes("\t")) return unchangedStr(self);
      let column = 0;
      let result = "";
      for (const char of value) {
        if (char === "\t") {
          if (size > 0) {
            const spaces = size - (column % size);
            checkResultLength(result.length + spaces);
            result += " ".repeat(spaces);
            column += spaces;
          }
        } else {
          // A tab that expands to nothing may have stood between two lone surrogates.
          if (size <= 0) checkSurrogateJoin(result, char, "str.expandtabs");
          result += char;
          column = char === "\n" || char === "\r" ? 0 : column + 1;
        }
      }
      return newStr(result);
    },
  },
  {
    name: "encode",
    history: keywords(["encoding", "errors"]),
    impl: (self, [encodingObject, errorsObject]) => {
      const encoding = codecArgument(encodingObject, "utf-8", 1, "encoding", "encode");
      const errors = codecArgument(errorsObject, "strict", 2, "errors", "encode");
      return newBytes(encodeText(text(self), encoding, errors));
    },
  },
  {
    name: "maketrans",
    history: varargsThenPositional(1, 3, 8),
    binding: "static",
    impl: (_self, [x, y, z]) => makeTranslation(x!, y, z),
  },
  { name: "translate", history: ONE, impl: (self, [table]) => translateText(text(self), table!) },
  predicate("isdigit", cases.isDigitText),
  predicate("isdecimal", cases.isDecimalText),
  predicate("isnumeric", cases.isNumericText),
  predicate("isalpha", cases.isAlphaText),
  predicate("isalnum", cases.isAlnumText),
  predicate("isspace", cases.isSpaceText),
  predicate("islower", cases.isLowerText),
  predicate("isupper", cases.isUpperText),
  predicate("istitle", cases.isTitleText),
  predicate("isprintable", cases.isPrintableText),
  predicate("isidentifier", cases.isIdentifierText),
  predicate("isascii", cases.isAsciiText, 7),
  removeAffixMethod("removeprefix"),
  removeAffixMethod("removesuffix"),
  { name: "__getnewargs__", history: NOARGS, impl: (self) => newTupleStealing([freshStr(text(self))]) },
  { name: "__sizeof__", history: NOARGS, impl: (self) => newInt(strSizeof(self as PyStr)) },
];

/** The str methods of the active profile's version. */
export function strMethods(): MethodDef[] {
  return methodDefs("str", STR_METHOD_SPECS);
}
