// Differential conformance: reference counts (getrefcount and the ctypes header reader).
import { conformanceSuite } from "./support/suite.js";
import { refcountSnippets } from "./snippets/refcounts.js";

conformanceSuite("refcounts", refcountSnippets, { isolation: "batch" });
