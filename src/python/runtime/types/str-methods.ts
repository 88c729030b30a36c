// str methods: join, split, strip, case, search, replace, format, padding and predicates.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { MethodDef } from "../method-def.js";
import { PyStr, newStr } from "./str.js";
import { newInt } from "./int.js";
import { newList } from "./list.js";
import { newTupleStealing, PyTuple } from "./tuple.js";
import { newBool } from "../values.js";
import { typeError, valueError } from "../errors.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { splitArgs } from "../spec-helpers.js";
import { formatTemplate } from "./str-format-method.js";
import { formatStr, FormatError } from "../format/index.js";
import { pyRaiseFromFormatError } from "../errors.js";
import { indexNumber } from "../abstract/conversions.js";
import { newBytes } from "./bytes.js";
import { isTrue } from "../abstract/truth.js";

function text(self: PyObject): string {
  return (self as PyStr).value;
}

function argumentText(value: PyObject, method: string, position = 1): string {
  if (!(value instanceof PyStr)) {
    throw typeError(`${method}() argument ${position} must be str, not ${value.type.name}`);
  }
  return value.value;
}

const WHITESPACE = /[\s\u001c-\u001f\u0085]/;

function isSpace(char: string): boolean {
  return WHITESPACE.test(char);
}

function stripChars(value: string, chars: string | null, left: boolean, right: boolean): string {
  const matches = (char: string): boolean => (chars === null ? isSpace(char) : chars.includes(char));
  let start = 0;
  let end = value.length;
  if (left) while (start < end && matches(value[start]!)) start++;
  if (right) while (end > start && matches(value[end - 1]!)) end--;
  return value.slice(start, end);
}

function stripMethod(name: string, left: boolean, right: boolean): MethodDef {
  return {
    name,
    kind: "positional",
    impl: (self, args) => {
      if (args.length > 1) throw typeError(`${name} expected at most 1 argument, got ${args.length}`);
      const chars = args.length === 0 || args[0] === rt.None ? null : argumentText(args[0]!, name);
      return newStr(stripChars(text(self), chars, left, right));
    },
  };
}

function splitWhitespace(value: string, maxsplit: number): string[] {
  const parts: string[] = [];
  let i = 0;
  const length = value.length;
  while (i < length) {
    while (i < length && isSpace(value[i]!)) i++;
    if (i >= length) break;
    if (maxsplit >= 0 && parts.length === maxsplit) {
      let end = length;
      while (end > i && isSpace(value[end - 1]!)) end--;
      parts.push(value.slice(i, end));
      return parts;
    }
    let j = i;
    while (j < length && !isSpace(value[j]!)) j++;
    parts.push(value.slice(i, j));
    i = j;
  }
  return parts;
}

function splitArguments(name: string, argsValue: { values: readonly PyObject[]; kwnames: readonly string[] | null }): { separator: string | null; maxsplit: number } {
  const { positional, keywords } = splitArgs(argsValue);
  const separatorObject = positional[0] ?? keywords.get("sep") ?? rt.None;
  const maxObject = positional[1] ?? keywords.get("maxsplit");
  const separator = separatorObject === rt.None ? null : argumentText(separatorObject, name);
  if (separator === "") throw valueError("empty separator");
  return { separator, maxsplit: maxObject === undefined ? -1 : indexNumber(maxObject) };
}

function newStrList(parts: readonly string[]): PyObject {
  return newList(parts.map((part) => newStr(part)));
}

function countOccurrences(haystack: string, needle: string, start: number, end: number): number {
  const region = haystack.slice(start, end);
  if (needle === "") return Array.from(region).length + 1;
  let count = 0;
  let at = region.indexOf(needle);
  while (at >= 0) {
    count++;
    at = region.indexOf(needle, at + needle.length);
  }
  return count;
}

/** Normalises optional start/end arguments like CPython's slice-style bounds. */
function bounds(args: readonly PyObject[], from: number, length: number): [number, number] {
  const clamp = (value: PyObject | undefined, fallback: number): number => {
    if (value === undefined || value === rt.None) return fallback;
    let index = indexNumber(value);
    if (index < 0) index = Math.max(0, index + length);
    return Math.min(index, length);
  };
  return [clamp(args[from], 0), clamp(args[from + 1], length)];
}

function findMethod(name: string, reverse: boolean, raise: boolean): MethodDef {
  return {
    name,
    kind: "positional",
    impl: (self, args) => {
      if (args.length < 1) throw typeError(`${name}() takes at least 1 argument (0 given)`);
      const value = text(self);
      const needle = argumentText(args[0]!, name);
      const [start, end] = bounds(args, 1, value.length);
      let found = -1;
      if (end - start >= needle.length) {
        const region = value.slice(start, end);
        const at = reverse ? region.lastIndexOf(needle) : region.indexOf(needle);
        found = at < 0 ? -1 : at + start;
      }
      if (found < 0 && raise) throw valueError("substring not found");
      return newInt(found);
    },
  };
}

function affixMethod(name: string, test: (value: string, affix: string) => boolean): MethodDef {
  return {
    name,
    kind: "positional",
    impl: (self, args) => {
      if (args.length < 1) throw typeError(`${name}() takes at least 1 argument (0 given)`);
      const value = text(self);
      const [start, end] = bounds(args, 1, value.length);
      const region = value.slice(start, end);
      const prefix = args[0]!;
      if (prefix instanceof PyTuple) {
        for (const item of prefix.items) if (test(region, argumentText(item, name))) return newBool(true);
        return newBool(false);
      }
      if (!(prefix instanceof PyStr)) {
        throw typeError(`${name} first arg must be str or a tuple of str, not ${prefix.type.name}`);
      }
      return newBool(test(region, prefix.value));
    },
  };
}

function predicate(name: string, test: (value: string) => boolean): MethodDef {
  return { name, kind: "noargs", impl: (self) => newBool(test(text(self))) };
}

function padMethod(name: string, pad: (value: string, padding: number, fill: string, width: number) => string): MethodDef {
  return {
    name,
    kind: "positional",
    impl: (self, args) => {
      if (args.length < 1 || args.length > 2) throw typeError(`${name} expected 1 or 2 arguments, got ${args.length}`);
      const width = indexNumber(args[0]!);
      const fill = args[1] === undefined ? " " : argumentText(args[1], name, 2);
      if (Array.from(fill).length !== 1) throw typeError("The fill character must be exactly one character long");
      const value = text(self);
      const length = Array.from(value).length;
      if (width <= length) return newStr(value);
      return newStr(pad(value, width - length, fill, width));
    },
  };
}

export const STR_METHODS: readonly MethodDef[] = [
  {
    name: "join",
    kind: "one",
    impl: (self, iterable) => {
      const separator = text(self);
      const parts: string[] = [];
      const iterator = getIter(iterable);
      try {
        for (let index = 0; ; index++) {
          const item = iterNext(iterator);
          if (item === null) break;
          if (!(item instanceof PyStr)) {
            const name = item.type.name;
            decref(item);
            throw typeError(`sequence item ${index}: expected str instance, ${name} found`);
          }
          parts.push(item.value);
          decref(item);
        }
      } finally {
        decref(iterator);
      }
      return newStr(parts.join(separator));
    },
  },
  {
    name: "split",
    kind: "keywords",
    impl: (self, args) => {
      const { separator, maxsplit } = splitArguments("split", args);
      const value = text(self);
      if (separator === null) return newStrList(splitWhitespace(value, maxsplit));
      const parts = value.split(separator);
      if (maxsplit >= 0 && parts.length > maxsplit + 1) {
        const head = parts.slice(0, maxsplit);
        head.push(parts.slice(maxsplit).join(separator));
        return newStrList(head);
      }
      return newStrList(parts);
    },
  },
  {
    name: "rsplit",
    kind: "keywords",
    impl: (self, args) => {
      const { separator, maxsplit } = splitArguments("rsplit", args);
      const value = text(self);
      if (separator === null) {
        if (maxsplit < 0) return newStrList(splitWhitespace(value, -1));
        const reversed = splitWhitespace([...value].reverse().join(""), maxsplit).map((part) => [...part].reverse().join(""));
        return newStrList(reversed.reverse());
      }
      const parts = value.split(separator);
      if (maxsplit >= 0 && parts.length > maxsplit + 1) {
        const tail = parts.slice(parts.length - maxsplit);
        return newStrList([parts.slice(0, parts.length - maxsplit).join(separator), ...tail]);
      }
      return newStrList(parts);
    },
  },
  {
    name: "splitlines",
    kind: "keywords",
    impl: (self, args) => {
      const { positional, keywords } = splitArgs(args);
      const keepends = isTrue(positional[0] ?? keywords.get("keepends") ?? rt.False);
      const value = text(self);
      const lines: string[] = [];
      const pattern = /\r\n|[\n\r\v\f\u001c\u001d\u001e\u0085\u2028\u2029]/g;
      let last = 0;
      for (let match = pattern.exec(value); match !== null; match = pattern.exec(value)) {
        lines.push(value.slice(last, keepends ? match.index + match[0].length : match.index));
        last = match.index + match[0].length;
      }
      if (last < value.length) lines.push(value.slice(last));
      return newStrList(lines);
    },
  },
  stripMethod("strip", true, true),
  stripMethod("lstrip", true, false),
  stripMethod("rstrip", false, true),
  { name: "lower", kind: "noargs", impl: (self) => newStr(text(self).toLowerCase()) },
  { name: "upper", kind: "noargs", impl: (self) => newStr(text(self).toUpperCase()) },
  { name: "casefold", kind: "noargs", impl: (self) => newStr(text(self).toLowerCase()) },
  {
    name: "capitalize",
    kind: "noargs",
    impl: (self) => {
      const value = text(self);
      return newStr(value.length === 0 ? value : value[0]!.toUpperCase() + value.slice(1).toLowerCase());
    },
  },
  {
    name: "title",
    kind: "noargs",
    impl: (self) => newStr(text(self).toLowerCase().replace(/(^|[^A-Za-z\u00c0-\uffff])([A-Za-z\u00c0-\uffff])/g, (_m, before: string, letter: string) => before + letter.toUpperCase())),
  },
  {
    name: "swapcase",
    kind: "noargs",
    impl: (self) => newStr(Array.from(text(self), (char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join("")),
  },
  {
    name: "replace",
    kind: "positional",
    impl: (self, args) => {
      if (args.length < 2 || args.length > 3) throw typeError(`replace expected at least 2 arguments, got ${args.length}`);
      const value = text(self);
      const old = argumentText(args[0]!, "replace", 1);
      const replacement = argumentText(args[1]!, "replace", 2);
      let count = args[2] === undefined ? -1 : indexNumber(args[2]);
      if (count < 0) count = Number.MAX_SAFE_INTEGER;
      if (old === "") {
        const chars = Array.from(value);
        let result = "";
        let made = 0;
        for (let i = 0; i <= chars.length; i++) {
          if (made < count) {
            result += replacement;
            made++;
          }
          if (i < chars.length) result += chars[i];
        }
        return newStr(result);
      }
      let result = "";
      let from = 0;
      let made = 0;
      while (made < count) {
        const at = value.indexOf(old, from);
        if (at < 0) break;
        result += value.slice(from, at) + replacement;
        from = at + old.length;
        made++;
      }
      if (made === 0 && self.type === rt.types.str) {
        self.refcount++;
        return self;
      }
      return newStr(result + value.slice(from));
    },
  },
  findMethod("find", false, false),
  findMethod("rfind", true, false),
  findMethod("index", false, true),
  findMethod("rindex", true, true),
  {
    name: "count",
    kind: "positional",
    impl: (self, args) => {
      if (args.length < 1) throw typeError("count() takes at least 1 argument (0 given)");
      const value = text(self);
      const [start, end] = bounds(args, 1, value.length);
      return newInt(countOccurrences(value, argumentText(args[0]!, "count"), start, end));
    },
  },
  affixMethod("startswith", (value, affix) => value.startsWith(affix)),
  affixMethod("endswith", (value, affix) => value.endsWith(affix)),
  {
    name: "format",
    kind: "keywords",
    impl: (self, args) => {
      const { positional, keywords } = splitArgs(args);
      return newStr(formatTemplate(text(self), { positional, keywords }));
    },
  },
  {
    name: "__format__",
    kind: "one",
    impl: (self, spec) => {
      if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
      try {
        return newStr(formatStr(text(self), spec.value, rt.profile, self.type.name));
      } catch (error) {
        if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
        throw error;
      }
    },
  },
  {
    name: "partition",
    kind: "one",
    impl: (self, separator) => {
      const value = text(self);
      const sep = argumentText(separator, "partition");
      if (sep === "") throw valueError("empty separator");
      const at = value.indexOf(sep);
      if (at < 0) return newTupleStealing([newStr(value), newStr(""), newStr("")]);
      return newTupleStealing([newStr(value.slice(0, at)), newStr(sep), newStr(value.slice(at + sep.length))]);
    },
  },
  {
    name: "rpartition",
    kind: "one",
    impl: (self, separator) => {
      const value = text(self);
      const sep = argumentText(separator, "rpartition");
      if (sep === "") throw valueError("empty separator");
      const at = value.lastIndexOf(sep);
      if (at < 0) return newTupleStealing([newStr(""), newStr(""), newStr(value)]);
      return newTupleStealing([newStr(value.slice(0, at)), newStr(sep), newStr(value.slice(at + sep.length))]);
    },
  },
  padMethod("center", (value, padding, fill, width) => {
    // unicode_center: left = marg // 2 + (marg & width & 1)
    const left = Math.floor(padding / 2) + (padding & width & 1);
    return fill.repeat(left) + value + fill.repeat(padding - left);
  }),
  padMethod("ljust", (value, padding, fill) => value + fill.repeat(padding)),
  padMethod("rjust", (value, padding, fill) => fill.repeat(padding) + value),
  {
    name: "zfill",
    kind: "one",
    impl: (self, widthObject) => {
      const value = text(self);
      const width = indexNumber(widthObject);
      if (value.length >= width) return newStr(value);
      const sign = value[0] === "+" || value[0] === "-" ? value[0] : "";
      return newStr(sign + "0".repeat(width - value.length) + value.slice(sign.length));
    },
  },
  {
    name: "expandtabs",
    kind: "positional",
    impl: (self, args) => {
      const size = args[0] === undefined ? 8 : indexNumber(args[0]);
      let column = 0;
      let result = "";
      for (const char of text(self)) {
        if (char === "\t") {
          const spaces = size > 0 ? size - (column % size) : 0;
          result += " ".repeat(spaces);
          column += spaces;
        } else {
          result += char;
          column = char === "\n" || char === "\r" ? 0 : column + 1;
        }
      }
      return newStr(result);
    },
  },
  {
    name: "encode",
    kind: "keywords",
    impl: (self) => newBytes(new TextEncoder().encode(text(self))),
  },
  predicate("isdigit", (value) => value.length > 0 && /^\p{Nd}+$/u.test(value)),
  predicate("isdecimal", (value) => value.length > 0 && /^\p{Nd}+$/u.test(value)),
  predicate("isnumeric", (value) => value.length > 0 && /^\p{N}+$/u.test(value)),
  predicate("isalpha", (value) => value.length > 0 && /^\p{L}+$/u.test(value)),
  predicate("isalnum", (value) => value.length > 0 && /^[\p{L}\p{N}]+$/u.test(value)),
  predicate("isspace", (value) => value.length > 0 && Array.from(value).every(isSpace)),
  predicate("islower", (value) => /\p{Ll}/u.test(value) && !/\p{Lu}|\p{Lt}/u.test(value)),
  predicate("isupper", (value) => /\p{Lu}/u.test(value) && !/\p{Ll}/u.test(value)),
  predicate("isascii", (value) => /^[\x00-\x7f]*$/.test(value)),
  predicate("isidentifier", (value) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(value)),
  predicate("istitle", (value) => /\p{Lu}/u.test(value) && !/\p{Lu}\p{Lu}|\P{L}\p{Ll}|^\p{Ll}/u.test(value)),
  {
    name: "removeprefix",
    kind: "one",
    impl: (self, prefix) => {
      const value = text(self);
      const affix = argumentText(prefix, "removeprefix");
      return newStr(affix !== "" && value.startsWith(affix) ? value.slice(affix.length) : value);
    },
  },
  {
    name: "removesuffix",
    kind: "one",
    impl: (self, suffix) => {
      const value = text(self);
      const affix = argumentText(suffix, "removesuffix");
      return newStr(affix !== "" && value.endsWith(affix) ? value.slice(0, value.length - affix.length) : value);
    },
  },
];
