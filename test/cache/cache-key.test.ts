// Cache keys: a cell's key changes with it, with any earlier running cell, with the settings
// that change how cells run and with the engine; not with prose or later cells.
import { describe, expect, it } from "vitest";
import { cellCacheKeys } from "../../src/cache/cache-key.js";
import { parseLesson } from "../../src/lesson/parse.js";

const options = { engine: "sim 3.12", timeoutMs: 30_000, attempt: 1 };

function lesson(cells: readonly string[], frontmatter = "", prose = "Prose."): ReturnType<typeof parseLesson> {
  const body = cells.map((cell) => `${prose}\n\n${cell}\n`).join("\n");
  return parseLesson("keys.md", `${frontmatter}${body}`);
}

const fence = (source: string, info = ""): string => `\`\`\`python${info}\n${source}\n\`\`\``;

describe("cellCacheKeys", () => {
  const base = cellCacheKeys(lesson([fence("a = 1"), fence("print(a)"), fence("print(a + 1)")]), options);

  it("gives one distinct key per running cell", () => {
    expect(base.size).toBe(3);
    expect(new Set(base.values()).size).toBe(3);
  });

  it("changes a cell's key and every later key when the cell changes, not the earlier ones", () => {
    const edited = cellCacheKeys(lesson([fence("a = 1"), fence("print(a * 2)"), fence("print(a + 1)")]), options);
    expect(edited.get(0)).toBe(base.get(0));
    expect(edited.get(1)).not.toBe(base.get(1));
    expect(edited.get(2)).not.toBe(base.get(2));
  });

  it("keeps the keys when only the prose around the cells changes", () => {
    const reworded = cellCacheKeys(lesson([fence("a = 1"), fence("print(a)"), fence("print(a + 1)")], "", "Other words, and more of them."), options);
    expect([...reworded]).toEqual([...base]);
  });

  it("changes every key with the engine, the attempt, the display mode or the timeout", () => {
    const cells = [fence("a = 1"), fence("print(a)"), fence("print(a + 1)")];
    const variants = [
      cellCacheKeys(lesson(cells), { ...options, engine: "sim 3.13" }),
      cellCacheKeys(lesson(cells), { ...options, attempt: 2 }),
      cellCacheKeys(lesson(cells, "---\ndisplay: repr\n---\n"), options),
      cellCacheKeys(lesson(cells), { ...options, timeoutMs: 5_000 }),
    ];
    for (const keys of variants) for (const [index, key] of keys) expect(key).not.toBe(base.get(index));
  });

  it("follows a cell's own timeout option and ignores skipped cells", () => {
    const withTimeout = cellCacheKeys(lesson([fence("a = 1"), fence("print(a)", " timeout=5"), fence("print(a + 1)")]), options);
    expect(withTimeout.get(0)).toBe(base.get(0));
    expect(withTimeout.get(1)).not.toBe(base.get(1));
    const withSkipped = cellCacheKeys(lesson([fence("a = 1"), fence("import antigravity", " skip"), fence("print(a)"), fence("print(a + 1)")]), options);
    expect(withSkipped.has(1)).toBe(false);
    expect([withSkipped.get(0), withSkipped.get(2), withSkipped.get(3)]).toEqual([base.get(0), base.get(1), base.get(2)]);
  });
});
