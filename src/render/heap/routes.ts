// Routes the arrows of a heap diagram: curves forward to the next column, and references that
// point back (cycles) either straight into the target's right side or around under the boxes.
import { ENTRY_OFFSET, LANE_SPACING, type Edge, type NameBox, type ObjectBox } from "./geometry.js";

interface PendingEdge {
  readonly kind: "name" | "reference";
  readonly fromX: number;
  readonly fromY: number;
  readonly fromColumn: number;
  readonly target: number;
  /** How it reaches its target: curving forward, looping back into the target's right side, or under the boxes. */
  route: "forward" | "right" | "under";
}

/** Whether a horizontal line at `y` from `left` to `right` would cut through a box. */
function crossesBox(boxes: ReadonlyMap<number, ObjectBox>, y: number, left: number, right: number, except: number): boolean {
  for (const box of boxes.values()) {
    if (box.object.id === except) continue;
    if (box.x < right && box.x + box.width > left && y > box.y - 4 && y < box.y + box.height + 4) return true;
  }
  return false;
}

/** How many forward arrows a back reference running along a column's right side may cross. */
const MAX_CROSSED_ARROWS = 2;

/** Arrows leaving `column` for a later column with their start between heights `a` and `b`. */
function forwardArrowsBetween(boxes: ReadonlyMap<number, ObjectBox>, column: number, a: number, b: number): number {
  const [low, high] = a < b ? [a, b] : [b, a];
  let count = 0;
  for (const box of boxes.values()) {
    if (box.column !== column) continue;
    for (const line of box.lines) {
      const y = line.y - 4;
      if (line.target === undefined || y <= low || y >= high) continue;
      if (boxes.get(line.target)!.column > column) count += 1;
    }
  }
  return count;
}

export function routeEdges(names: readonly NameBox[], boxes: ReadonlyMap<number, ObjectBox>): { edges: Edge[]; lanes: number } {
  const pending: PendingEdge[] = [];
  for (const name of names) {
    if (!boxes.has(name.target)) continue;
    pending.push({ kind: "name", fromX: name.x + name.width, fromY: name.y + name.height / 2, fromColumn: -1, target: name.target, route: "forward" });
  }
  for (const box of boxes.values()) {
    for (const line of box.lines) {
      if (line.target === undefined) continue;
      const target = boxes.get(line.target)!;
      const fromX = box.x + box.width;
      let route: PendingEdge["route"] = "forward";
      if (target.column <= box.column) {
        // Back to an earlier column or the same one (a cycle): straight into the target's right
        // side when that line is clear of other boxes, else around underneath them. Within one
        // column, the way along its right side also cuts through the arrows leaving the column
        // between the two boxes: past a couple of them (a long list's fan), it goes underneath.
        const clear = !crossesBox(boxes, target.y + ENTRY_OFFSET, target.x + target.width, fromX + 24, target.object.id);
        const crowded = target.column === box.column && forwardArrowsBetween(boxes, box.column, target.y + ENTRY_OFFSET, line.y - 4) > MAX_CROSSED_ARROWS;
        route = clear && !crowded ? "right" : "under";
      }
      pending.push({ kind: "reference", fromX, fromY: line.y - 4, fromColumn: box.column, target: line.target, route });
    }
  }
  // Arrows into one side of a box enter at different heights, in the order of where they come from.
  const entryY = new Map<PendingEdge, number>();
  const sides = new Map<string, PendingEdge[]>();
  for (const edge of pending) {
    const key = `${edge.target}:${edge.route === "right" ? "right" : "left"}`;
    const list = sides.get(key) ?? [];
    list.push(edge);
    sides.set(key, list);
  }
  for (const list of sides.values()) {
    const box = boxes.get(list[0]!.target)!;
    list.sort((a, b) => Number(a.route === "under") - Number(b.route === "under") || a.fromY - b.fromY || a.fromX - b.fromX);
    const step = list.length > 1 ? Math.min(8, (box.height - ENTRY_OFFSET - 6) / (list.length - 1)) : 0;
    list.forEach((edge, index) => entryY.set(edge, Math.round(box.y + ENTRY_OFFSET + index * step)));
  }

  const edges: Edge[] = [];
  let lanes = 0;
  let loops = 0;
  const bottomOf = (from: number, to: number): number => {
    let bottom = 0;
    for (const box of boxes.values()) if (box.column >= from && box.column <= to) bottom = Math.max(bottom, box.y + box.height);
    return bottom;
  };
  for (const edge of pending) {
    const target = boxes.get(edge.target)!;
    const x1 = Math.round(edge.fromX);
    const y1 = Math.round(edge.fromY);
    const y2 = entryY.get(edge)!;
    if (edge.route === "forward") {
      const x2 = target.x;
      const bend = Math.round(Math.max(24, (x2 - x1) / 2));
      edges.push({ kind: edge.kind, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`, back: false, target: edge.target });
      continue;
    }
    const spread = (loops++ % 4) * 4;
    const outX = x1 + 10 + spread;
    if (edge.route === "right") {
      edges.push({ kind: edge.kind, d: `M${x1},${y1} H${outX} V${y2} H${target.x + target.width}`, back: true, target: edge.target });
      continue;
    }
    // Under every box of the columns in between, then up the gap left of the target: no box is crossed.
    const underY = bottomOf(target.column, edge.fromColumn) + 14 + lanes * LANE_SPACING;
    const inX = target.x - 12 - spread;
    edges.push({ kind: edge.kind, d: `M${x1},${y1} H${outX} V${underY} H${inX} V${y2} H${target.x}`, back: true, target: edge.target });
    lanes++;
  }
  return { edges, lanes };
}
