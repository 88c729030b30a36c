// Differential conformance: dict and set operations on keys with a Python __hash__/__eq__.
import { conformanceSuite } from "./support/suite.js";
import { keyComparisonSnippets } from "./snippets/key-comparisons.js";

conformanceSuite("key-comparisons", keyComparisonSnippets, { isolation: "batch" });
