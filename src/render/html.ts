// hast to HTML text through rehype-stringify (escapes every text and attribute value).
import { unified } from "unified";
import rehypeStringify from "rehype-stringify";
import type { ElementContent, Root } from "hast";

const stringifier = unified().use(rehypeStringify);

export function toHtmlText(nodes: ElementContent | readonly ElementContent[]): string {
  const children = Array.isArray(nodes) ? [...nodes] : [nodes as ElementContent];
  const root: Root = { type: "root", children };
  return stringifier.stringify(root);
}
