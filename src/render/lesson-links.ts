// Links in prose: links to other lessons' files ("02-x.md", "../y.ipynb#part") point at their
// pages, and URLs that would run code when followed (javascript:, vbscript:, data:) are dropped.
import type { Element, Root, RootContent, ElementContent } from "hast";
import path from "node:path";

const LESSON_FILE = /\.(md|ipynb|txt)$/i;

/** Relative links only: an absolute URL or a scheme (https:, mailto:) is the author's business. */
function isRelative(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("/") && !href.startsWith("#");
}

export function rewriteLessonLinks(tree: Root, pages: ReadonlyMap<string, string>): void {
  const visit = (node: Root | RootContent | ElementContent): void => {
    if (node.type === "element") rewrite(node, pages);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/** Schemes a link or image in a lesson may use; any other scheme is removed with its URL. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

function safeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so do we.
  const scheme = /^([^:/?#]*):/.exec(url.replace(/[\u0000-\u0020]/g, ""));
  return scheme === null || SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}

function rewrite(element: Element, pages: ReadonlyMap<string, string>): void {
  for (const property of ["href", "src"]) {
    const value = element.properties[property];
    if (typeof value === "string" && !safeUrl(value)) delete element.properties[property];
  }
  if (element.tagName !== "a" || typeof element.properties.href !== "string") return;
  const href = element.properties.href;
  if (!isRelative(href)) return;
  const hash = href.indexOf("#");
  const file = decodeURIComponentSafe(hash === -1 ? href : href.slice(0, hash));
  if (!LESSON_FILE.test(file)) return;
  const page = pages.get(path.posix.basename(file));
  if (page !== undefined) element.properties.href = encodeURI(page) + (hash === -1 ? "" : href.slice(hash));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
