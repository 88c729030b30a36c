// The first line where outputs differ, shown in the pretty report (addresses aside).

const HEX_ADDRESS = /0[xX][0-9a-fA-F]{8,16}/gu;
const DECIMAL_ID = /(?<![\w.])\d{7,20}(?![\w.])/gu;

/** Address spellings vary from run to run; for spotting the line that differs they are one token. */
function withoutAddresses(line: string): string {
  return line.replace(HEX_ADDRESS, "0x…").replace(DECIMAL_ID, "#…");
}

/**
 * The index of the first line (of the texts split into lines) that is not the same in every
 * text once addresses are masked; 0 when they differ only in addresses or length.
 */
export function firstDifferingLine(texts: readonly string[]): number {
  const split = texts.map((text) => text.replace(/\n$/u, "").split("\n"));
  const longest = Math.max(0, ...split.map((lines) => lines.length));
  for (let index = 0; index < longest; index += 1) {
    const masked = split.map((lines) => (index < lines.length ? withoutAddresses(lines[index]!) : undefined));
    if (masked.some((line) => line !== masked[0])) return index;
  }
  return 0;
}

/** Line `index` of a text, or a note when the text is shorter or empty. */
export function lineAt(text: string, index: number): string {
  if (text === "") return "(prints nothing)";
  const lines = text.replace(/\n$/u, "").split("\n");
  return index < lines.length ? lines[index]! : "(no such line)";
}
