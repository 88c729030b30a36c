// Differential conformance: standard-library module snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { moduleSnippets } from "./snippets/modules.js";

conformanceSuite("modules", moduleSnippets, { isolation: "batch" });
