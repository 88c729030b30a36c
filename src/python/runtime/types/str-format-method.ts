// str.format and format(): replacement fields {name!conv:spec} with attribute and index lookups.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { valueError, indexError, keyErrorFor, typeError } from "../errors.js";
import { newStr, PyStr } from "./str.js";
import { newInt } from "./int.js";
import { getAttr } from "../abstract/attributes.js";
import { getItem } from "../abstract/items.js";
import { repr, str, reprText } from "../abstract/object-protocol.js";
import { formatObjectWithSpec } from "../abstract/format.js";
import { asciiText } from "../abstract/conversions.js";
import { internName } from "./str.js";

interface FieldArguments {
  readonly positional: readonly PyObject[];
  readonly keywords: ReadonlyMap<string, PyObject>;
}

/** template.format(*args, **kwargs). */
export function formatTemplate(template: string, args: FieldArguments): string {
  const state = { automatic: 0, mode: "none" as "none" | "auto" | "manual" };
  return renderTemplate(template, args, state, 2);
}

function renderTemplate(template: string, args: FieldArguments, state: { automatic: number; mode: "none" | "auto" | "manual" }, depth: number): string {
  if (depth < 0) throw valueError("Max string recursion exceeded");
  let output = "";
  let i = 0;
  while (i < template.length) {
    const char = template[i]!;
    if (char === "{") {
      if (template[i + 1] === "{") {
        output += "{";
        i += 2;
        continue;
      }
      const end = fieldEnd(template, i + 1);
      if (end < 0) throw valueError("Single '{' encountered in format string");
      output += renderField(template.slice(i + 1, end), args, state, depth);
      i = end + 1;
      continue;
    }
    if (char === "}") {
      if (template[i + 1] === "}") {
        output += "}";
        i += 2;
        continue;
      }
      throw valueError("Single '}' encountered in format string");
    }
    output += char;
    i++;
  }
  return output;
}

/** The index of the `}` closing a field that starts at `start` (nested braces allowed in the spec). */
function fieldEnd(template: string, start: number): number {
  let depth = 1;
  let inBracket = false;
  for (let i = start; i < template.length; i++) {
    const char = template[i]!;
    if (char === "[") inBracket = true;
    else if (char === "]") inBracket = false;
    else if (!inBracket && char === "{") depth++;
    else if (!inBracket && char === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function renderField(field: string, args: FieldArguments, state: { automatic: number; mode: "none" | "auto" | "manual" }, depth: number): string {
  // field_name [! conversion] [: format_spec]
  let nameEnd = field.length;
  let inBracket = false;
  for (let i = 0; i < field.length; i++) {
    const char = field[i]!;
    if (char === "[") inBracket = true;
    else if (char === "]") inBracket = false;
    else if (!inBracket && (char === "!" || char === ":")) {
      nameEnd = i;
      break;
    }
  }
  const name = field.slice(0, nameEnd);
  let conversion: string | null = null;
  let spec = "";
  let rest = field.slice(nameEnd);
  if (rest.startsWith("!")) {
    if (rest.length < 2) throw valueError("end of string while looking for conversion specifier");
    conversion = rest[1]!;
    rest = rest.slice(2);
    if (rest.length > 0 && !rest.startsWith(":")) throw valueError("expected ':' after conversion specifier");
  }
  if (rest.startsWith(":")) spec = rest.slice(1);
  if (spec.includes("{")) spec = renderTemplate(spec, args, state, depth - 1);
  const value = lookupField(name, args, state);
  try {
    let converted: PyObject = value;
    if (conversion !== null) {
      if (conversion === "r") converted = repr(value);
      else if (conversion === "s") converted = str(value);
      else if (conversion === "a") converted = newStr(asciiText(value));
      else throw valueError(`Unknown conversion specifier ${conversion}`);
    } else {
      value.refcount++;
    }
    try {
      return formatObjectWithSpec(converted, spec);
    } finally {
      decref(converted);
    }
  } finally {
    decref(value);
  }
}

/** Resolves `0`, `name`, `0.attr`, `name[key]`, or an automatic index. New reference. */
function lookupField(name: string, args: FieldArguments, state: { automatic: number; mode: "none" | "auto" | "manual" }): PyObject {
  const match = /^([^.[]*)(.*)$/s.exec(name)!;
  const first = match[1]!;
  let rest = match[2]!;
  let object: PyObject;
  if (first === "") {
    if (state.mode === "manual") throw valueError("cannot switch from manual field specification to automatic field numbering");
    state.mode = "auto";
    const index = state.automatic++;
    object = positional(args, index);
  } else if (/^\d+$/.test(first)) {
    if (state.mode === "auto") throw valueError("cannot switch from automatic field numbering to manual field specification");
    state.mode = "manual";
    object = positional(args, Number(first));
  } else {
    const found = args.keywords.get(first);
    if (found === undefined) {
      const key = newStr(first);
      try {
        throw keyErrorFor(key);
      } finally {
        decref(key);
      }
    }
    found.refcount++;
    object = found;
  }
  while (rest.length > 0) {
    if (rest.startsWith(".")) {
      const attributeMatch = /^\.([^.[]*)/.exec(rest)!;
      const attribute = attributeMatch[1]!;
      if (attribute === "") throw valueError("Empty attribute in format string");
      const nameObject = internName(attribute);
      try {
        const next = getAttr(object, nameObject);
        decref(object);
        object = next;
      } finally {
        decref(nameObject);
      }
      rest = rest.slice(attributeMatch[0].length);
    } else if (rest.startsWith("[")) {
      const close = rest.indexOf("]");
      if (close < 0) throw valueError("Missing ']' in format string");
      const keyText = rest.slice(1, close);
      if (keyText === "") throw valueError("Empty attribute in format string");
      const key = /^\d+$/.test(keyText) ? newInt(Number(keyText)) : newStr(keyText);
      try {
        const next = getItem(object, key);
        decref(object);
        object = next;
      } finally {
        decref(key);
      }
      rest = rest.slice(close + 1);
    } else {
      decref(object);
      throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return object;
}

function positional(args: FieldArguments, index: number): PyObject {
  const value = args.positional[index];
  if (value === undefined) {
    if (rt.profile.minor >= 8) throw indexError(`Replacement index ${index} out of range for positional args tuple`);
    throw indexError("tuple index out of range");
  }
  value.refcount++;
  return value;
}

export { PyStr, typeError, reprText };
