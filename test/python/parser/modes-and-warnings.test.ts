// Differential tests for the "eval" and "single" modes and for parser warnings.
import { describe, expect, it } from "vitest";
import { dumpNode } from "../../../src/python/ast/dump.js";
import { parse, type ParseMode } from "../../../src/python/parser/index.js";
import { findPython, runCPython } from "./cpython.js";

const EVAL_SNIPPETS = [
  "1 + 2", "x if y else z", "lambda: 0", "a, b", "*a, b", "[x for x in y]", "f(x)\n", "\n1\n", "(yield)", "x = 1", "1 +",
  "'a' 'b'", "{**a}", "not x", "x := 1", "(x := 1)", "a[1:2]", "", "1\n\n\n",
];
const SINGLE_SNIPPETS = [
  "x = 1\n", "x\n", "if x:\n    pass\n", "x = 1; y = 2\n", "x = 1\ny = 2\n", "\n", "# only a comment\n", "for x in y: print(x)\n",
  "def f():\n    return 1\n", "1 +\n", "class A: pass\n", "@d\ndef f(): pass\n", "x = (\n1)\n", "pass\n\n",
];
const WARNING_SNIPPETS = [
  "x = '\\d'\n", "x = b'\\d'\n", "x = '\\777'\n", "x = 1if y else 2\n", "x = 0x1for x in y\n", "f'\\{x}'\n", "x = '\\d' + '\\q'\n",
  "x = '''\n\\d'''\n", "print('a\\.b')\n", "x = [1for x in y]\n", "f'{x}\\d'\n", "rb'\\d'\n", "x = 1else 2\n", "x = 1_0in y\n",
  "x = 0b1or 1\n", "x = 1jif y else 2\n", "x = 'ok\\n'\n",
];

function ourTree(code: string, mode: ParseMode, minor: number): unknown {
  const result = parse(code, { mode, version: { major: 3, minor } } as { mode: "exec" });
  if (result.ok) return dumpNode(result.tree);
  if ("unsupported" in result) return { unsupported: result.unsupported.feature };
  const { text: _text, ...error } = result.error;
  return { error };
}

function withoutText(value: unknown): unknown {
  if (value !== null && typeof value === "object" && "error" in value) {
    const { text: _text, ...error } = (value as { error: Record<string, unknown> }).error;
    return { error };
  }
  return value;
}

for (const minor of [12, 13]) {
  const python = findPython(minor);
  describe.skipIf(python === undefined)(`eval and single modes match CPython 3.${minor}${python ? "" : " (python3." + minor + " not found)"}`, () => {
    const evalExpected = python ? runCPython(python, "ast", EVAL_SNIPPETS, "eval") : [];
    const singleExpected = python ? runCPython(python, "ast", SINGLE_SNIPPETS, "single") : [];
    it.each(EVAL_SNIPPETS.map((code, index) => [JSON.stringify(code), index] as const))("eval %s", (_name, index) => {
      expect(ourTree(EVAL_SNIPPETS[index]!, "eval", minor)).toEqual(withoutText(evalExpected[index]));
    });
    it.each(SINGLE_SNIPPETS.map((code, index) => [JSON.stringify(code), index] as const))("single %s", (_name, index) => {
      expect(ourTree(SINGLE_SNIPPETS[index]!, "single", minor)).toEqual(withoutText(singleExpected[index]));
    });
  });
}

for (const minor of [10, 11, 12, 13]) {
  const python = findPython(minor);
  describe.skipIf(python === undefined)(`parser warnings match CPython 3.${minor}${python ? "" : " (python3." + minor + " not found)"}`, () => {
    const expected = python ? runCPython(python, "warnings", WARNING_SNIPPETS) : [];
    it.each(WARNING_SNIPPETS.map((code, index) => [JSON.stringify(code), index] as const))("%s", (_name, index) => {
      const result = parse(WARNING_SNIPPETS[index]!, { version: { major: 3, minor } });
      expect(result.warnings).toEqual(expected[index]);
    });
  });
}
