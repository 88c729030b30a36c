// Snippets that use modules or text outside the simulator's scope: there the simulator must refuse
// by name (`unsupported: module 'x'`) at the import or the read, after agreeing with CPython on
// every cell before.
// The supported modules are builtins, sys, gc, ctypes, time, string, math, copy and weakref; a
// module here is not a gap in a supported feature but the designed refusal, checked as such.
import type { OutOfScopeGroup } from "./support/out-of-scope.js";

export const OUT_OF_SCOPE: readonly OutOfScopeGroup[] = [
  {
    refusal: "module 'collections'",
    snippets: { modules: ["collections.namedtuple", "collections.Counter", "collections.defaultdict", "collections.deque", "collections.OrderedDict"] },
  },
  { refusal: "module 'itertools'", snippets: { modules: ["itertools basics"] } },
  { refusal: "module 'functools'", snippets: { modules: ["functools reduce partial lru_cache", "functools.wraps keeps the name"] } },
  { refusal: "module 'operator'", snippets: { modules: ["operator module"] } },
  { refusal: "module 'random'", snippets: { modules: ["random with a seed"] } },
  { refusal: "module 'dataclasses'", snippets: { modules: ["dataclasses"] } },
  { refusal: "module 'enum'", snippets: { modules: ["enum"] } },
  { refusal: "module 'json'", snippets: { modules: ["json round trip"] } },
  { refusal: "module 're'", snippets: { modules: ["re basics"] } },
  { refusal: "module 'fractions'", snippets: { modules: ["fractions and decimal"] } },
  { refusal: "module 'datetime'", snippets: { modules: ["datetime arithmetic"] } },
  // The simulator does not carry CPython's documentation text.
  { refusal: "the docstring of int (the simulator does not carry CPython's documentation text)", snippets: { course: ["everything is an object"] } },
  { refusal: "the docstring of math (the simulator does not carry CPython's documentation text)", snippets: { classes: ["a built-in module's docstring"] } },
];
