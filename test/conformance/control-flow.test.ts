// Differential conformance: control-flow snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { controlFlowSnippets } from "./snippets/control-flow.js";

conformanceSuite("control-flow", controlFlowSnippets, { isolation: "batch" });
