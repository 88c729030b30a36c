// A lesson's title: frontmatter `title`, else the first heading's text, else the file name.
import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { basename, extname } from "node:path";

export function lessonTitle(frontmatterTitle: string | undefined, tree: Root, path: string): string {
  if (frontmatterTitle !== undefined && frontmatterTitle.trim() !== "") return frontmatterTitle.trim();
  const heading = tree.children.find((node): node is Heading => node.type === "heading");
  const headingText = heading ? toString(heading).trim() : "";
  if (headingText !== "") return headingText;
  return basename(path, extname(path));
}
