// Differential conformance: exceptions snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { exceptionSnippets } from "./snippets/exceptions.js";

conformanceSuite("exceptions", exceptionSnippets, { isolation: "batch" });
