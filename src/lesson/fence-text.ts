// Writing fences: a marker long enough for the content, option values quoted when needed.
import type { FenceMarker } from "./fence.js";

/**
 * The marker length a fence needs so that no content line can close it: longer than any run
 * of the marker character that starts a content line (after indentation), and at least 3.
 */
export function fenceLengthFor(content: string, marker: FenceMarker, minimum = 3): number {
  let longest = 0;
  const run = marker === "`" ? /^[ \t]*(`+)/gm : /^[ \t]*(~+)/gm;
  for (const match of content.matchAll(run)) longest = Math.max(longest, match[1]!.length);
  return Math.max(minimum, 3, longest + 1);
}

/**
 * `key=value`, quoted when asked, or when the value has blanks or quotes or starts with a
 * comparison (which a reader could take for part of the key).
 */
export function formatOption(key: string, value: string, options: { readonly quote?: boolean } = {}): string {
  const plain = value !== "" && !/[\s"']/.test(value) && !/^[<>=!]/.test(value);
  if (plain && !options.quote) return `${key}=${value}`;
  return value.includes('"') ? `${key}='${value}'` : `${key}="${value}"`;
}

/** Splits text into lines without their "\n"; a final newline does not make an extra line. */
export function contentLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
