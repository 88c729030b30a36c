// Differential test: for every invalid snippet, our SyntaxError (type, msg, lineno, offset, and
// from 3.10 end_lineno/end_offset) must equal the one real CPython raises, per version.
// Known gaps are listed by name below and run as expected failures, so they stay visible and
// the list must shrink when one gets fixed. UPDATE=1 rewrites snippets/known-gaps.ts from what
// fails now (review the diff: a gap that appears is a regression).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "../../../src/python/parser/index.js";
import { findPython, runCPython, type CPythonResult } from "./cpython.js";
import { KNOWN_ERROR_GAPS } from "./snippets/known-gaps.js";
import { INVALID_SNIPPETS } from "./snippets/invalid.js";

const MINORS = [8, 9, 10, 11, 12, 13];
const UPDATE = process.env["UPDATE"] === "1";
const GAPS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "snippets/known-gaps.ts");
const observedGaps = new Map<number, string[]>();

interface Comparable {
  type: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
  end_lineno?: number | null;
  end_offset?: number | null;
}

function comparable(error: Comparable, minor: number): Comparable {
  const fields: Comparable = { type: error.type, msg: error.msg, lineno: error.lineno, offset: error.offset };
  if (minor >= 10) {
    fields.end_lineno = error.end_lineno ?? null;
    fields.end_offset = error.end_offset ?? null;
  }
  return fields;
}

function ours(code: string, minor: number): unknown {
  const result = parse(code, { version: { major: 3, minor } });
  if (result.ok) return "parsed without error";
  if ("unsupported" in result) return { unsupported: result.unsupported.feature };
  return comparable(result.error, minor);
}

function theirs(result: CPythonResult, minor: number): unknown {
  if (result === null) return "parsed without error";
  if ("error" in result && result.error !== undefined) return comparable(result.error as Comparable, minor);
  return result;
}

for (const minor of MINORS) {
  const python = findPython(minor);
  const gaps = KNOWN_ERROR_GAPS.get(minor) ?? new Set<string>();
  describe.skipIf(python === undefined)(`SyntaxError matches CPython 3.${minor}${python ? "" : " (python3." + minor + " not found)"}`, () => {
    const expected = python ? runCPython(python, "error", INVALID_SNIPPETS) : [];
    const cases = INVALID_SNIPPETS.map((code, index) => [JSON.stringify(code), code, index] as const);
    if (UPDATE && python) {
      observedGaps.set(
        minor,
        INVALID_SNIPPETS.filter((code, index) => JSON.stringify(ours(code, minor)) !== JSON.stringify(theirs(expected[index]!, minor))),
      );
    }
    for (const [name, code, index] of cases) {
      if (gaps.has(code) && !UPDATE) {
        it.fails(`known gap: ${name}`, () => {
          expect(ours(code, minor)).toEqual(theirs(expected[index]!, minor));
        });
      } else {
        it(name, () => {
          expect(ours(code, minor)).toEqual(theirs(expected[index]!, minor));
        });
      }
    }
  });
}

afterAll(() => {
  if (!UPDATE || observedGaps.size === 0) return;
  const entries = [...observedGaps].map(([minor, codes]) =>
    codes.length === 0
      ? `  [${minor}, new Set([])],`
      : `  [\n    ${minor},\n    new Set([\n${codes.map((code) => `      ${JSON.stringify(code)},`).join("\n")}\n    ]),\n  ],`,
  );
  writeFileSync(
    GAPS_FILE,
    "// Snippets whose SyntaxError we do not reproduce yet, per CPython minor version (written by\n" +
      "// `UPDATE=1 npx vitest run test/python/parser/syntax-error-differential.test.ts`; each runs as an\n" +
      "// expected failure in the differential test).\n\n" +
      "export const KNOWN_ERROR_GAPS: ReadonlyMap<number, ReadonlySet<string>> = new Map([\n" +
      entries.join("\n") +
      "\n]);\n",
  );
});

describe("syntax errors without an interpreter", () => {
  it("reports an unknown \\N{} name as unsupported, not as a Python error", () => {
    const result = parse("x = '\\N{SOME NAME NOT IN OUR TABLE}'\n");
    expect(result.ok).toBe(false);
    expect("unsupported" in result && result.unsupported.feature).toContain("SOME NAME NOT IN OUR TABLE");
  });

  it("words the same mistake per version", () => {
    const newer = parse("s = 'abc\n", { version: { major: 3, minor: 12 } });
    const older = parse("s = 'abc\n", { version: { major: 3, minor: 8 } });
    expect(!newer.ok && "error" in newer && newer.error.msg).toBe("unterminated string literal (detected at line 1)");
    expect(!older.ok && "error" in older && older.error.msg).toBe("EOL while scanning string literal");
  });

  it("reports IndentationError and TabError types", () => {
    const indentation = parse("if x:\npass\n");
    const tabs = parse("if x:\n\tif y:\n        pass\n");
    expect(!indentation.ok && "error" in indentation && indentation.error.type).toBe("IndentationError");
    expect(!tabs.ok && "error" in tabs && tabs.error.type).toBe("TabError");
  });
});
