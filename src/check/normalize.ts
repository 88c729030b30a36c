// Text normalisation applied to both sides before any comparison: line endings and trailing space.

/**
 * Turns CRLF and lone CR into LF, strips trailing whitespace from every line and drops blank
 * lines at the end. Leading blank lines are kept: they are part of what a reader sees.
 */
export function normalizeLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.replace(/\s+$/u, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The normalised text as reported: lines joined by "\n", with a final "\n" unless empty. */
export function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

export function normalizeText(text: string): string {
  return joinLines(normalizeLines(text));
}
