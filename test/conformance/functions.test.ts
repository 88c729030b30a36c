// Differential conformance: functions snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { functionSnippets } from "./snippets/functions.js";

conformanceSuite("functions", functionSnippets, { isolation: "batch" });
