// Differential conformance: classes snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { classSnippets } from "./snippets/classes.js";

conformanceSuite("classes", classSnippets, { isolation: "batch" });
