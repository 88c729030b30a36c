// Draws a laid-out heap as an inline SVG (hast, so every name and value is escaped when written).
// Colours come from the page's stylesheet through classes, with currentColor as the fallback, so
// the diagram follows dark mode; coordinates are whole numbers, so the bytes are reproducible.
import { s } from "hastscript";
import type { Element, ElementContent } from "hast";
import type { HeapSnapshot } from "../../runners/types.js";
import { describeHeap, heapTitle } from "./describe.js";
import { hexAddress, layoutHeap, type ObjectBox } from "./layout.js";
import { FONT_SIZE } from "./text-metrics.js";

export interface HeapSvgOptions {
  /** Unique in the page: prefixes the ids of the title, description and arrowhead. */
  readonly idPrefix: string;
  /** "cell 3", for the title. */
  readonly cellLabel: string;
  /** Names the cell uses, in order of first use: drawn first (see layout.ts). */
  readonly focus?: readonly string[];
}

function objectGroup(box: ObjectBox): Element {
  const object = box.object;
  const children: ElementContent[] = [
    s("title", `${object.type} at ${hexAddress(object.address)}: ${object.summary}`),
    s("rect.heap-box", { x: box.x, y: box.y, width: box.width, height: box.height, rx: 4, fill: "none", stroke: "currentColor" }),
    s("line.heap-rule", { x1: box.x, y1: box.y + 22, x2: box.x + box.width, y2: box.y + 22, stroke: "currentColor" }),
  ];
  for (const line of box.lines) {
    const className = `heap-${line.kind}`;
    children.push(s(`text.${className}`, { x: box.x + 8, y: line.y, fill: "currentColor" }, line.text));
    if (line.aside !== undefined) {
      children.push(s("text.heap-refcount", { x: box.x + box.width - 8, y: line.y, fill: "currentColor", textAnchor: "end" }, line.aside));
    }
    if (line.kind === "type") {
      children.push(s("text.heap-address", { x: box.x + box.width - 8, y: line.y, fill: "currentColor", textAnchor: "end" }, hexAddress(object.address)));
    }
    if (line.kind === "reference") {
      children.push(s("circle.heap-port", { cx: box.x + box.width - 6, cy: line.y - 4, r: 3, fill: "currentColor" }));
    }
  }
  return s("g.heap-object", { dataObjectType: object.type, dataAddress: hexAddress(object.address) }, children);
}

/** The diagram of `snapshot`; deterministic: the same snapshot gives the same element. */
export function heapSvg(snapshot: HeapSnapshot, options: HeapSvgOptions): Element {
  const layout = layoutHeap(snapshot, options.focus !== undefined ? { focus: options.focus } : {});
  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  const arrowId = `${options.idPrefix}-arrow`;
  const children: ElementContent[] = [
    s("title", { id: titleId }, heapTitle(snapshot, options.cellLabel)),
    s("desc", { id: descId }, describeHeap(snapshot)),
    s("defs", [
      s("marker", { id: arrowId, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, [
        s("path.heap-arrowhead", { d: "M0,0 L10,5 L0,10 z", fill: "currentColor" }),
      ]),
    ]),
    ...layout.titles.map((title) => s("text.heap-heading", { x: title.x, y: title.y, fill: "currentColor" }, title.text)),
  ];
  for (const name of layout.names) {
    children.push(
      s(`g.heap-name${name.focus ? "" : ".heap-name-other"}`, { dataName: name.name }, [
        s("rect.heap-name-box", { x: name.x, y: name.y, width: name.width, height: name.height, rx: 4, fill: "none", stroke: "currentColor" }),
        s("text.heap-name-text", { x: name.x + 8, y: name.y + 16, fill: "currentColor" }, name.name),
      ]),
    );
  }
  for (const box of layout.objects) children.push(objectGroup(box));
  for (const edge of layout.edges) {
    children.push(
      s(`path.heap-edge.heap-edge-${edge.kind}${edge.back ? ".heap-edge-back" : ""}`, {
        d: edge.d,
        fill: "none",
        stroke: "currentColor",
        markerEnd: `url(#${arrowId})`,
      }),
    );
  }
  return s(
    "svg.heap",
    {
      xmlns: "http://www.w3.org/2000/svg",
      role: "img",
      ariaLabelledBy: `${titleId} ${descId}`,
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      fontSize: FONT_SIZE,
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    },
    children,
  );
}
