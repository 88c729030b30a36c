// The memory of a cell's parse tree as IPython holds it: `ast` objects built before the first
// statement runs and freed when the cell ends.
//
// IPython parses a cell into Python `ast` objects (compile with PyCF_ONLY_AST) and keeps the
// tree until the cell has run. Every node is an object with an instance dict (on 3.6-3.10 the
// same block size as an instance of a plain class), each list field is a list, and each node's
// dict is made by its first attribute. So a cell's tree takes the instance, list and dict blocks
// the previous cell freed, and the blocks it frees at the cell's end lie on top of them: an
// object deleted by one cell is not reused by the next cell's new object.
import type * as ast from "../ast/nodes.js";
import { decref, type PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newList } from "../runtime/types/list.js";
import { newDict } from "../runtime/types/dict.js";
import { ParkedBlock } from "../runtime/memory/object-memory.js";

/** What a memory read finds in a live AST object's block: its refcount, 1. */
const LIVE_AST_OBJECT = new ParkedBlock("ast.AST", 1);

/**
 * Bytes of an `ast` node object with its GC header and pre-header (sys.getsizeof): a plain
 * instance's layout (a dict and a weakref slot).
 */
function astObjectBytes(): number {
  const minor = rt.profile.minor;
  return minor <= 7 ? 64 : minor <= 11 ? 48 : 56;
}

/** The block of a new `ast` object (its dict and fields are the caller's): its address. */
export function allocateAstObject(): number {
  return rt.allocator.allocate(astObjectBytes(), 0, LIVE_AST_OBJECT);
}

/** Frees the block allocateAstObject gave. */
export function freeAstObject(address: number): void {
  rt.allocator.free(address, 0, astObjectBytes());
}

/** Fields the simulator's (3.12-shaped) tree has that an older version's `ast` lacks. */
function fieldExists(name: string, minor: number): boolean {
  if (name === "type_params") return minor >= 12;
  if (name === "posonlyargs" || name === "type_ignores") return minor >= 8;
  return true;
}

const POSITION_FIELDS = new Set(["type", "lineno", "col_offset", "end_lineno", "end_col_offset"]);

interface NodeMemory {
  readonly address: number;
  dict: PyObject | null;
  readonly fields: (NodeMemory | ListMemory)[];
}

interface ListMemory {
  readonly list: PyObject;
  readonly items: NodeMemory[];
}

function isNode(value: unknown): value is { type: string } {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

export class CellTreeMemory {
  private readonly root: NodeMemory;
  private readonly minor = rt.profile.minor;

  /** ast2obj's order: a node's object first, then each field's value, its dict at the first attribute. */
  constructor(module: ast.Module) {
    this.root = this.build(module);
  }

  private build(node: object): NodeMemory {
    const memory: NodeMemory = { address: allocateAstObject(), dict: null, fields: [] };
    for (const [name, value] of Object.entries(node)) {
      if (POSITION_FIELDS.has(name) || !fieldExists(name, this.minor)) continue;
      if (Array.isArray(value)) {
        const list: ListMemory = { list: newList([]), items: [] };
        for (const item of value) if (isNode(item)) list.items.push(this.build(item));
        memory.fields.push(list);
      } else if (isNode(value)) {
        // ≤3.8 wraps a subscript's index in ast.Index.
        const wrapped = name === "slice" && this.minor <= 8 && value.type !== "Slice";
        memory.fields.push(wrapped ? this.wrapIndex(value) : this.build(value));
      }
      if (memory.dict === null) memory.dict = newDict();
    }
    if (memory.dict === null) memory.dict = newDict();
    return memory;
  }

  private wrapIndex(value: object): NodeMemory {
    const index: NodeMemory = { address: allocateAstObject(), dict: null, fields: [] };
    index.fields.push(this.build(value));
    index.dict = newDict();
    return index;
  }

  /** The tree's dealloc: each node's dict values in field order (a list's items last first), then the dict, then the node. */
  release(): void {
    this.free(this.root);
  }

  private free(memory: NodeMemory): void {
    for (const field of memory.fields) {
      if ("list" in field) {
        for (let index = field.items.length - 1; index >= 0; index--) this.free(field.items[index]!);
        decref(field.list);
      } else {
        this.free(field);
      }
    }
    if (memory.dict !== null) decref(memory.dict);
    freeAstObject(memory.address);
  }
}
