// The string module: every constant, capwords() and Template as CPython has them; Formatter is
// refused by name, and Template's regex-only parts (pattern, flags, custom idpattern) are refused.
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

agreesWithCPython("string: Template", [
  "from string import Template",
  "Template('$who likes ${what}s').substitute(who='Ann', what='pear'), Template('$$5 and $x').safe_substitute()",
  "Template('$a $b').substitute({'a': 1}, b=2), Template('${a}').safe_substitute({}, a=3)",
  "Template('cost: $').substitute()",
  "Template('$missing').substitute()",
  "Template('x').substitute({}, {})",
  "class Dollar(Template):\n    delimiter = '#'\nDollar('#x ##').substitute(x=1)",
  "type(Template).__name__, Template.delimiter, Template.idpattern",
]);

describe("string: what the simulator refuses", () => {
  it("refuses Formatter by name, and Template's regular-expression parts", async () => {
    const [, pattern, formatter, subclass] = await simulate("3.12", [
      "import string",
      "string.Template.pattern",
      "from string import Formatter",
      "class Words(string.Template):\n    idpattern = '[a-z]+'",
    ]);
    expect(pattern).toBe("<unsupported: string.Template.pattern>\n");
    expect(formatter).toBe("<unsupported: string.Formatter>\n");
    expect(subclass).toBe("<unsupported: string.Template subclasses that set idpattern (the simulator has no re module)>\n");
  });
});
