// `bytes % args`, as _PyBytes_FormatEx formats it.
// %s/%b take bytes-like objects or __bytes__, %r/%a give ascii(), %c one byte; numeric
// conversions are rendered by the str formatting kernel.
import { bufferData } from "./bytes-text.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError, valueError, overflowError, pyRaiseFromFormatError } from "../errors.js";
import { PyBytes, newBytes } from "./bytes.js";
import { PyTuple, newTupleStealing } from "./tuple.js";
import { PyStr } from "./str.js";
import { newNotImplemented } from "../values.js";
import { getItem } from "../abstract/items.js";
import { asciiText, indexValue } from "../abstract/conversions.js";
import { lookupSpecial, callSpecial } from "../slot-table.js";
import { FormatError } from "../format/index.js";
import { strPercentFormat } from "./str-percent.js";
import { newStr } from "./str.js";
import { latin1Text, latin1Bytes } from "./bytes-text.js";
import { ssizeArgument } from "./str-arguments.js";

class BytesFormatter {
  private position = 0;
  private output = "";
  private argumentIndex = 0;
  private readonly items: readonly PyObject[];
  private readonly single: boolean;
  /** Values fetched by %(key) lookups: released when formatting ends. */
  readonly temporaries: PyObject[] = [];

  constructor(
    private readonly template: string,
    args: PyObject,
    private readonly mapping: PyObject | null,
  ) {
    this.single = !(args instanceof PyTuple);
    this.items = args instanceof PyTuple ? args.items : [args];
  }

  private nextArgument(): PyObject {
    if (this.argumentIndex < this.items.length) return this.items[this.argumentIndex++]!;
    throw typeError("not enough arguments for format string");
  }

  run(): string {
    const template = this.template;
    while (this.position < template.length) {
      const percentAt = template.indexOf("%", this.position);
      if (percentAt < 0) {
        this.output += template.slice(this.position);
        break;
      }
      this.output += template.slice(this.position, percentAt);
      this.position = percentAt + 1;
      this.convertOne();
    }
    const unused = this.single ? this.argumentIndex === 0 && this.mapping === null : this.argumentIndex < this.items.length;
    if (unused && this.mapping === null) throw typeError("not all arguments converted during bytes formatting");
    return this.output;
  }

  private peek(): string {
    return this.template[this.position] ?? "";
  }

  private convertOne(): void {
    let value: PyObject | null = null;
    if (this.peek() === "(") {
      if (this.mapping === null) throw typeError("format requires a mapping");
      let depth = 1;
      const keyStart = ++this.position;
      while (this.position < this.template.length && depth > 0) {
        const char = this.template[this.position++];
        if (char === "(") depth++;
        else if (char === ")") depth--;
      }
      if (depth > 0) throw valueError("incomplete format key");
      const key = newBytes(latin1Bytes(this.template.slice(keyStart, this.position - 1)));
      try {
        value = getItem(this.mapping, key);
        this.temporaries.push(value);
      } finally {
        decref(key);
      }
      this.argumentIndex = this.items.length;
    }
    let flags = "";
    while ("-+ #0".includes(this.peek()) && this.peek() !== "") flags += this.template[this.position++];
    const width = this.number();
    let precision: number | null = null;
    if (this.peek() === ".") {
      this.position++;
      precision = this.number() ?? 0;
    }
    while ("hlL".includes(this.peek()) && this.peek() !== "") this.position++;
    if (this.position >= this.template.length) throw valueError("incomplete format");
    const conversion = this.template[this.position++]!;
    if (conversion === "%") {
      this.output += "%";
      return;
    }
    const argument = value ?? this.nextArgument();
    const left = flags.includes("-");
    const pad = (text: string): string => {
      if (width === null || width <= text.length) return text;
      return left ? text + " ".repeat(width - text.length) : " ".repeat(width - text.length) + text;
    };
    switch (conversion) {
      case "s":
      case "b": {
        const text = latin1Text(bytesOf(argument));
        this.output += pad(precision === null ? text : text.slice(0, precision));
        return;
      }
      case "r":
      case "a": {
        const text = asciiText(argument);
        this.output += pad(precision === null ? text : text.slice(0, precision));
        return;
      }
      case "c":
        this.output += pad(String.fromCharCode(byteOf(argument)));
        return;
      case "d":
      case "i":
      case "u":
      case "o":
      case "x":
      case "X":
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G":
        this.output += numberText(`%${flags}${width ?? ""}${precision === null ? "" : `.${precision}`}${conversion}`, argument);
        return;
      default: {
        const code = conversion.charCodeAt(0);
        const shown = code >= 0x20 && code < 0x7f ? conversion : "?";
        throw valueError(`unsupported format character '${shown}' (0x${code.toString(16)}) at index ${this.position - 1}`);
      }
    }
  }

  /** A width or precision: digits, or '*' taking the next argument. */
  private number(): number | null {
    if (this.peek() === "*") {
      this.position++;
      const argument = this.nextArgument();
      if (!(argument.type.index !== null)) throw typeError("* wants int");
      return ssizeArgument(argument);
    }
    let digits = "";
    while (this.peek() >= "0" && this.peek() <= "9" && this.peek() !== "") digits += this.template[this.position++];
    return digits === "" ? null : Number(digits);
  }
}

/** %s / %b: a bytes-like object or the result of __bytes__. */
function bytesOf(value: PyObject): Uint8Array {
  const data = bufferData(value);
  if (data !== null) return data;
  const special = lookupSpecial(value, "__bytes__");
  if (special !== null) {
    const result = callSpecial(value, special, []);
    try {
      if (!(result instanceof PyBytes)) throw typeError(`__bytes__ returned non-bytes (type ${result.type.name})`);
      return result.value;
    } finally {
      decref(result);
    }
  }
  throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${value.type.name}'`);
}

/** %c: an int in range(256) or a single byte. */
function byteOf(value: PyObject): number {
  const single = bufferData(value);
  if (single !== null && single.length === 1) return single[0]!;
  if (value.type.index !== null && !(value instanceof PyStr)) {
    const code = indexValue(value);
    if (code < 0n || code > 255n) throw overflowError("%c arg not in range(256)");
    return Number(code);
  }
  throw typeError("%c requires an integer in range(256) or a single byte");
}

/** A numeric conversion through the str kernel (same digits, same errors). */
function numberText(spec: string, value: PyObject): string {
  const template = newStr(spec);
  value.refcount++;
  const args = newTupleStealing([value]);
  try {
    const result = strPercentFormat(template, args) as PyStr;
    const text = result.value;
    decref(result);
    return text;
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  } finally {
    decref(args);
    decref(template);
  }
}

/** The binary `%` slot of bytes. */
export function bytesPercentFormat(template: PyObject, args: PyObject): PyObject {
  const templateData = bufferData(template);
  if (templateData === null) return newNotImplemented();
  const isMapping = !(args instanceof PyTuple) && bufferData(args) === null && args.type.getitem !== null && args.type !== rt.types.str;
  const formatter = new BytesFormatter(latin1Text(templateData), args, isMapping ? args : null);
  try {
    return newBytes(latin1Bytes(formatter.run()));
  } finally {
    for (const temporary of formatter.temporaries) decref(temporary);
  }
}
