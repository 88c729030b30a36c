// The conformance topics: one snippet file and one test file each.
export const TOPICS = [
  "refcounts",
  "identity",
  "gc",
  "sizes",
  "reprs",
  "display",
  "exceptions",
  "strings",
  "functions",
  "classes",
  "control-flow",
  "numbers",
  "containers",
  "key-comparisons",
  "course",
  "repl",
  "modules",
] as const;

export type Topic = (typeof TOPICS)[number];
