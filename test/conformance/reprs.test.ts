// Differential conformance: reprs snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { reprSnippets } from "./snippets/reprs.js";

conformanceSuite("reprs", reprSnippets, { isolation: "batch" });
