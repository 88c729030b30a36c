// The out-of-scope check accepts only a refusal by name after outputs that agree with CPython.
import { describe, expect, it } from "vitest";
import { refusalProblem } from "./out-of-scope.js";

const REFUSED = "<unsupported: module 'json'>\n";

describe("refusalProblem", () => {
  it("accepts agreeing cells, then the refusal after a prefix of CPython's output", () => {
    expect(refusalProblem(["1\n", `a\n${REFUSED}`], ["1\n", "a\nb\n"], "module 'json'")).toBeUndefined();
  });

  it("rejects a snippet the simulator did not refuse", () => {
    expect(refusalProblem(["1\n", "{}\n"], ["1\n", "{}\n"], "module 'json'")).toMatch(/no cell was refused/);
  });

  it("rejects a refusal of another feature", () => {
    expect(refusalProblem(["<unsupported: module 're'>\n"], ["x\n"], "module 'json'")).toMatch(/no cell was refused/);
  });

  it("rejects a wrong answer before the refusal", () => {
    expect(refusalProblem(["2\n", REFUSED], ["1\n", "x\n"], "module 'json'")).toMatch(/cell 0 differs/);
    expect(refusalProblem([`z\n${REFUSED}`], ["a\n"], "module 'json'")).toMatch(/printed something CPython did not/);
  });
});
