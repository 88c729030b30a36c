// A JSON dump of a tree, field by field in CPython's order, for tests and debugging; the same
// shape a small Python script produces from CPython's `ast` (see test/python/parser).
import type { ConstantValue } from "./nodes.js";
import { NODE_FIELDS, propertyOfField, UNLOCATED_NODES } from "./fields.js";

export type DumpValue = null | string | number | boolean | DumpValue[] | { [key: string]: DumpValue };

export interface DumpOptions {
  /** Include lineno/col_offset/end_lineno/end_col_offset (default true). */
  readonly attributes?: boolean;
  /** Fields to leave out, e.g. "default_value" when comparing with CPython 3.12. */
  readonly omitFields?: ReadonlySet<string>;
}

const LOCATION_ATTRIBUTES = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

/** IEEE-754 bits of a float as 16 hex digits: exact, and identical to Python's struct.pack('>d'). */
export function floatBits(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  let hex = "";
  for (let index = 0; index < 8; index++) hex += view.getUint8(index).toString(16).padStart(2, "0");
  return hex;
}

export function dumpConstant(value: ConstantValue): DumpValue {
  switch (value.kind) {
    case "int":
      return { kind: "int", value: value.value.toString() };
    case "float":
      return { kind: "float", value: floatBits(value.value) };
    case "complex":
      return { kind: "complex", imag: floatBits(value.imag) };
    case "str":
      return { kind: "str", value: value.value };
    case "bytes":
      return { kind: "bytes", value: Array.from(value.value, (byte) => byte.toString(16).padStart(2, "0")).join("") };
    case "bool":
      return { kind: "bool", value: value.value };
    case "None":
      return { kind: "None" };
    case "Ellipsis":
      return { kind: "Ellipsis" };
  }
}

/** Dumps any node (or list of nodes, or field value). */
export function dumpNode(node: unknown, options: DumpOptions = {}): DumpValue {
  if (node === null || node === undefined) return null;
  if (Array.isArray(node)) return node.map((item) => dumpNode(item, options));
  if (typeof node !== "object") return node as string | number;
  const record = node as Record<string, unknown>;
  const type = record["type"] as string;
  const fields = NODE_FIELDS.get(type);
  if (fields === undefined) throw new Error(`not an AST node: ${JSON.stringify(record).slice(0, 80)}`);
  const out: { [key: string]: DumpValue } = { _type: type };
  for (const field of fields) {
    if (options.omitFields?.has(field)) continue;
    const value = record[propertyOfField(type, field)];
    if (field === "value" && (type === "Constant" || type === "MatchSingleton")) out[field] = dumpConstant(value as ConstantValue);
    else out[field] = dumpNode(value, options);
  }
  if (options.attributes !== false && !UNLOCATED_NODES.has(type)) {
    for (const attribute of LOCATION_ATTRIBUTES) out[attribute] = record[attribute] as number;
  }
  return out;
}
