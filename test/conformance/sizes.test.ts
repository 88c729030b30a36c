// Differential conformance: sizes snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { sizeSnippets } from "./snippets/sizes.js";

conformanceSuite("sizes", sizeSnippets, { isolation: "batch" });
