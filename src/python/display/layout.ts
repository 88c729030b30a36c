// The line-breaking engine of IPython.lib.pretty.PrettyPrinter: text, breakables and groups laid
// out within a maximum width, with IPython's exact (and slightly quirky) choice of what to break.
//
// How it works (the invariant the code keeps): text goes straight to the output until a
// breakable is seen; from then on, text and breakables wait in `buffer`. Whenever what is
// written plus what waits exceeds the width, the *outermost* group that still has waiting
// breakables is marked broken and everything up to its last breakable is written out, each of
// its breakables becoming a newline plus that breakable's indentation. A breakable added to an
// already broken group is a newline at once.
//
//     [1, 2, 3, ...             buffer: "1" "," <brk> "2" "," <brk> ...
//      ^ group depth 1: its breakables all break together

/** Python's len(): code points, not UTF-16 units. */
export function pythonLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

class Group {
  readonly breakables: Breakable[] = [];
  wantBreak = false;
  constructor(readonly depth: number) {}
}

class Text {
  readonly parts: string[] = [];
  width = 0;
}

class Breakable {
  readonly width: number;
  constructor(
    readonly separator: string,
    readonly indentation: number,
    readonly group: Group,
  ) {
    this.width = pythonLength(separator);
  }
}

type Buffered = Text | Breakable;

/**
 * IPython's GroupQueue: groups by depth. `deq` takes the shallowest group that has breakables
 * (the newest one at that depth) and marks it broken; on the way it marks every group of a
 * shallower depth broken and empties that depth.
 */
class GroupQueue {
  private readonly levels: Group[][] = [];

  enqueue(group: Group): void {
    while (group.depth > this.levels.length - 1) this.levels.push([]);
    this.levels[group.depth]!.push(group);
  }

  dequeue(): Group | null {
    for (const level of this.levels) {
      for (let position = level.length - 1; position >= 0; position--) {
        const group = level[position]!;
        if (group.breakables.length > 0) {
          // IPython enumerates the reversed list but deletes at the enumeration index, so the
          // entry removed is the mirror image of the one returned. Reproduced on purpose: which
          // groups stay queued decides later breaks.
          level.splice(level.length - 1 - position, 1);
          group.wantBreak = true;
          return group;
        }
      }
      for (const group of level) group.wantBreak = true;
      level.length = 0;
    }
    return null;
  }

  remove(group: Group): void {
    const level = this.levels[group.depth];
    if (level === undefined) return;
    const position = level.indexOf(group);
    if (position >= 0) level.splice(position, 1);
  }
}

/** IPython's PrettyPrinter (the layout half of RepresentationPrinter), writing to a string. */
export class LayoutPrinter {
  /** Indentation that new breakables will use; callbacks may change it directly. */
  indentation = 0;
  private output = "";
  private outputWidth = 0;
  private bufferWidth = 0;
  private readonly buffer: Buffered[] = [];
  private readonly groupStack: Group[];
  private readonly groupQueue = new GroupQueue();

  constructor(
    readonly maxWidth = 79,
    readonly maxSeqLength = 1000,
  ) {
    const root = new Group(0);
    this.groupStack = [root];
    this.groupQueue.enqueue(root);
  }

  /** Adds literal text (its width is its Python length, newlines included). */
  text(value: string): void {
    const width = pythonLength(value);
    if (this.buffer.length > 0) {
      let last = this.buffer[this.buffer.length - 1]!;
      if (!(last instanceof Text)) {
        last = new Text();
        this.buffer.push(last);
      }
      last.parts.push(value);
      last.width += width;
      this.bufferWidth += width;
      this.breakOuterGroups();
    } else {
      this.output += value;
      this.outputWidth += width;
    }
  }

  /** A place that shows `separator`, or a newline when its group is broken. */
  breakable(separator = " "): void {
    const group = this.groupStack[this.groupStack.length - 1]!;
    if (group.wantBreak) {
      this.flush();
      this.newline(this.indentation);
    } else {
      const item = new Breakable(separator, this.indentation, group);
      group.breakables.push(item);
      this.buffer.push(item);
      this.bufferWidth += item.width;
      this.breakOuterGroups();
    }
  }

  /** An explicit newline at the current indentation (IPython's `break_`). */
  forceBreak(): void {
    const group = this.groupQueue.dequeue();
    if (group !== null) this.breakOneGroup(group);
    this.flush();
    this.newline(this.indentation);
  }

  beginGroup(indent = 0, open = ""): void {
    if (open.length > 0) this.text(open);
    const group = new Group(this.groupStack[this.groupStack.length - 1]!.depth + 1);
    this.groupStack.push(group);
    this.groupQueue.enqueue(group);
    this.indentation += indent;
  }

  endGroup(dedent = 0, close = ""): void {
    this.indentation -= dedent;
    // IPython pops unconditionally; an unbalanced end_group from user code pops the root.
    const group = this.groupStack.pop();
    if (group !== undefined && group.breakables.length === 0) this.groupQueue.remove(group);
    if (close.length > 0) this.text(close);
  }

  /** Writes out everything still buffered (breakables of unbroken groups as their separator). */
  flush(): void {
    for (const item of this.buffer) this.outputWidth += this.emit(item);
    this.buffer.length = 0;
    this.bufferWidth = 0;
  }

  /** Everything printed so far, buffer included. */
  value(): string {
    this.flush();
    return this.output;
  }

  /** Current column and the width still buffered (IPython's output_width / buffer_width). */
  get widths(): { readonly output: number; readonly buffer: number } {
    return { output: this.outputWidth, buffer: this.bufferWidth };
  }

  private newline(indentation: number): void {
    this.output += "\n" + " ".repeat(Math.max(indentation, 0));
    this.outputWidth = indentation;
    this.bufferWidth = 0;
  }

  /**
   * Writes one buffered item and returns what IPython's `output()` returns: for text the new
   * column, for a breakable its separator's width added or the indentation. `flush` *adds*
   * this to the column (an IPython quirk kept for exactness); `breakOneGroup` assigns it.
   */
  private emit(item: Buffered): number {
    if (item instanceof Text) {
      this.output += item.parts.join("");
      return this.outputWidth + item.width;
    }
    const group = item.group;
    group.breakables.shift();
    if (group.wantBreak) {
      this.output += "\n" + " ".repeat(Math.max(item.indentation, 0));
      return item.indentation;
    }
    if (group.breakables.length === 0) this.groupQueue.remove(group);
    this.output += item.separator;
    return this.outputWidth + item.width;
  }

  private breakOneGroup(group: Group): void {
    while (group.breakables.length > 0) {
      const item = this.buffer.shift()!;
      this.outputWidth = this.emit(item);
      this.bufferWidth -= item.width;
    }
    while (this.buffer.length > 0 && this.buffer[0] instanceof Text) {
      const item = this.buffer.shift()!;
      this.outputWidth = this.emit(item);
      this.bufferWidth -= item.width;
    }
  }

  private breakOuterGroups(): void {
    while (this.maxWidth < this.outputWidth + this.bufferWidth) {
      const group = this.groupQueue.dequeue();
      if (group === null) return;
      this.breakOneGroup(group);
    }
  }
}
