// The shape of a SyntaxError as CPython reports it, and how CPython turns byte columns into it.

/** CPython's SyntaxError attributes; offsets are 1-based character columns. */
export interface PythonSyntaxError {
  /** _IncompleteInputError: 3.13+'s "incomplete input" (a SyntaxError subclass). */
  readonly type: "SyntaxError" | "IndentationError" | "TabError" | "_IncompleteInputError";
  readonly msg: string;
  readonly lineno: number | null;
  readonly offset: number | null;
  readonly end_lineno: number | null;
  readonly end_offset: number | null;
  readonly text: string | null;
}

/** A warning raised while parsing (invalid escape sequences, `1if` style literals). */
export interface PythonSyntaxWarning {
  readonly category: "SyntaxWarning" | "DeprecationWarning";
  readonly message: string;
  readonly lineno: number;
}

/**
 * CPython's _PyPegen_byte_offset_to_character_offset: the number of characters obtained by
 * decoding the first `byteOffset` bytes of `line` (a cut multi-byte character counts as one,
 * and an offset past the end counts the terminating NUL, once).
 */
export function byteOffsetToCharOffset(line: string, byteOffset: number): number {
  if (byteOffset <= 0) return byteOffset;
  let bytes = 0;
  let chars = 0;
  for (let index = 0; index < line.length && bytes < byteOffset; index++) {
    const code = line.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < line.length) {
      const next = line.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
    chars++;
  }
  if (bytes < byteOffset) chars++;
  return chars;
}
