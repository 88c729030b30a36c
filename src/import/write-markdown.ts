// Writes an imported document as canonical lesson markdown: frontmatter title, prose, fences.
import { stringify } from "yaml";
import { contentLines, fenceLengthFor, formatOption } from "../lesson/fence-text.js";
import { CELL_LANGUAGE, OUTPUT_LANGUAGE } from "../lesson/parse.js";
import type { CodeBlock, ImportedBlock, ImportedDocument } from "./types.js";

/** Blocks are separated by one blank line; every text is written with "\n" line endings. */
export function writeMarkdown(document: ImportedDocument): string {
  const parts = [frontmatter(document.title), ...document.blocks.map(writeBlock).filter((part) => part !== "")];
  return `${parts.join("\n\n")}\n`;
}

function frontmatter(title: string): string {
  return `---\n${stringify({ title }, { lineWidth: 0 }).trimEnd()}\n---`;
}

function writeBlock(block: ImportedBlock): string {
  switch (block.kind) {
    case "prose":
      return trimBlankLines(block.text);
    case "raw":
      return fence(block.text, ["raw", ...(block.format === undefined ? [] : [formatOption("format", block.format)])]);
    case "code":
      return writeCode(block);
  }
}

function writeCode(block: CodeBlock): string {
  const info = [CELL_LANGUAGE];
  if (block.executionCount !== undefined) info.push(`n=${block.executionCount}`);
  info.push(...block.options);
  const parts = [fence(block.source, info)];
  if (block.output !== "") parts.push(fence(block.output, [OUTPUT_LANGUAGE]));
  // Notes come after the output group, never between the code and its output fences.
  for (const note of block.notes) parts.push(`> ${note}`);
  return parts.join("\n\n");
}

/** A backtick fence long enough that no line of the content can close it. */
function fence(content: string, info: readonly string[]): string {
  const text = content.replace(/\r\n?/g, "\n");
  const markers = "`".repeat(fenceLengthFor(text, "`"));
  const body = contentLines(text).map((line) => `${line}\n`).join("");
  return `${markers}${info.join(" ")}\n${body}${markers}`;
}

/** Drops blank lines at the start and end (the separators are written here), keeps the rest. */
function trimBlankLines(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "").replace(/^[ \t]+$/, "");
}
