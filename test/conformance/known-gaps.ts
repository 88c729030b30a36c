// Where the simulator disagrees with CPython today, grouped by probable root cause: the snippets
// listed here run as `it.fails`, so fixing a cause turns its tests red until its group is removed.
import type { KnownGapGroup } from "./support/gaps.js";

export const KNOWN_GAPS: readonly KnownGapGroup[] = [
  // ---- reference counts and object graph ----
  // ---- identity ----
  // ---- compiler warnings and syntax errors ----
  // ---- exception messages ----
  // ---- gc ----
  {
    cause: "3.9: after a collected instance cycle, the first 48-byte GC object made by the 'still alive?' helper (the cell its generator expression closes over) takes a freed instance's block in CPython; the simulator's two instances sit in one pool that is not the one allocations come from, so neither block is reused (allocation history, as the gc group below; since the kernel's namespace holds IPython's exit, quit, get_ipython and open)",
    versions: ["3.9"],
    snippets: { course: ["garbage collection of a circular pair"] },
  },
  {
    cause: "3.12: which freed block the next allocation reuses after a collected cycle: CPython's two instances sit in different pools (allocation history; since the kernel's namespace holds IPython's exit, quit, get_ipython and open, while 3.9 agrees since then and 3.10 agrees too), the simulator's in one, so LIFO reuse across them differs",
    versions: ["3.12"],
    snippets: { gc: ["course cycle of two instances"] },
  },
  {
    cause: "3.6–3.7: which freed block the helper's first allocation reuses after the collected pair (allocation history in 4 KiB pools with 8-byte alignment; on 3.7 since the sessions model the kernel's parse tree and timing floats), as the 3.8–3.10 groups",
    versions: ["3.6", "3.7"],
    snippets: { course: ["garbage collection of a circular pair"] },
  },
  // ---- sizes ----
  // ---- types and methods missing ----
  // ---- standard-library modules ----
  // ---- language features ----
];
