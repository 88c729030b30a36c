// The shapes of a laid-out heap diagram, shared by the layout and the arrow router.
import type { HeapObject } from "../../runners/types.js";

/** Where arrows enter a box: below its top edge, level with the type line. */
export const ENTRY_OFFSET = 11;
/** Vertical distance between arrows that run under the boxes. */
export const LANE_SPACING = 8;

export interface NameBox {
  readonly name: string;
  /** The cell uses this name (drawn first and stronger); false for the notebook's other names. */
  readonly focus: boolean;
  readonly target: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type LineKind = "type" | "summary" | "refcount" | "reference";

export interface BoxLine {
  readonly kind: LineKind;
  readonly text: string;
  /** Baseline of the text. */
  readonly y: number;
  /** Drawn right-aligned on the same line (a short value's refcount shares its line). */
  readonly aside?: string;
  /** For reference lines: the object referred to, when the snapshot holds it. */
  readonly target?: number;
  readonly missingTarget?: boolean;
}

export interface ObjectBox {
  readonly object: HeapObject;
  readonly column: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly BoxLine[];
}

export interface Edge {
  readonly kind: "name" | "reference";
  /** SVG path data. */
  readonly d: string;
  /** A reference to an object in the same or an earlier column (cycles, back references). */
  readonly back: boolean;
  readonly target: number;
}

