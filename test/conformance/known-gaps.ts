// Where the simulator disagrees with CPython today, grouped by probable root cause: the snippets
// listed here run as `it.fails`, so fixing a cause turns its tests red until its group is removed.
import type { KnownGapGroup } from "./support/gaps.js";

export const KNOWN_GAPS: readonly KnownGapGroup[] = [
  // ---- reference counts and object graph ----
  // ---- identity ----
  {
    cause: "3.13: the first instances of a freshly created class do not reuse a freed instance's address (FACTS §2.4); the simulator reuses it at once",
    versions: ["3.13"],
    snippets: { identity: ["id of freed dicts tuples and instances is reused", "id reuse in a loop inside one function"] },
  },
  {
    cause: "IPython allocates between top-level statements (a [node] list per statement), so a freed list's address is not reused by the next statement's list",
    snippets: { identity: ["new list reuses a deleted list's address"] },
  },
  {
    cause: "a latin-1 one-character literal is not the single-character singleton on 3.11/3.12 (chr(97) is 'a' False there)",
    versions: ["3.11", "3.12"],
    snippets: { identity: ["chr(97) against the literal"] },
  },
  {
    cause: "str() of a one-digit int returns the cached one-character string (CPython makes a new str each time)",
    snippets: { identity: ["chr(97) against the literal"] },
  },
  // ---- compiler warnings and syntax errors ----
  // ---- exception messages ----
  {
    cause: "3.10+ wording: assigning to a property without setter names it (3.10 \"can't set attribute 'area'\", 3.11+ \"property 'area' of 'Circle' object has no setter\")",
    versions: ["3.10", "3.11", "3.12", "3.13"],
    snippets: { classes: ["read-only property"] },
  },
  {
    cause: "positional-only keyword error lists only the first name ('a' instead of 'a, b')",
    snippets: { functions: ["positional-only parameters"] },
  },
  {
    cause: "recursion through a builtin slot (repr() -> __repr__) overflows the JavaScript stack before Python's recursion limit",
    snippets: { exceptions: ["RecursionError in repr"] },
  },
  // ---- gc ----
  {
    cause: "≤3.10: frame objects are GC-tracked heap objects, but gc.get_count() does not count the frames of calls (a comprehension's frame)",
    versions: ["3.8", "3.9", "3.10"],
    snippets: { gc: ["get_count grows with allocated lists"] },
  },
  {
    cause: "3.8/3.9: after a collected instance cycle, the objects made by `any(... for o in gc.get_objects())` (generator, frame) reuse the freed addresses in another order, so an id-based 'still alive?' check differs",
    versions: ["3.8", "3.9"],
    snippets: { course: ["garbage collection of a circular pair"] },
  },
  {
    cause: "3.8/3.9: which freed block the next allocation reuses after a collected cycle: CPython's two instances sit in different pools (allocation history), the simulator's in one, so LIFO reuse across them differs",
    versions: ["3.8", "3.9"],
    snippets: { gc: ["course cycle of two instances"] },
  },
  // ---- sizes ----
  // ---- types and methods missing ----
  {
    cause: "UnicodeEncodeError and UnicodeDecodeError do not exist: encode/decode errors are 'unsupported'",
    snippets: { strings: ["encode error", "decode error"] },
  },
  {
    cause: "bytearray is unsupported",
    snippets: { containers: ["bytearray mutation"], reprs: ["bytes reprs"], sizes: ["bytes and bytearray"] },
  },
  {
    cause: "3.9+: a set display of constants (built from a frozenset constant) iterates in a different order when hashes collide",
    versions: ["3.9", "3.10", "3.11", "3.12", "3.13"],
    snippets: { containers: ["set order of ints with collisions"] },
  },
  {
    cause: "builtin types have no docstrings (int.__doc__ is None)",
    snippets: { course: ["everything is an object"] },
  },
  // ---- standard-library modules ----
  {
    cause: "string.Template, sys.float_info and weakref.proxy are unsupported",
    snippets: { modules: ["string.capwords and Template", "sys attributes lessons print", "weakref.proxy"] },
  },
  // ---- display: repr (python -i rules) ----
  {
    cause: "display: repr compiles each statement of a `;`-joined line separately; python -i compiles the whole line as one unit (shared constants, +1 refcount from the running code)",
    snippets: { repl: ["one line with semicolons is one unit", "strings on one line share a constant", "constant refcount on one line"] },
  },
  {
    cause: "display: repr does not echo expression statements nested in compound statements ('single' mode prints every expression statement)",
    snippets: { repl: ["compound statement values are not echoed"] },
  },
  // ---- language features ----
];
