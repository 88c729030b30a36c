// Text sizes in heap diagrams: monospace text, so a width is a count of characters.

/** Font size of diagram text, in px; the stylesheet and the SVG attributes both use it. */
export const FONT_SIZE = 12;
/** Advance of one monospace character at FONT_SIZE (0.6 em, with a little slack). */
export const CHAR_WIDTH = 7.4;
/** Longest text kept on one line of a box; longer text is cut with "…" (the full text is in its tooltip). */
export const MAX_LINE_CHARS = 34;

/** Characters as a reader counts them (code points); wide East Asian characters count twice. */
export function displayLength(text: string): number {
  let length = 0;
  for (const character of text) length += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(character) ? 2 : 1;
  return length;
}

/** Cuts `text` to at most `limit` display characters, ending with "…" when it was cut. */
export function clip(text: string, limit = MAX_LINE_CHARS): string {
  // Control characters (a newline inside a repr, say) would break the line: shown escaped.
  const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, (character) => (character === "\n" ? "\\n" : character === "\t" ? "\\t" : "�"));
  if (displayLength(oneLine) <= limit) return oneLine;
  let kept = "";
  for (const character of oneLine) {
    if (displayLength(kept + character) > limit - 1) break;
    kept += character;
  }
  return `${kept}…`;
}

export function textWidth(text: string): number {
  return Math.ceil(displayLength(text) * CHAR_WIDTH);
}
