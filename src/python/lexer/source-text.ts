// Source text helpers: CPython's newline translation, UTF-8 byte columns and code point counts.

/**
 * What CPython's string tokenizer does before reading a str: `\r\n` and lone `\r` become
 * `\n`, and (for exec input) a final `\n` is appended when missing. A BOM is kept: compile()
 * of a str rejects it like any other non-printable character. Every index the lexer and parser
 * report refers to the returned text.
 */
export function normalizeSource(source: string, appendNewline: boolean): string {
  let text = source;
  if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
  if (appendNewline && (text.length === 0 || text.charCodeAt(text.length - 1) !== 10)) text += "\n";
  return text;
}

/** Number of UTF-8 bytes of `text[from, to)`; lone surrogates count 3 like CPython's surrogatepass. */
export function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < to) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Number of code points of `text[from, to)` (a surrogate pair is one). */
export function codePointCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < to) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}
