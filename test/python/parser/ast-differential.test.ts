// Differential test: our AST dump must equal CPython's `ast` dump for every valid snippet.
import { describe, expect, it } from "vitest";
import { dumpNode } from "../../../src/python/ast/dump.js";
import { parse } from "../../../src/python/parser/index.js";
import { findPython, runCPython } from "./cpython.js";
import { VALID_SNIPPETS } from "./snippets/valid.js";

const MINORS = [10, 11, 12, 13];

/** f-string snippets also run on 3.10/3.11, where CPython parsed f-strings differently (or rejects them). */
function isFString(code: string): boolean {
  return /(^|[^A-Za-z])[fF][rR]?['"]|(^|[^A-Za-z])[rR][fF]['"]/.test(code);
}

function ourDump(code: string, minor: number): unknown {
  const result = parse(code, { version: { major: 3, minor } });
  if (!result.ok) return "error" in result ? { error: result.error } : { unsupported: result.unsupported };
  const omitFields = new Set<string>();
  if (minor < 13) omitFields.add("default_value");
  if (minor < 12) omitFields.add("type_params");
  return dumpNode(result.tree, { omitFields });
}

for (const minor of MINORS) {
  const python = findPython(minor);
  const snippets = VALID_SNIPPETS.filter((snippet) => snippet.since <= minor || (minor >= 10 && snippet.since === 12 && isFString(snippet.code)));
  describe.skipIf(python === undefined)(`AST matches CPython 3.${minor}${python ? "" : " (python3." + minor + " not found)"}`, () => {
    const expected = python ? runCPython(python, "ast", snippets.map((snippet) => snippet.code)) : [];
    it.each(snippets.map((snippet, index) => [JSON.stringify(snippet.code), index] as const))("%s", (_name, index) => {
      const code = snippets[index]!.code;
      expect(ourDump(code, minor)).toEqual(expected[index]);
    });
  });
}

describe("AST basics (no interpreter needed)", () => {
  it("keeps CPython's byte columns for non-ASCII source", () => {
    const result = parse("é = 'ñ'\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const statement = result.tree.body[0]!;
    expect(statement.type).toBe("Assign");
    if (statement.type !== "Assign") return;
    expect(statement.value).toMatchObject({ col_offset: 5, end_col_offset: 9 });
    expect(statement.targets[0]).toMatchObject({ id: "é", col_offset: 0, end_col_offset: 2 });
  });

  it("normalises identifiers with NFKC like CPython", () => {
    const result = parse("ﬁ = 1\n");
    expect(result.ok && result.tree.body[0]!.type === "Assign" && result.tree.body[0]!.targets[0]).toMatchObject({ id: "fi" });
  });

  it("parses numbers into the tagged constant union", () => {
    const result = parse("123456789012345678901234567890, 0x_ff, 1e-10j, 2.5\n", { mode: "eval" });
    expect(result.ok).toBe(true);
    if (!result.ok || result.tree.body.type !== "Tuple") throw new Error("expected a tuple");
    expect(result.tree.body.elts.map((element) => (element.type === "Constant" ? element.value : null))).toEqual([
      { kind: "int", value: 123456789012345678901234567890n },
      { kind: "int", value: 255n },
      { kind: "complex", imag: 1e-10 },
      { kind: "float", value: 2.5 },
    ]);
  });
});
