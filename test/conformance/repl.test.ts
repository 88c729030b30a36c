// Differential conformance: repl snippets (display: repr lessons), simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { replSnippets } from "./snippets/repl.js";

conformanceSuite("repl", replSnippets, { isolation: "batch" });
