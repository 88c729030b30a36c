// Importer fixture pairs: test/fixtures/import/x.ipynb|x.txt beside x.<ext>.md (the lesson
// written) and x.<ext>.messages.txt; UPDATE=1 rewrites the expected files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/import-file.js";
import { parseLesson } from "../../src/lesson/parse.js";
import { expectFixture } from "../lesson/fixture-pair.js";

const folder = fileURLToPath(new URL("../fixtures/import", import.meta.url));
const inputs = readdirSync(folder)
  .filter((name) => name.endsWith(".ipynb") || name.endsWith(".txt"))
  .filter((name) => !name.endsWith(".messages.txt"))
  .sort();

describe("importer fixture pairs (UPDATE=1 rewrites the expected files)", () => {
  it("has fixtures of both formats", () => {
    expect(inputs.some((name) => name.endsWith(".ipynb"))).toBe(true);
    expect(inputs.some((name) => name.endsWith(".txt"))).toBe(true);
  });
  for (const name of inputs) {
    it(name, () => {
      const result = importText(name, readFileSync(join(folder, name), "utf8"));
      expectFixture(join(folder, `${name}.md`), result.markdown);
      const messages = result.messages.map((message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId}: ${message.reason}\n`);
      expectFixture(join(folder, `${name}.messages.txt`), messages.join(""));
      // The written lesson is clean markdown: parsing it finds no problem.
      expect(parseLesson(`${name}.md`, result.markdown).messages).toEqual([]);
    });
  }
});
