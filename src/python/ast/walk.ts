// Generic traversal of a tree through CPython's `_fields` (see fields.ts).
import { NODE_FIELDS, propertyOfField } from "./fields.js";
import type { Node } from "./nodes.js";

/** Calls `visit` on `root` and on every node below it, parents first, each object once. */
export function walk(root: Node, visit: (node: Node) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== "object") continue;
    if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index--) stack.push(item[index]);
      continue;
    }
    if (seen.has(item)) continue;
    seen.add(item);
    const record = item as Record<string, unknown>;
    const fields = NODE_FIELDS.get(record["type"] as string);
    if (fields === undefined) continue;
    visit(item as Node);
    for (let index = fields.length - 1; index >= 0; index--) {
      const type = record["type"] as string;
      const field = fields[index]!;
      if ((type === "Constant" || type === "MatchSingleton") && field === "value") continue;
      stack.push(record[propertyOfField(type, field)]);
    }
  }
}
