// Finds where JSON text stops being valid JSON (JSON.parse does not always say where).

export interface JsonErrorPlace {
  /** Offset of the first character that cannot be valid there (the text's length at its end). */
  readonly offset: number;
  readonly reason: string;
}

/**
 * A strict JSON (RFC 8259) scanner that only locates the first error; undefined when the text
 * is valid. One function per grammar rule, each returning the offset just past what it read.
 */
export function findJsonError(text: string): JsonErrorPlace | undefined {
  try {
    const end = skipBlanks(text, readValue(text, skipBlanks(text, 0), 0));
    if (end < text.length) throw new ScanError(end, `unexpected ${describe(text, end)} after the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof ScanError) return { offset: error.offset, reason: error.message };
    throw error;
  }
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

// Deeper input is reported rather than risking the call stack (JSON.parse already refused it).
const MAX_DEPTH = 2_000;

function describe(text: string, offset: number): string {
  return offset >= text.length ? "end of input" : JSON.stringify(text[offset]);
}

function skipBlanks(text: string, offset: number): number {
  let cursor = offset;
  while (cursor < text.length && " \t\n\r".includes(text[cursor]!)) cursor++;
  return cursor;
}

function expectCharacter(text: string, offset: number, expected: string, what: string): number {
  if (text[offset] !== expected) throw new ScanError(offset, `expected ${what}, found ${describe(text, offset)}`);
  return offset + 1;
}

// value = object / array / string / number / true / false / null
function readValue(text: string, offset: number, depth: number): number {
  if (depth > MAX_DEPTH) throw new ScanError(offset, "nested too deeply");
  const character = text[offset];
  if (character === "{") return readObject(text, offset, depth);
  if (character === "[") return readArray(text, offset, depth);
  if (character === '"') return readString(text, offset);
  if (character === "-" || (character !== undefined && character >= "0" && character <= "9")) return readNumber(text, offset);
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, offset)) return offset + literal.length;
  }
  throw new ScanError(offset, `expected a value, found ${describe(text, offset)}`);
}

// object = "{" [ string ":" value *( "," string ":" value ) ] "}"
function readObject(text: string, offset: number, depth: number): number {
  let cursor = skipBlanks(text, offset + 1);
  if (text[cursor] === "}") return cursor + 1;
  for (;;) {
    if (text[cursor] !== '"') throw new ScanError(cursor, `expected a property name in double quotes, found ${describe(text, cursor)}`);
    cursor = skipBlanks(text, readString(text, cursor));
    cursor = skipBlanks(text, expectCharacter(text, cursor, ":", "':'"));
    cursor = skipBlanks(text, readValue(text, cursor, depth + 1));
    if (text[cursor] === "}") return cursor + 1;
    cursor = skipBlanks(text, expectCharacter(text, cursor, ",", "',' or '}'"));
  }
}

// array = "[" [ value *( "," value ) ] "]"
function readArray(text: string, offset: number, depth: number): number {
  let cursor = skipBlanks(text, offset + 1);
  if (text[cursor] === "]") return cursor + 1;
  for (;;) {
    cursor = skipBlanks(text, readValue(text, cursor, depth + 1));
    if (text[cursor] === "]") return cursor + 1;
    cursor = skipBlanks(text, expectCharacter(text, cursor, ",", "',' or ']'"));
  }
}

// string = '"' *( unescaped / "\" ( ["\/bfnrt] / "u" 4HEXDIG ) ) '"'
function readString(text: string, offset: number): number {
  let cursor = offset + 1;
  for (;;) {
    const character = text[cursor];
    if (character === undefined) throw new ScanError(cursor, "unterminated string");
    if (character === '"') return cursor + 1;
    if (character.charCodeAt(0) < 0x20) throw new ScanError(cursor, "control character in a string");
    if (character === "\\") {
      const escape = text[cursor + 1];
      if (escape === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(cursor + 2, cursor + 6))) throw new ScanError(cursor, "bad \\u escape");
        cursor += 6;
        continue;
      }
      if (escape === undefined || !'"\\/bfnrt'.includes(escape)) throw new ScanError(cursor, "bad escape in a string");
      cursor += 2;
      continue;
    }
    cursor++;
  }
}

// number = [ "-" ] int [ frac ] [ exp ]
function readNumber(text: string, offset: number): number {
  const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(offset, offset + 400));
  if (!match) throw new ScanError(offset, "bad number");
  return offset + match[0].length;
}
