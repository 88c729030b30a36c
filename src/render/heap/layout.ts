// Places a heap snapshot in columns: names on the left, then objects by distance from a name
// (breadth first), each object drawn once however many references reach it, near what points at
// it. Arrows are routed by routes.ts.
import type { HeapObject, HeapSnapshot } from "../../runners/types.js";
import { clip, displayLength, MAX_LINE_CHARS, textWidth } from "./text-metrics.js";
import { ENTRY_OFFSET, LANE_SPACING, type Edge, type LineKind, type NameBox, type ObjectBox, type BoxLine } from "./geometry.js";
import { routeEdges } from "./routes.js";

export type { BoxLine, Edge, LineKind, NameBox, ObjectBox } from "./geometry.js";

export interface HeapLayout {
  readonly width: number;
  readonly height: number;
  readonly names: readonly NameBox[];
  readonly objects: readonly ObjectBox[];
  readonly edges: readonly Edge[];
  /** Column titles ("names", "objects") and the label above the names the cell does not use. */
  readonly titles: readonly { readonly text: string; readonly x: number; readonly y: number }[];
  /** References to objects the snapshot does not hold (it is capped). */
  readonly missingReferences: number;
}

const MARGIN = 12;
const TOP = 30;
const NAME_HEIGHT = 24;
const NAME_GAP = 8;
const COLUMN_GAP = 60;
const MAX_COLUMN_GAP = 140;
const OBJECT_GAP = 14;
const HEADER_HEIGHT = 22;
const LINE_HEIGHT = 16;
const PAD_X = 8;
const PAD_BOTTOM = 8;
const MIN_BOX_WIDTH = 96;
/** A value and its refcount share a line up to this many characters ("None  refcount 4294967295 (immortal)"). */
const SHARED_LINE_CHARS = MAX_LINE_CHARS + 4;
/** Space above the names the cell does not use, for their label. */
const GROUP_GAP = 26;

export interface HeapLayoutOptions {
  /** Names the cell uses, in order of first use: drawn first; the other names follow, set apart. */
  readonly focus?: readonly string[];
}

/** Names in drawing order: the cell's own first (in the order it uses them), then the others in scope order. */
function orderNames(snapshot: HeapSnapshot, focus: readonly string[]): { name: string; object: number; focus: boolean }[] {
  const inScope = new Map(snapshot.names.map((entry) => [entry.name, entry]));
  const first = focus.filter((name) => inScope.has(name));
  // When the cell uses none of them (or all), there is nothing to set apart.
  if (first.length === 0 || first.length === snapshot.names.length) return snapshot.names.map((entry) => ({ ...entry, focus: true }));
  const chosen = new Set(first);
  return [...first.map((name) => ({ ...inScope.get(name)!, focus: true })), ...snapshot.names.filter((entry) => !chosen.has(entry.name)).map((entry) => ({ ...entry, focus: false }))];
}

export function hexAddress(address: number): string {
  return `0x${address.toString(16)}`;
}

/**
 * Immortal objects (3.12+, PEP 683) report a huge constant refcount (4294967295 on 3.12–3.13,
 * 3221225472 on 3.14): the box says so, since no lesson holds a billion references. The snapshot
 * carries no immortal flag, hence the threshold.
 */
const IMMORTAL_REFCOUNT = 2 ** 30;

export function formatRefcount(refcount: number | null): string {
  if (refcount === null) return "refcount unknown";
  return refcount >= IMMORTAL_REFCOUNT ? `refcount ${refcount} (immortal)` : `refcount ${refcount}`;
}

interface Draft {
  readonly object: HeapObject;
  readonly order: number;
  readonly column: number;
  readonly texts: { kind: LineKind; text: string; aside?: string; target?: number; missingTarget?: boolean }[];
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
  const refcount = formatRefcount(object.refcount);
  // A short value with nothing to point at shares its line with the refcount: boxes of plain
  // values take two lines instead of three, so 30 of them stay within a screen or two.
  const shared = summary !== undefined && object.references.length === 0 && displayLength(clip(summary)) + 2 + displayLength(refcount) <= SHARED_LINE_CHARS;
  if (shared) texts.push({ kind: "summary", text: clip(summary), aside: refcount });
  else {
    if (summary !== undefined) texts.push({ kind: "summary", text: clip(summary) });
    texts.push({ kind: "refcount", text: refcount });
  }
  for (const reference of object.references) {
    const held = present.has(reference.object);
    texts.push({ kind: "reference", text: clip(held ? reference.label : `${reference.label} …`, 20), ...(held ? { target: reference.object } : { missingTarget: true }) });
  }
  const headerWidth = textWidth(texts[0]!.text) + 2 * 7.4 + textWidth(hexAddress(object.address));
  const widest = Math.max(
    headerWidth,
    ...texts.slice(1).map((line) => textWidth(line.text) + (line.aside !== undefined ? textWidth(`  ${line.aside}`) : 0) + (line.kind === "reference" ? 12 : 0)),
  );
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

export function layoutHeap(given: HeapSnapshot, options: HeapLayoutOptions = {}): HeapLayout {
  const ordered = orderNames(given, options.focus ?? []);
  const snapshot: HeapSnapshot = { names: ordered, objects: given.objects };
  /** Index of the first name the cell does not use (the group set apart), or -1. */
  const firstOther = ordered.findIndex((entry) => !entry.focus);
  const present = new Map<number, HeapObject>();
  for (const object of snapshot.objects) if (!present.has(object.id)) present.set(object.id, object);
  const columnOf = columnsByDistance(snapshot, present);
  const drafts = [...present.values()].map((object, order) => draftBox(object, order, columnOf.get(object.id)!, present));
  const columnCount = drafts.reduce((count, draft) => Math.max(count, draft.column + 1), 0);
  // A wide fan of arrows (a list of 24 items) gets a wider gap, so its arrows stay apart.
  const forwardArrows = new Array<number>(columnCount).fill(0);
  for (const draft of drafts) {
    for (const reference of draft.object.references) {
      const target = columnOf.get(reference.object);
      if (target !== undefined && present.has(reference.object) && target > draft.column) forwardArrows[draft.column]! += 1;
    }
  }
  const gapAfter = (column: number): number => Math.min(MAX_COLUMN_GAP, COLUMN_GAP + Math.max(0, (forwardArrows[column] ?? 0) - 4) * 4);

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
    let inOtherGroup = false;
    for (const draft of members) {
      const wanted = wantedY.get(draft.object.id);
      if (stacked && firstOther > 0 && !inOtherGroup && wanted !== undefined && wanted >= firstOther) {
        inOtherGroup = true;
        cursor += GROUP_GAP;
      }
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
    columnX += width + gapAfter(column);
  }

  const names: NameBox[] = [];
  let nameCursor = TOP;
  let otherLabelY: number | undefined;
  ordered.forEach((entry, index) => {
    if (index === firstOther && firstOther > 0) nameCursor += GROUP_GAP;
    const target = boxes.get(entry.object);
    const y = Math.round(target === undefined ? nameCursor : Math.max(nameCursor, target.y + ENTRY_OFFSET - NAME_HEIGHT / 2));
    if (index === firstOther && firstOther > 0) otherLabelY = y - 8;
    names.push({ name: nameLabels[index]!, focus: entry.focus, target: entry.object, x: MARGIN, y, width: nameWidth, height: NAME_HEIGHT });
    nameCursor = y + NAME_HEIGHT + NAME_GAP;
  });
  const { edges, lanes } = routeEdges(names, boxes);
  const placed = drafts.map((draft) => boxes.get(draft.object.id)!);
  const bottoms = [...names.map((name) => name.y + name.height), ...placed.map((box) => box.y + box.height)];
  const contentBottom = Math.max(TOP, ...bottoms);
  const rightmost = columnRight.length > 0 ? columnRight[columnRight.length - 1]! : MARGIN + nameWidth;
  return {
    width: rightmost + MARGIN + 24,
    height: contentBottom + (lanes > 0 ? 14 + lanes * LANE_SPACING : 0) + MARGIN,
    names,
    objects: placed,
    edges,
    titles: [
      { text: "names", x: MARGIN, y: 16 },
      ...(columnRight.length > 0 ? [{ text: "objects", x: MARGIN + nameWidth + COLUMN_GAP, y: 16 }] : []),
      ...(otherLabelY !== undefined ? [{ text: "other names", x: MARGIN, y: otherLabelY }] : []),
    ],
    missingReferences: placed.reduce((count, box) => count + box.lines.filter((line) => line.missingTarget === true).length, 0),
  };
}
