// Differential conformance: gc snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { gcSnippets } from "./snippets/gc.js";

conformanceSuite("gc", gcSnippets, { isolation: "fresh" });
