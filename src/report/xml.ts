// Escaping text for XML 1.0, including characters XML 1.0 cannot carry at all.
//
// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF],
// even as character references, so other characters (terminal escapes, NUL, lone surrogates,
// U+FFFE/U+FFFF) are written as the visible text `\u001b`. Tabs and line breaks inside
// attributes become character references, so parsers keep them instead of folding them to
// spaces; a CR in text becomes `&#13;` so it is not normalised away.

// With the `u` flag a surrogate pair is one code point, so only lone surrogates match here.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

function replaceForbidden(text: string): string {
  return text.replace(FORBIDDEN, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function escapeXmlText(text: string): string {
  return replaceForbidden(text)
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/\r/gu, "&#13;");
}

export function escapeXmlAttribute(text: string): string {
  return replaceForbidden(text)
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/\t/gu, "&#9;")
    .replace(/\n/gu, "&#10;")
    .replace(/\r/gu, "&#13;");
}
