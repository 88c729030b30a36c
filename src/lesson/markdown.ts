// The one markdown reader of lessonkit: remark-parse + frontmatter (yaml) + GFM, parse only.
import type { Node, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const BYTE_ORDER_MARK = "\uFEFF";

// Built once: a unified processor is reusable and freezing it per call would cost time.
const lessonProcessor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();
// For a fragment that will sit in the middle of a lesson, where `---` cannot open frontmatter.
const fragmentProcessor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parses markdown into mdast; a `fragment` (prose to embed in a lesson) has no frontmatter.
 * Invariant: every position in the tree is an offset into `text`
 * exactly as given; micromark drops a leading byte order mark from its offsets, so positions
 * are shifted back over it here.
 */
export function parseMarkdown(text: string, options: { readonly fragment?: boolean } = {}): Root {
  const tree = (options.fragment ? fragmentProcessor : lessonProcessor).parse(text);
  if (text.startsWith(BYTE_ORDER_MARK)) shiftPastByteOrderMark(tree);
  return tree;
}

function shiftPastByteOrderMark(node: Node): void {
  const position = node.position;
  if (position) {
    for (const point of [position.start, position.end]) {
      if (point.offset !== undefined) point.offset += 1;
      if (point.line === 1) point.column += 1;
    }
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shiftPastByteOrderMark(child);
}
