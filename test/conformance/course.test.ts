// Differential conformance: course snippets, simulator against real CPython.
import { conformanceSuite } from "./support/suite.js";
import { courseSnippets } from "./snippets/course.js";

conformanceSuite("course", courseSnippets, { isolation: "batch" });
