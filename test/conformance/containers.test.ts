// Differential conformance: containers snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { containerSnippets } from "./snippets/containers.js";

conformanceSuite("containers", containerSnippets, { isolation: "batch" });
