// Differential conformance: strings snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { stringSnippets } from "./snippets/strings.js";

conformanceSuite("strings", stringSnippets, { isolation: "batch" });
