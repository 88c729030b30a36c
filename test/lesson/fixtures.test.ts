// Parser fixture pairs: every test/fixtures/lessons/x.md is parsed and compared with x.json.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../../src/lesson/parse.js";
import { expectFixture } from "./fixture-pair.js";
import { lessonSnapshot } from "./lesson-snapshot.js";

const folder = fileURLToPath(new URL("../fixtures/lessons", import.meta.url));
const lessons = readdirSync(folder)
  .filter((name) => name.endsWith(".md"))
  .sort();

describe("lesson fixture pairs (UPDATE=1 rewrites the .json files)", () => {
  it("has fixtures to check", () => {
    expect(lessons.length).toBeGreaterThan(5);
  });
  for (const name of lessons) {
    it(name, () => {
      const text = readFileSync(join(folder, name), "utf8");
      const lesson = parseLesson(name, text);
      expectFixture(join(folder, name.replace(/\.md$/, ".json")), lessonSnapshot(lesson));
    });
  }
});
