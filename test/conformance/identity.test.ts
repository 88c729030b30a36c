// Differential conformance: identity snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { identitySnippets } from "./snippets/identity.js";

conformanceSuite("identity", identitySnippets, { isolation: "batch" });
