// The traceback text of an exception chain that holds exception groups (3.11+): traceback's boxed, margin-prefixed layout.
import type { PyObject } from "./object.js";
import { PyBaseException } from "./types/exceptions.js";
import { isExceptionGroup, groupExceptions } from "./types/exception-group.js";
import { stackLines, exceptionOnlyLines } from "./traceback-format.js";
import type { DisplayStyle } from "./suggestions.js";

const CAUSE = ["", "The above exception was the direct cause of the following exception:", ""];
const CONTEXT = ["", "During handling of the above exception, another exception occurred:", ""];
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** TracebackException's tree: the chained exceptions and, for a group, its members. */
interface Node {
  readonly exception: PyObject;
  cause: Node | null;
  context: Node | null;
  members: Node[] | null;
}

/** Does the chain starting at `exception` hold a group anywhere (so the boxed layout applies)? */
export function involvesExceptionGroup(exception: PyObject): boolean {
  const seen = new Set<PyObject>();
  const visit = (current: PyObject | null): boolean => {
    if (current === null || seen.has(current)) return false;
    seen.add(current);
    if (isExceptionGroup(current)) return true;
    if (!(current instanceof PyBaseException)) return false;
    return visit(current.cause) || visit(current.context);
  };
  return visit(exception);
}

/** Builds the tree as TracebackException.__init__ does: one `seen` set, a LIFO queue. */
function buildTree(exception: PyObject): Node {
  const seen = new Set<PyObject>();
  const node = (value: PyObject): Node => {
    seen.add(value);
    return { exception: value, cause: null, context: null, members: null };
  };
  const root = node(exception);
  const queue: Node[] = [root];
  while (queue.length > 0) {
    const current = queue.pop()!;
    const value = current.exception;
    if (!(value instanceof PyBaseException)) continue;
    if (value.cause !== null && !seen.has(value.cause)) current.cause = node(value.cause);
    if (value.context !== null && !seen.has(value.context)) current.context = node(value.context);
    if (isExceptionGroup(value)) current.members = groupExceptions(value).map(node);
    if (current.cause !== null) queue.push(current.cause);
    if (current.context !== null) queue.push(current.context);
    if (current.members !== null) queue.push(...current.members);
  }
  return root;
}

/** _ExceptionPrintContext: the group depth sets the indentation and the margin. */
class PrintContext {
  depth = 0;
  needClose = false;
  readonly lines: string[] = [];

  indent(): string {
    return " ".repeat(2 * this.depth);
  }

  emit(lines: readonly string[], margin = "|"): void {
    const prefix = this.depth > 0 ? `${this.indent()}${margin} ` : this.indent();
    for (const line of lines) this.lines.push(prefix + line);
  }
}

function format(root: Node, context: PrintContext, style: DisplayStyle): void {
  const chain: [string[] | null, Node][] = [];
  for (let current: Node | null = root; current !== null; ) {
    const value = current.exception as PyBaseException;
    if (current.cause !== null) {
      chain.push([CAUSE, current]);
      current = current.cause;
    } else if (current.context !== null && !value.suppressContext) {
      chain.push([CONTEXT, current]);
      current = current.context;
    } else {
      chain.push([null, current]);
      current = null;
    }
  }
  // Oldest first; an exception's message about its chained one comes before it.
  for (let index = chain.length - 1; index >= 0; index--) {
    const [message, node] = chain[index]!;
    if (message !== null) context.emit(message);
    const stack = stackLines(node.exception);
    if (node.members === null) {
      if (stack.length > 0) context.emit(["Traceback (most recent call last):", ...stack]);
      context.emit(exceptionOnlyLines(node.exception, style));
    } else if (context.depth > MAX_GROUP_DEPTH) {
      context.emit([`... (max_group_depth is ${MAX_GROUP_DEPTH})`]);
    } else {
      formatGroup(node, context, style, stack);
    }
  }
}

function formatGroup(node: Node, context: PrintContext, style: DisplayStyle, stack: readonly string[]): void {
  const topLevel = context.depth === 0;
  if (topLevel) context.depth++;
  if (stack.length > 0) {
    context.emit(["Exception Group Traceback (most recent call last):"], topLevel ? "+" : "|");
    context.emit(stack);
  }
  context.emit(exceptionOnlyLines(node.exception, style));
  const members = node.members!;
  const shown = members.length <= MAX_GROUP_WIDTH ? members.length : MAX_GROUP_WIDTH + 1;
  context.needClose = false;
  for (let index = 0; index < shown; index++) {
    const last = index === shown - 1;
    if (last) context.needClose = true;
    const truncated = index >= MAX_GROUP_WIDTH;
    const title = truncated ? "..." : `${index + 1}`;
    context.lines.push(`${context.indent()}${index === 0 ? "+-" : "  "}+---------------- ${title} ----------------`);
    context.depth++;
    if (!truncated) {
      format(members[index]!, context, style);
    } else {
      const remaining = members.length - MAX_GROUP_WIDTH;
      context.emit([`and ${remaining} more exception${remaining > 1 ? "s" : ""}`]);
    }
    if (last && context.needClose) {
      context.lines.push(`${context.indent()}+------------------------------------`);
      context.needClose = false;
    }
    context.depth--;
  }
  if (topLevel) context.depth = 0;
}

/** traceback.format_exception's text for a chain holding groups. */
export function groupTracebackText(exception: PyObject, style: DisplayStyle): string {
  const context = new PrintContext();
  format(buildTree(exception), context, style);
  return context.lines.join("\n") + "\n";
}
