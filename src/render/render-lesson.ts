// A lesson page: the lesson's markdown turned into HTML, with each code cell shown with its
// output, a badge saying what verified it, and notes for per-version outputs.
import { unified } from "unified";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { h } from "hastscript";
import type { Root, Code, Nodes } from "mdast";
import type { Element, ElementContent } from "hast";
import type { CodeCell, Lesson } from "../lesson/types.js";
import type { CellResult } from "../check/types.js";

export interface RenderedCell {
  readonly cell: CodeCell;
  readonly result: CellResult | undefined;
  /** e.g. "simulator 3.13" or "CPython 3.11.7". */
  readonly engineLabel: string;
}

function badge(rendered: RenderedCell): Element {
  const result = rendered.result;
  if (rendered.cell.options.skip) return h("span.badge.skipped", "not run");
  if (result === undefined) return h("span.badge.skipped", "not checked");
  const label =
    result.status === "pass"
      ? `✓ ${rendered.engineLabel}`
      : result.status === "skipped"
        ? `not compared · ${rendered.engineLabel}`
        : `${result.status} · ${rendered.engineLabel}`;
  return h(`span.badge.${result.status}`, { title: result.message ?? `verified by ${rendered.engineLabel}` }, label);
}

function outputBlocks(cell: CodeCell): ElementContent[] {
  if (cell.outputs.length === 0) return [];
  const [primary, ...others] = cell.outputs;
  const blocks: ElementContent[] = [h("pre.output", { "aria-label": "output" }, h("code", primary!.text))];
  const versioned = cell.outputs.filter((output) => output.range !== undefined);
  if (versioned.length > 0 && others.length > 0) {
    blocks.push(
      h("details.drift", [
        h("summary", "Output differs between Python versions"),
        h(
          "table",
          h("tbody", [
            ...cell.outputs.map((output) =>
              h("tr", [h("th", { scope: "row" }, output.range ? `Python ${output.range.text}` : "other versions"), h("td", h("pre", h("code", output.text)))]),
            ),
          ]),
        ),
      ]),
    );
  }
  return blocks;
}

function cellElement(rendered: RenderedCell): Element {
  const { cell, result } = rendered;
  const children: ElementContent[] = [
    h("div.cell-header", [h("span", cell.executionCount !== undefined ? `In [${cell.executionCount}]` : `Cell ${cell.index + 1}`), badge(rendered)]),
    h("pre.code", h("code.language-python", cell.source)),
    ...outputBlocks(cell),
  ];
  if (result !== undefined && (result.status === "fail" || result.status === "error" || result.status === "unsupported") && result.message) {
    children.push(h("p.cell-message", result.message));
  }
  return h("section.cell", { id: `cell-${cell.index + 1}` }, children);
}

/** The lesson's body HTML (prose and cells), for the page template. */
export function renderLessonBody(lesson: Lesson, cells: readonly RenderedCell[]): string {
  const byOffset = new Map<number, RenderedCell>();
  for (const rendered of cells) byOffset.set(rendered.cell.span.start.offset, rendered);
  const outputOffsets = new Set<number>();
  for (const rendered of cells) for (const output of rendered.cell.outputs) outputOffsets.add(output.span.start.offset);
  // Frontmatter is data, not prose.
  const tree: Root = { ...lesson.tree, children: lesson.tree.children.filter((node) => node.type !== "yaml") as Root["children"] };
  const processor = unified()
    .use(remarkRehype, {
      handlers: {
        code(_state, node: Code) {
          const offset = node.position?.start.offset ?? -1;
          const rendered = byOffset.get(offset);
          if (rendered !== undefined) return cellElement(rendered);
          if (outputOffsets.has(offset)) return undefined;
          return h("pre.code", h("code", node.lang ? { className: [`language-${node.lang}`] } : {}, node.value));
        },
      },
    })
    .use(rehypeStringify);
  const hast = processor.runSync(tree as Nodes as Root);
  return processor.stringify(hast);
}
