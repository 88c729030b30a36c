// Differential conformance: numbers snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { numberSnippets } from "./snippets/numbers.js";

conformanceSuite("numbers", numberSnippets, { isolation: "batch" });
