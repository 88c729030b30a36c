// Places a heap snapshot in columns: names on the left, then objects by distance from a name
// (breadth first), each object drawn once however many references reach it, near what points at
// it. Arrows are routed by routes.ts.
import type { HeapObject, HeapSnapshot } from "../../runners/types.js";
import { clip, textWidth } from "./text-metrics.js";
import { ENTRY_OFFSET, LANE_SPACING, type Edge, type LineKind, type NameBox, type ObjectBox, type BoxLine } from "./geometry.js";
import { routeEdges } from "./routes.js";

export type { BoxLine, Edge, LineKind, NameBox, ObjectBox } from "./geometry.js";

export interface HeapLayout {
  readonly width: number;
  readonly height: number;
  readonly names: readonly NameBox[];
  readonly objects: readonly ObjectBox[];
  readonly edges: readonly Edge[];
  /** Column titles: x of the names column and of the first object column. */
  readonly titles: readonly { readonly text: string; readonly x: number }[];
  /** References to objects the snapshot does not hold (it is capped). */
  readonly missingReferences: number;
}

const MARGIN = 12;
const TOP = 30;
const NAME_HEIGHT = 24;
const NAME_GAP = 8;
const COLUMN_GAP = 60;
const OBJECT_GAP = 14;
const HEADER_HEIGHT = 22;
const LINE_HEIGHT = 16;
const PAD_X = 8;
const PAD_BOTTOM = 8;
const MIN_BOX_WIDTH = 96;

export function hexAddress(address: number): string {
  return `0x${address.toString(16)}`;
}

export function formatRefcount(refcount: number): string {
  return `refcount ${refcount}`;
}

interface Draft {
  readonly object: HeapObject;
  readonly order: number;
  readonly column: number;
  readonly texts: { kind: LineKind; text: string; target?: number; missingTarget?: boolean }[];
  readonly width: number;
  readonly height: number;
}

/** A default repr (`<__main__.A object at 0x…>`) says nothing the box does not: type and address. */
export function informativeSummary(object: HeapObject): string | undefined {
  const summary = object.summary;
  if (summary === "" || summary === object.type || /^<[^<>]* at 0x[0-9a-fA-F]+>$/.test(summary)) return undefined;
  return summary;
}

function draftBox(object: HeapObject, order: number, column: number, present: ReadonlyMap<number, HeapObject>): Draft {
  // The first line holds the type, and the address at the right end of the same line.
  const texts: Draft["texts"] = [{ kind: "type", text: clip(object.type, 20) }];
  const summary = informativeSummary(object);
  if (summary !== undefined) texts.push({ kind: "summary", text: clip(summary) });
  texts.push({ kind: "refcount", text: formatRefcount(object.refcount) });
  for (const reference of object.references) {
    const held = present.has(reference.object);
    texts.push({ kind: "reference", text: clip(held ? reference.label : `${reference.label} …`, 20), ...(held ? { target: reference.object } : { missingTarget: true }) });
  }
  const headerWidth = textWidth(texts[0]!.text) + 2 * 7.4 + textWidth(hexAddress(object.address));
  const widest = Math.max(headerWidth, ...texts.slice(1).map((line) => textWidth(line.text) + (line.kind === "reference" ? 12 : 0)));
  const width = Math.ceil(Math.max(MIN_BOX_WIDTH, widest + 2 * PAD_X));
  const height = HEADER_HEIGHT + (texts.length - 1) * LINE_HEIGHT + PAD_BOTTOM;
  return { object, order, column, texts, width, height };
}

/** Column of each object: 0 for objects a name points at, n+1 for what a column-n object refers to. */
function columnsByDistance(snapshot: HeapSnapshot, present: ReadonlyMap<number, HeapObject>): Map<number, number> {
  const column = new Map<number, number>();
  const queue: number[] = [];
  for (const entry of snapshot.names) {
    if (present.has(entry.object) && !column.has(entry.object)) {
      column.set(entry.object, 0);
      queue.push(entry.object);
    }
  }
  for (let position = 0; position < queue.length; position++) {
    const id = queue[position]!;
    for (const reference of present.get(id)!.references) {
      if (present.has(reference.object) && !column.has(reference.object)) {
        column.set(reference.object, column.get(id)! + 1);
        queue.push(reference.object);
      }
    }
  }
  // Objects no name reaches (the snapshot should hold none) still get drawn, in the first column.
  for (const object of snapshot.objects) if (!column.has(object.id)) column.set(object.id, 0);
  return column;
}

export function layoutHeap(snapshot: HeapSnapshot): HeapLayout {
  const present = new Map<number, HeapObject>();
  for (const object of snapshot.objects) if (!present.has(object.id)) present.set(object.id, object);
  const columnOf = columnsByDistance(snapshot, present);
  const drafts = [...present.values()].map((object, order) => draftBox(object, order, columnOf.get(object.id)!, present));
  const columnCount = drafts.reduce((count, draft) => Math.max(count, draft.column + 1), 0);

  const nameWidth = Math.ceil(Math.max(56, ...snapshot.names.map((entry) => textWidth(clip(entry.name, 24)) + 2 * PAD_X)));
  // Column 0 follows the order of the names; each name is then drawn level with its object.
  const nameOrder = new Map<number, number>();
  snapshot.names.forEach((entry, index) => {
    if (!nameOrder.has(entry.object)) nameOrder.set(entry.object, index);
  });
  const nameLabels = snapshot.names.map((entry) => clip(entry.name, 24));

  // Where something already placed points at each object: the y an object would like to sit at.
  const wantedY = new Map<number, number>();
  const want = (target: number, y: number): void => {
    const known = wantedY.get(target);
    if (known === undefined || y < known) wantedY.set(target, y);
  };
  for (const [target, index] of nameOrder) want(target, index);

  const boxes = new Map<number, ObjectBox>();
  let columnX = MARGIN + nameWidth + COLUMN_GAP;
  const columnRight: number[] = [];
  for (let column = 0; column < columnCount; column++) {
    const members = drafts.filter((draft) => draft.column === column);
    // Objects sit near what points at them (fewer crossing arrows); unreached ones keep snapshot order.
    members.sort((a, b) => (wantedY.get(a.object.id) ?? Infinity) - (wantedY.get(b.object.id) ?? Infinity) || a.order - b.order);
    // Column 0 is stacked in name order (its wanted values are name positions, not heights).
    const stacked = column === 0;
    const width = Math.max(...members.map((draft) => draft.width));
    // One pixel lower than the names column, so a name and its object sit exactly level.
    let cursor = TOP + Math.max(0, NAME_HEIGHT / 2 - ENTRY_OFFSET);
    for (const draft of members) {
      const wanted = wantedY.get(draft.object.id);
      const y = Math.round(wanted === undefined || stacked ? cursor : Math.max(cursor, wanted - ENTRY_OFFSET));
      const lines: BoxLine[] = draft.texts.map((line, index) => ({
        ...line,
        y: index === 0 ? y + 15 : y + HEADER_HEIGHT + (index - 1) * LINE_HEIGHT + 12,
      }));
      const box: ObjectBox = { object: draft.object, column, x: columnX, y, width, height: draft.height, lines };
      boxes.set(draft.object.id, box);
      for (const line of lines) if (line.target !== undefined) want(line.target, line.y - 4);
      cursor = y + draft.height + OBJECT_GAP;
    }
    columnRight.push(columnX + width);
    columnX += width + COLUMN_GAP;
  }

  const names: NameBox[] = [];
  let nameCursor = TOP;
  snapshot.names.forEach((entry, index) => {
    const target = boxes.get(entry.object);
    const y = Math.round(target === undefined ? nameCursor : Math.max(nameCursor, target.y + ENTRY_OFFSET - NAME_HEIGHT / 2));
    names.push({ name: nameLabels[index]!, target: entry.object, x: MARGIN, y, width: nameWidth, height: NAME_HEIGHT });
    nameCursor = y + NAME_HEIGHT + NAME_GAP;
  });
  const { edges, lanes } = routeEdges(names, boxes);
  const ordered = drafts.map((draft) => boxes.get(draft.object.id)!);
  const bottoms = [...names.map((name) => name.y + name.height), ...ordered.map((box) => box.y + box.height)];
  const contentBottom = Math.max(TOP, ...bottoms);
  const rightmost = columnRight.length > 0 ? columnRight[columnRight.length - 1]! : MARGIN + nameWidth;
  return {
    width: rightmost + MARGIN + 24,
    height: contentBottom + (lanes > 0 ? 14 + lanes * LANE_SPACING : 0) + MARGIN,
    names,
    objects: ordered,
    edges,
    titles: [
      { text: "names", x: MARGIN },
      ...(columnRight.length > 0 ? [{ text: "objects", x: MARGIN + nameWidth + COLUMN_GAP }] : []),
    ],
    missingReferences: ordered.reduce((count, box) => count + box.lines.filter((line) => line.missingTarget === true).length, 0),
  };
}
