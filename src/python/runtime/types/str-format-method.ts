// str.format and str.format_map: Objects/stringlib/unicode_format.h, step for step.
//
// The template is read left to right (MarkupIterator): literal text, then one replacement field
// `{name!conversion:spec}` at a time, looked up, converted and rendered before the next one is
// parsed, so errors surface in CPython's order. Specs may hold nested fields, two levels deep.
import { refuseIfJoinedSurrogates } from "./str-surrogates.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { valueError, indexError, keyErrorFor, pyRaiseFromFormatError } from "../errors.js";
import { PyStr, newStr } from "./str.js";
import { newInt } from "./int.js";
import { getAttr } from "../abstract/attributes.js";
import { getItem } from "../abstract/items.js";
import { repr, str as strOf } from "../abstract/object-protocol.js";
import { formatObjectWithSpec, formatToStr } from "../abstract/format.js";
import { asciiOf } from "../abstract/conversions.js";
import { formatStr, FormatError } from "../format/index.js";
import { StrWriter } from "./str-writer.js";
import { unicodeDatabase } from "./str-unicode.js";

/**
 * Positional arguments (null for format_map) and the names: format's keyword arguments (a map,
 * empty when none) or format_map's mapping object.
 */
export interface FormatArguments {
  readonly positional: readonly PyObject[] | null;
  readonly names: ReadonlyMap<string, PyObject> | PyObject;
}

const enum Numbering {
  Unset,
  Automatic,
  Manual,
}

interface NumberingState {
  mode: Numbering;
  next: number;
}

/** template.format(...): a new reference to the result. */
export function formatTemplate(template: PyStr, args: FormatArguments): PyObject {
  return buildString(template.value, template, args, { mode: Numbering.Unset, next: 0 }, 2);
}

/**
 * build_string over `text`; `template` is its str object when the text is a whole str (the
 * writer may then return it unchanged), null for a nested spec.
 */
function buildString(text: string, template: PyStr | null, args: FormatArguments, numbering: NumberingState, depth: number): PyObject {
  if (depth <= 0) throw valueError("Max string recursion exceeded");
  const writer = new StrWriter("str.format");
  let at = 0;
  while (at < text.length) {
    // Literal text up to the first '{' or '}'.
    const start = at;
    let char = "";
    let markupFollows = false;
    while (at < text.length) {
      char = text[at++]!;
      if (char === "{" || char === "}") {
        markupFollows = true;
        break;
      }
    }
    const atEnd = at >= text.length;
    let literalEnd = at;
    if (char === "}" && markupFollows && (atEnd || text[at] !== "}")) throw valueError("Single '}' encountered in format string");
    if (atEnd && char === "{" && markupFollows) throw valueError("Single '{' encountered in format string");
    if (markupFollows && !atEnd) {
      if (text[at] === char) {
        at++;
        markupFollows = false;
      } else {
        literalEnd--;
      }
    }
    if (literalEnd > start) {
      const whole = template !== null && start === 0 && literalEnd === text.length;
      if (whole) writer.writeStr(template, true);
      else writer.writeText(text.slice(start, literalEnd));
    }
    if (!markupFollows) continue;
    const field = parseField(text, at);
    at = field.next;
    renderField(field, args, numbering, depth, writer, at >= text.length);
  }
  return writer.finish();
}

interface ParsedField {
  readonly name: string;
  readonly conversion: string | null;
  readonly spec: string;
  readonly specHasFields: boolean;
  /** Where the template continues after the field's closing '}'. */
  readonly next: number;
}

/** parse_field: `text[at]` is just after the opening '{'. */
function parseField(text: string, at: number): ParsedField {
  const nameStart = at;
  let char = "";
  let terminated = false;
  while (at < text.length) {
    char = text[at++]!;
    if (char === "{") throw valueError("unexpected '{' in field name");
    if (char === "[") {
      while (at < text.length && text[at] !== "]") at++;
      continue;
    }
    if (char === "}" || char === ":" || char === "!") {
      terminated = true;
      break;
    }
  }
  const name = text.slice(nameStart, terminated ? at - 1 : at);
  if (!terminated || char === "}") {
    if (!terminated) throw valueError("expected '}' before end of string");
    return { name, conversion: null, spec: "", specHasFields: false, next: at };
  }
  let conversion: string | null = null;
  if (char === "!") {
    if (at >= text.length) throw valueError("end of string while looking for conversion specifier");
    conversion = String.fromCodePoint(text.codePointAt(at)!);
    at += conversion.length;
    if (at < text.length) {
      const after = text[at++]!;
      if (after === "}") return { name, conversion, spec: "", specHasFields: false, next: at };
      if (after !== ":") throw valueError("expected ':' after conversion specifier");
    }
  }
  const specStart = at;
  let count = 1;
  let specHasFields = false;
  while (at < text.length) {
    const specChar = text[at++]!;
    if (specChar === "{") {
      specHasFields = true;
      count++;
    } else if (specChar === "}") {
      count--;
      if (count === 0) return { name, conversion, spec: text.slice(specStart, at - 1), specHasFields, next: at };
    }
  }
  throw valueError("unmatched '{' in format spec");
}

/** output_markup: look the field up, convert it, expand its spec, render it. */
function renderField(field: ParsedField, args: FormatArguments, numbering: NumberingState, depth: number, writer: StrWriter, last: boolean): void {
  let value = fieldObject(field.name, args, numbering);
  try {
    if (field.conversion !== null) {
      const converted = convertField(value, field.conversion);
      decref(value);
      value = converted;
    }
    let spec = field.spec;
    if (field.specHasFields) {
      const expanded = buildString(spec, null, args, numbering, depth - 1) as PyStr;
      spec = expanded.value;
      decref(expanded);
    }
    if (value.type === rt.types.str) {
      const formatted = formatExactStr(value as PyStr, spec);
      if (formatted === null) writer.writeStr(value as PyStr, last);
      else writer.writeText(formatted);
    } else if (hasFormatterOfItsOwn(value)) {
      writer.writeText(formatObjectWithSpec(value, spec));
    } else {
      // Any other type's __format__ result is written as an object: kept when it is the whole output.
      const specObject = newStr(spec);
      try {
        const formatted = formatToStr(value, specObject) as PyStr;
        writer.writeStr(formatted, last);
        decref(formatted);
      } finally {
        decref(specObject);
      }
    }
  } finally {
    decref(value);
  }
}

/** str.__format__'s text for an exact str, or null when it would return the str unchanged. */
export function formatExactStr(value: PyStr, spec: string): string | null {
  if (spec === "") return null;
  try {
    const text = formatStr(value.value, spec, rt.profile, value.type.name);
    return text === value.value ? null : text;
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    refuseIfJoinedSurrogates(error);
    throw error;
  }
}

/** Exact int, float and complex: render_field writes their text itself, making no str object. */
function hasFormatterOfItsOwn(value: PyObject): boolean {
  const type = value.type;
  return type === rt.types.int || type === rt.types.float || type === rt.types.complex;
}

function convertField(value: PyObject, conversion: string): PyObject {
  switch (conversion) {
    case "r":
      return repr(value);
    case "s":
      return strOf(value);
    case "a":
      return asciiOf(value);
    default: {
      const code = conversion.codePointAt(0)!;
      if (code > 32 && code < 127) throw valueError(`Unknown conversion specifier ${conversion}`);
      throw valueError(`Unknown conversion specifier \\x${code.toString(16)}`);
    }
  }
}

/** get_integer: the value of an all-decimal-digits name, -1 otherwise. */
function integerOf(text: string): number {
  if (text === "") return -1;
  const db = unicodeDatabase(rt.profile.minor);
  let value = 0;
  for (const char of text) {
    const digit = decimalValue(char.codePointAt(0)!, db);
    if (digit < 0) return -1;
    if (value > (Number.MAX_SAFE_INTEGER - digit) / 10) throw valueError("Too many decimal digits in format string");
    value = value * 10 + digit;
  }
  return value;
}

/** Py_UNICODE_TODECIMAL: decimal digits come in runs of ten starting at zero. */
function decimalValue(code: number, db: ReturnType<typeof unicodeDatabase>): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code < 0x80 || !db.isDecimal(code)) return -1;
  let start = code;
  while (db.isDecimal(start - 1)) start--;
  return (code - start) % 10;
}

/** get_field_object: the object a field name designates. New reference. */
function fieldObject(name: string, args: FormatArguments, numbering: NumberingState): PyObject {
  let firstEnd = 0;
  while (firstEnd < name.length && name[firstEnd] !== "." && name[firstEnd] !== "[") firstEnd++;
  const first = name.slice(0, firstEnd);
  let index = integerOf(first);
  const empty = first === "";
  const numeric = empty || index !== -1;
  if (numeric) {
    if (numbering.mode === Numbering.Unset) numbering.mode = empty ? Numbering.Automatic : Numbering.Manual;
    if (numbering.mode === Numbering.Manual && empty) throw valueError("cannot switch from manual field specification to automatic field numbering");
    if (numbering.mode === Numbering.Automatic && !empty) throw valueError("cannot switch from automatic field numbering to manual field specification");
    if (empty) index = numbering.next++;
  }
  let object: PyObject;
  if (index === -1) {
    object = namedArgument(first, args.names);
  } else {
    if (args.positional === null) throw valueError("Format string contains positional fields");
    const found = args.positional[index];
    if (found === undefined) {
      throw indexError(rt.profile.minor >= 8 ? `Replacement index ${index} out of range for positional args tuple` : "tuple index out of range");
    }
    found.refcount++;
    object = found;
  }
  return followRest(object, name.slice(firstEnd));
}

/** kwargs[name] (format) or mapping[name] (format_map). New reference. */
function namedArgument(name: string, names: ReadonlyMap<string, PyObject> | PyObject): PyObject {
  if (names instanceof Map) {
    const found = names.get(name);
    if (found !== undefined) {
      found.refcount++;
      return found;
    }
  }
  const key = newStr(name);
  try {
    if (names instanceof Map) throw keyErrorFor(key);
    return getItem(names as PyObject, key);
  } finally {
    decref(key);
  }
}

/** FieldNameIterator: `.attr` and `[key]` steps. Steals `object`; returns a new reference. */
function followRest(object: PyObject, rest: string): PyObject {
  let at = 0;
  let current = object;
  try {
    while (at < rest.length) {
      const kind = rest[at++]!;
      let part: string;
      if (kind === ".") {
        const start = at;
        while (at < rest.length && rest[at] !== "." && rest[at] !== "[") at++;
        part = rest.slice(start, at);
      } else if (kind === "[") {
        const start = at;
        while (at < rest.length && rest[at] !== "]") at++;
        if (at >= rest.length) throw valueError("Missing ']' in format string");
        part = rest.slice(start, at);
        at++;
      } else {
        throw valueError("Only '.' or '[' may follow ']' in format field specifier");
      }
      if (part === "") throw valueError("Empty attribute in format string");
      const next = kind === "." ? attributeOf(current, part) : itemOf(current, part);
      decref(current);
      current = next;
    }
    return current;
  } catch (error) {
    decref(current);
    throw error;
  }
}

function attributeOf(object: PyObject, name: string): PyObject {
  const nameObject = newStr(name);
  try {
    return getAttr(object, nameObject);
  } finally {
    decref(nameObject);
  }
}

function itemOf(object: PyObject, keyText: string): PyObject {
  const index = integerOf(keyText);
  const key = index === -1 ? newStr(keyText) : newInt(index);
  try {
    return getItem(object, key);
  } finally {
    decref(key);
  }
}
