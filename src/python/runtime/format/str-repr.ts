// repr() of a Python str: quote choice and escapes of unicode_repr, for error messages.

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/**
 * repr(text) as CPython writes it: single quotes unless the text has ' and no ", backslash
 * escapes for \t \n \r, \xNN / \uNNNN / \UNNNNNNNN for unprintable characters (Unicode's
 * categories as the JavaScript engine knows them), lone surrogates as \udXXX.
 */
export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let result = quote;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === "\\") result += "\\" + char;
    else if (char === "\t") result += "\\t";
    else if (char === "\n") result += "\\n";
    else if (char === "\r") result += "\\r";
    else if (code < 0x20 || code === 0x7f) result += "\\x" + hex(code, 2);
    else if (code < 0x7f) result += char;
    else if (code === 0x20 || !NOT_PRINTABLE.test(char)) result += char;
    else if (code <= 0xff) result += "\\x" + hex(code, 2);
    else if (code <= 0xffff) result += "\\u" + hex(code, 4);
    else result += "\\U" + hex(code, 8);
  }
  return result + quote;
}
