// Makes imported prose safe to embed in a lesson: its python fences become `python skip` cells,
// stray output fences become `text`, and a fence left open is closed so it swallows no cells.
import type { Code, Heading, Node, Parent } from "mdast";
import { toString } from "mdast-util-to-string";
import { readFence, type FenceGeometry } from "../lesson/fence.js";
import { parseFenceInfo } from "../lesson/fence-meta.js";
import { LineIndex } from "../lesson/line-index.js";
import { parseMarkdown } from "../lesson/markdown.js";
import { CELL_LANGUAGE, OUTPUT_LANGUAGE } from "../lesson/parse.js";

export interface ProseProblem {
  readonly kind: "unclosed-fence" | "orphan-output";
  /** 1-based line in the prose text. */
  readonly line: number;
}

export interface NeutralizedProse {
  readonly text: string;
  /** Python fences of the prose now marked `skip` (they become cells that never run). */
  readonly skippedCells: number;
  readonly problems: readonly ProseProblem[];
  /** The text of the prose's first heading, for the lesson's title. */
  readonly firstHeading?: string;
}

interface Insertion {
  readonly offset: number;
  readonly remove: number;
  readonly text: string;
  /** Order of creation: of two insertions at one offset, the earlier must end up first. */
  readonly order: number;
}

/** Every line of the prose is kept; only fence opening lines change, and a closing line may be added. */
export function neutralizeProse(text: string): NeutralizedProse {
  const lines = new LineIndex(text);
  // Parsed as it will be read once embedded: after the lesson's frontmatter, never as one.
  const tree = parseMarkdown(text, { fragment: true });
  const insertions: Insertion[] = [];
  const problems: ProseProblem[] = [];
  let skippedCells = 0;

  const visit = (parent: Parent): void => {
    let previousLanguage: string | undefined;
    for (const child of parent.children as Node[]) {
      let language: string | undefined;
      if (child.type === "code") {
        const fence = readFence(text, lines, child as Code);
        if (fence !== undefined) {
          const info = parseFenceInfo(fence.info);
          language = info.language.toLowerCase();
          if (language === CELL_LANGUAGE) {
            skippedCells++;
            if (!info.options.some((option) => option.key === "skip")) {
              insertions.push({ offset: fence.infoStart + fence.info.length, remove: 0, text: " skip", order: insertions.length });
            }
          } else if (language === OUTPUT_LANGUAGE && previousLanguage !== CELL_LANGUAGE && previousLanguage !== OUTPUT_LANGUAGE) {
            insertions.push({ offset: fence.infoStart, remove: info.language.length, text: "text", order: insertions.length });
            problems.push({ kind: "orphan-output", line: fence.openingLine });
          }
          if (!fence.closed && fence.end >= text.trimEnd().length) {
            insertions.push({ offset: text.length, remove: 0, text: closingLine(text, fence), order: insertions.length });
            problems.push({ kind: "unclosed-fence", line: fence.openingLine });
          }
        }
      } else if ("children" in child) {
        visit(child as Parent);
      }
      previousLanguage = language;
    }
  };
  visit(tree);

  // Applied from the end backwards; at one offset the later insertion goes in first.
  insertions.sort((a, b) => b.offset - a.offset || b.order - a.order);
  let result = text;
  for (const insertion of insertions) {
    result = result.slice(0, insertion.offset) + insertion.text + result.slice(insertion.offset + insertion.remove);
  }
  const heading = tree.children.find((node): node is Heading => node.type === "heading");
  const firstHeading = heading === undefined ? "" : toString(heading).trim();
  return { text: result, skippedCells, problems, ...(firstHeading === "" ? {} : { firstHeading }) };
}

/** A closing fence inside the same containers as the opening one ("> " kept, "- " as spaces). */
function closingLine(text: string, fence: FenceGeometry): string {
  const separator = text.endsWith("\n") || text === "" ? "" : "\n";
  const prefix = text.slice(fence.openingLineStart, fence.markerStart).replace(/[^>\s]/g, " ");
  return `${separator}${prefix}${fence.marker.repeat(fence.markerLength)}\n`;
}
