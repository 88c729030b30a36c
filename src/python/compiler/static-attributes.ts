// A class's __static_attributes__ (3.13+): the attribute names its functions assign through `self`.
import type * as ast from "../ast/nodes.js";

/** Scopes whose code CPython compiles as a unit of its own (the class unit is looked up from them). */
const NESTED_SCOPES = new Set(["FunctionDef", "AsyncFunctionDef", "Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/**
 * Sorted names `X` of every `self.X` store (assignment, augmented or annotated assignment, for
 * and with targets) in a function or comprehension nested anywhere in the class body, by the
 * name `self` only, not crossing into nested classes (they collect their own).
 */
export function staticAttributes(node: ast.ClassDef): string[] {
  const names = new Set<string>();
  const visit = (value: unknown, inScope: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, inScope);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const type = (value as { type?: unknown }).type;
    if (typeof type !== "string") return;
    if (type === "ClassDef") {
      // Decorators, bases and keywords run in the enclosing scope; the body belongs to the nested class.
      const nested = value as ast.ClassDef;
      visit(nested.decorator_list, inScope);
      visit(nested.bases, inScope);
      visit(nested.keywords, inScope);
      return;
    }
    if (type === "Attribute" && inScope) {
      const attribute = value as ast.Attribute;
      if (attribute.ctx === "Store" && attribute.value.type === "Name" && attribute.value.id === "self") names.add(attribute.attr);
    }
    const nowInScope = inScope || NESTED_SCOPES.has(type);
    for (const key of Object.keys(value)) if (key !== "type") visit((value as Record<string, unknown>)[key], nowInScope);
  };
  visit(node.body, false);
  return [...names].sort();
}
