// The string module: every constant and capwords() as CPython has them; Template and Formatter
// are refused by name.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { agreesWithCPython } from "./differential-cases.js";

const CELLS = [
  "import string",
  "string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits",
  "string.hexdigits, string.octdigits, string.punctuation",
  "string.printable",
  "string.whitespace",
  "print(len(string.printable), string.whitespace == ' \\t\\n\\r\\x0b\\x0c')",
  "string.capwords('  hello   world  '), string.capwords('a-b c', '-'), string.capwords('ÉCOLE élève'), string.capwords('')",
  "string.capwords()",
  "string.capwords(1)",
  "string.capwords('a', 'b', 'c')",
  "string.capwords(s='x y', sep=None)",
  "[c for c in string.ascii_lowercase if c in 'aeiou']",
  "from string import digits, ascii_uppercase as up\ndigits, up",
  "string.nope",
  "type(string.capwords).__name__, string.capwords.__name__, string.capwords.__module__",
];

agreesWithCPython("string: constants and capwords", CELLS);

describe("string: what the simulator refuses", () => {
  it("refuses Template and Formatter by name", async () => {
    const [, template, formatter] = await simulate("3.12", ["import string", "string.Template('$x')", "from string import Formatter"]);
    expect(template).toBe("<unsupported: string.Template>\n");
    expect(formatter).toBe("<unsupported: string.Formatter>\n");
  });
});
