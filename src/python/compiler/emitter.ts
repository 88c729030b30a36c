// JavaScript source builder for one code object: lines, indentation and the value-stack slots.
//
// The generated code mirrors CPython's value stack with JS variables s0, s1, … (one per stack
// depth). A slot holds an owned reference or null; the function's exception handler drops
// every non-null slot above the handler's depth, as CPython pops the stack when unwinding.

/**
 * Writes `dec(sN);` (releasing a stack slot) as the decrement itself. A call to the shared
 * `dec` sees every type of object the program has, so V8 reads `refcount` there through its
 * slowest (megamorphic) path; written at the site, each release sees only its own few types.
 */
function inlineSlotReleases(text: string): string {
  if (!text.includes("dec(s")) return text;
  return text.replace(/\bdec\((s\d+)\);/g, "(--$1.refcount === 0 && $1.type.dealloc($1));");
}

export class Emitter {
  private readonly lines: string[] = [];
  private indentation = "  ";
  /** Current value-stack depth. */
  depth = 0;
  /** Deepest the stack got (how many slot variables to declare). */
  maxDepth = 0;
  private temporaries = 0;

  line(text: string): void {
    this.lines.push(this.indentation + inlineSlotReleases(text));
  }

  /** The position of the next line, for `moveSince`. */
  mark(): number {
    return this.lines.length;
  }

  /**
   * Moves the lines emitted since `from` to position `to` (before lines emitted later than it):
   * 3.14 compiles a module's __annotate__ after its body but runs it first
   * (ANNOTATIONS_PLACEHOLDER, Python/codegen.c).
   */
  moveSince(from: number, to: number): void {
    const moved = this.lines.splice(from);
    this.lines.splice(to, 0, ...moved);
  }

  open(text: string): void {
    this.line(text);
    this.indentation += "  ";
  }

  /** `} else {` style: closes one block and opens the next at the same level. */
  middle(text: string): void {
    this.indentation = this.indentation.slice(2);
    this.line(text);
    this.indentation += "  ";
  }

  close(text = "}"): void {
    this.indentation = this.indentation.slice(2);
    this.line(text);
  }

  /** Emits `sN = expression;` and returns the slot name (an owned reference is pushed). */
  push(expression: string): string {
    const slot = `s${this.depth++}`;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    this.line(`${slot} = ${expression};`);
    return slot;
  }

  /** Reserves the next slot without assigning it (the caller assigns). */
  reserve(): string {
    const slot = `s${this.depth++}`;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    return slot;
  }

  /** The slot on top of the stack, popped. The caller must consume it and null it. */
  pop(): string {
    if (this.depth === 0) throw new Error("compiler bug: value stack underflow");
    return `s${--this.depth}`;
  }

  /** The name of the slot at `depth` (0-based). */
  slot(depth: number): string {
    return `s${depth}`;
  }

  /** A fresh JS variable name for a temporary (declared by the caller with let/const). */
  temporary(prefix: string): string {
    return `${prefix}${this.temporaries++}`;
  }

  /** Statements that drop every live slot at or above `depth` (exception unwinding). */
  unwindCode(depth: number): string {
    const parts: string[] = [];
    for (let index = depth; index < this.maxDepth; index++) parts.push(`if (s${index} !== null) { dec(s${index}); s${index} = null; }`);
    return parts.join(" ");
  }

  /** Placeholder for unwinding code whose slot count is known only at the end. */
  unwindMarker(depth: number): string {
    return `/*UNWIND:${depth}*/`;
  }

  slotDeclarations(): string {
    if (this.maxDepth === 0) return "";
    const names: string[] = [];
    for (let index = 0; index < this.maxDepth; index++) names.push(`s${index} = null`);
    return `let ${names.join(", ")};`;
  }

  /** The body text with unwind markers expanded. */
  text(): string {
    return this.lines.join("\n").replace(/\/\*UNWIND:(\d+)\*\//g, (_match, depth: string) => this.unwindCode(Number(depth)));
  }
}
