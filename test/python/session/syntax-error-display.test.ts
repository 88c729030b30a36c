// A cell that does not compile shows the kernel's SyntaxError block (traceback module wording
// of each version, file relabelled "Cell In[N]"): the line and the carets under the error.
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";

function traceback(profile: string, source: string): string {
  const session = new NotebookSession(getProfile(profile as never), { display: "pretty" });
  try {
    return session.runCell(source, { timeoutMs: 10_000, maxSteps: 1_000_000 }).exception?.traceback ?? "";
  } finally {
    session.close();
  }
}

describe("SyntaxError display of a cell", () => {
  it("points at the error with one caret per character from 3.10", () => {
    expect(traceback("3.12", "f() = 1")).toBe(
      "  Cell In[1], line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n",
    );
    expect(traceback("3.13", "print('x'")).toBe("  Cell In[1], line 1\n    print('x'\n             ^\n_IncompleteInputError: incomplete input\n");
  });
  it("uses one caret before 3.10 and the 3.8 column rule", () => {
    expect(traceback("3.9", "x = (1,\n  2]")).toBe("  Cell In[1], line 2\n    2]\n     ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1\n");
    expect(traceback("3.8", "x = 'abc")).toBe("  Cell In[1], line 1\n    x = 'abc\n           ^\nSyntaxError: EOL while scanning string literal\n");
  });
  it("leaves out the caret when the offset is inside the indentation", () => {
    expect(traceback("3.12", "if True:\n  x = 1\n    y = 2")).toBe("  Cell In[1], line 3\n    y = 2\nIndentationError: unexpected indent\n");
  });
});
