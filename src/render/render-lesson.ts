// A lesson page's body: the lesson's markdown through remark-rehype, with code cells replaced by
// cell views, the title as the page's one <h1>, and links to other lessons pointed at their pages.
import { unified } from "unified";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { h } from "hastscript";
import { toString } from "mdast-util-to-string";
import type { Root as MdastRoot, Code, RootContent } from "mdast";
import type { Element, ElementContent, Root as HastRoot, Nodes as HastNodes } from "hast";
import type { Lesson } from "../lesson/types.js";
import { cellElement, hiddenCellNotice, type CellView } from "./cell-view.js";
import type { PythonHighlighter } from "./highlight.js";
import { rewriteLessonLinks } from "./lesson-links.js";

export interface LessonBodyInput {
  readonly lesson: Lesson;
  /** By cell index; every cell of the lesson has one. */
  readonly views: ReadonlyMap<number, CellView>;
  readonly highlighter: PythonHighlighter;
  /** Lesson file name (as a link in prose would name it) → its page, e.g. "02-x.md" → "02-x.html". */
  readonly pages: ReadonlyMap<string, string>;
  /** Shown right under the title (the lesson's totals, problems in the file). */
  readonly intro?: readonly ElementContent[];
}

/** Prose without the frontmatter, and without a first heading that only repeats the title. */
function proseNodes(lesson: Lesson): RootContent[] {
  const nodes = lesson.tree.children.filter((node) => node.type !== "yaml");
  const first = nodes[0];
  if (first !== undefined && first.type === "heading" && toString(first).trim() === lesson.title) return nodes.slice(1);
  return nodes;
}

const HEADING = /^h([1-6])$/;

/**
 * The title is the page's one <h1>; the prose's headings come under it with no level skipped
 * (a notebook going from its title straight to "###" would otherwise jump from h1 to h3, which
 * screen-reader users navigate by and axe reports). Their relative order of levels is kept.
 */
function nestHeadingsUnderTitle(tree: HastRoot): void {
  const headings: Element[] = [];
  const visit = (node: HastRoot | ElementContent): void => {
    if (node.type === "element" && HEADING.test(node.tagName)) headings.push(node);
    if ("children" in node) for (const child of node.children) visit(child as ElementContent);
  };
  visit(tree);
  const levels = [...new Set(headings.map((heading) => Number(HEADING.exec(heading.tagName)![1])))].sort((a, b) => a - b);
  for (const heading of headings) {
    const rank = levels.indexOf(Number(HEADING.exec(heading.tagName)![1]));
    heading.tagName = `h${Math.min(6, 2 + rank)}`;
  }
}

export function renderLessonBody(input: LessonBodyInput): string {
  const { lesson } = input;
  const cellsByOffset = new Map<number, CellView>();
  const outputOffsets = new Set<number>();
  for (const cell of lesson.cells) {
    const view = input.views.get(cell.index);
    if (view !== undefined) cellsByOffset.set(cell.span.start.offset, view);
    for (const output of cell.outputs) outputOffsets.add(output.span.start.offset);
  }
  const tree: MdastRoot = { type: "root", children: proseNodes(lesson) };
  const processor = unified()
    .use(remarkRehype, {
      handlers: {
        code(_state, node: Code) {
          const offset = node.position?.start.offset ?? -1;
          const view = cellsByOffset.get(offset);
          if (view !== undefined) return view.cell.options.hide ? hiddenCellNotice(view) : cellElement(view, input.highlighter);
          // An output fence is drawn inside its cell.
          if (outputOffsets.has(offset)) return undefined;
          // Other fences in prose are shown as text, never highlighted as Python.
          return h("pre.prose-code", { tabIndex: 0 }, h("code", node.lang ? { className: [`language-${node.lang}`] } : {}, node.value));
        },
      },
    })
    .use(rehypeStringify);
  const hast = processor.runSync(tree) as HastRoot;
  rewriteLessonLinks(hast, input.pages);
  nestHeadingsUnderTitle(hast);
  const heading: Element = h("h1", lesson.title);
  const newline = { type: "text", value: "\n" } as const;
  const intro = (input.intro ?? []).flatMap((node) => [node, newline]);
  return processor.stringify({ type: "root", children: [heading, newline, ...intro, ...hast.children] } as HastNodes as HastRoot);
}
