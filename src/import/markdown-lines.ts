// Cheap guesses about a paragraph of text: does it read as markdown prose?

const STRONG_MARKDOWN: readonly RegExp[] = [
  /^#{1,6}[ \t]+\S/, // heading (a Python comment too: weighed against code elsewhere)
  /^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$/, // thematic break or setext underline
  /\*\*[^*\s][^*]*\*\*|__[^_\s][^_]*__/, // bold
  /`[^`\n]+`/, // inline code
  /!?\[[^\]\n]+\]\([^)\n]+\)/, // link or image
  /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S.*\s\S/, // list item with words
  /^[ \t]*>[ \t]?\S/, // blockquote
  /^[ \t]*\|.*\|[ \t]*$/, // table row
  /^[ \t]*(?:`{3,}|~{3,})/, // fence
  /^[ \t]*<\/?[A-Za-z][\w-]*(?:\s[^>]*)?\/?>/, // HTML tag (Python reprs are told apart first)
  /(?:^|\s)\*[^*\s][^*]*\*(?=$|[\s.,:;!?])/, // *emphasis*
  /(?:^|\s)_[^_\s][^_]*_(?=$|[\s.,:;!?])/, // _emphasis_
];

/** Some line carries markdown syntax that program output rarely has. */
export function hasMarkdownSyntax(lines: readonly string[]): boolean {
  return lines.some((line) => STRONG_MARKDOWN.some((pattern) => pattern.test(line)));
}

/**
 * Reads as a sentence: mostly words made of letters, and either three or more ending with
 * punctuation ("Let's check the count again:") or five or more starting with a capital ("A
 * function can return a function"), unlike printed values ("a: 1, b: 2", "0x7f… 0x7f…").
 */
export function looksLikeSentence(lines: readonly string[]): boolean {
  const text = lines.join(" ").trim();
  const tokens = text.split(/\s+/);
  const words = tokens.filter((token) => /^[("'*_]*[A-Za-z][A-Za-z'’-]*[)"'*_.,:;!?]*$/.test(token));
  if (words.length * 3 < tokens.length * 2) return false;
  if (words.length >= 3 && /[.:!?]["')*_]*$/.test(text)) return true;
  return words.length >= 5 && /^[("'*_]*[A-Z]/.test(text);
}
