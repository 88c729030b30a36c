// The readings of one `In [N]:` block of a text export: where code ends, output ends, prose starts.
//
// The export writes a cell as header, code, blank line, output, blank lines, then any prose,
// so blank lines inside code or output make the boundaries ambiguous. A block's non-blank
// paragraphs P1..Pk are read as  code = P1..Pi,  output = Pi+1..Pj,  prose = Pj+1..Pk:
//
//     In [14]:
//     # Circular reference      P1   code (i ≥ 1)
//                               ┐ blank: code continues, or output starts?
//     import gc                 P2
//                               ┐ blank: output, or prose?
//     ### Garbage collection    P3
//
// A judge picks one reading; the default one weighs how much each paragraph looks like code,
// output or prose, and a later one may run each candidate split in the simulator.

/** One way of reading a block. */
export interface SplitCandidate {
  /** Paragraphs read as code (0 only for an empty cell, which then has no output). */
  readonly codeParagraphs: number;
  /** Paragraphs read as output, after the code. */
  readonly outputParagraphs: number;
  /** The code, output and prose texts ("\n" line endings, each ends with "\n" unless empty). */
  readonly code: string;
  readonly output: string;
  readonly prose: string;
  /** 1-based lines in the export where output and prose start (when present). */
  readonly outputLine?: number;
  readonly proseLine?: number;
}

export interface SplitContext {
  readonly path: string;
  /** 1-based line of the `In [N]:` header. */
  readonly headerLine: number;
  readonly executionCount?: number;
  /** The block's paragraphs (runs of non-blank lines), in order. */
  readonly paragraphs: readonly (readonly string[])[];
  /** Cells read before this one, for a judge that replays them before trying a split. */
  readonly previousCells: readonly { readonly source: string; readonly output: string }[];
}

/** Picks a candidate by index, or returns undefined when it cannot decide. */
export type SplitJudge = (candidates: readonly SplitCandidate[], context: SplitContext) => number | undefined;

interface Paragraph {
  /** Index of its first and one past its last line in the block. */
  readonly start: number;
  readonly end: number;
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Splits a block's lines into paragraphs. */
export function paragraphsOf(lines: readonly string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let index = 0;
  while (index < lines.length) {
    if (isBlank(lines[index]!)) {
      index++;
      continue;
    }
    const start = index;
    while (index < lines.length && !isBlank(lines[index]!)) index++;
    paragraphs.push({ start, end: index });
  }
  return paragraphs;
}

/**
 * Every reading of a block, ordered by code paragraphs ascending, then output paragraphs
 * descending: among equally good readings the first keeps more text as checked output, whose
 * mistakes the checker shows, rather than as prose, whose mistakes nobody would see.
 * `firstLine` is the block's first line in the export (1-based).
 */
export function splitCandidates(lines: readonly string[], firstLine: number): SplitCandidate[] {
  const paragraphs = paragraphsOf(lines);
  const count = paragraphs.length;
  const candidates: SplitCandidate[] = [];
  for (let codeCount = 0; codeCount <= count; codeCount++) {
    const lastOutput = codeCount === 0 ? 0 : count;
    for (let outputEnd = lastOutput; outputEnd >= codeCount; outputEnd--) {
      const codeEnd = codeCount === 0 ? 0 : paragraphs[codeCount - 1]!.end;
      const codeStart = codeCount === 0 ? 0 : paragraphs[0]!.start;
      const outputStart = codeCount < outputEnd ? paragraphs[codeCount]!.start : undefined;
      const outputStop = codeCount < outputEnd ? paragraphs[outputEnd - 1]!.end : undefined;
      const proseStart = outputEnd < count ? paragraphs[outputEnd]!.start : undefined;
      candidates.push({
        codeParagraphs: codeCount,
        outputParagraphs: outputEnd - codeCount,
        code: joinLines(lines.slice(codeStart, codeEnd)),
        output: outputStart === undefined ? "" : joinLines(lines.slice(outputStart, outputStop)),
        prose: proseStart === undefined ? "" : joinLines(lines.slice(proseStart)),
        ...(outputStart === undefined ? {} : { outputLine: firstLine + outputStart }),
        ...(proseStart === undefined ? {} : { proseLine: firstLine + proseStart }),
      });
    }
  }
  return candidates;
}

/** The paragraphs of a block as lists of lines, for SplitContext. */
export function paragraphTexts(lines: readonly string[]): string[][] {
  return paragraphsOf(lines).map((paragraph) => lines.slice(paragraph.start, paragraph.end));
}
