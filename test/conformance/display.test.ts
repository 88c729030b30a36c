// Differential conformance: display snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { displaySnippets } from "./snippets/display.js";

conformanceSuite("display", displaySnippets, { isolation: "batch" });
