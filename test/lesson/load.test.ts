// loadLesson and findLessonFiles against real files in a temporary folder.
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLessonFiles, LessonLoadError, loadLesson } from "../../src/lesson/load.js";

let root = "";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "lessonkit-load-"));
  const files: Record<string, string> = {
    "b-lesson.md": "# B\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n",
    "a-lesson.md": "# A\n",
    "README.md": "# About this folder\n",
    "notes.txt": "not a notebook export\n",
    "export.txt": "In [1]:\nprint(2)\n\n2\n",
    "book.ipynb": JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", execution_count: 1, metadata: {}, outputs: [], source: "x = 1" }] }),
    "broken.ipynb": '{\n  "nbformat": 4,\n  "cells": [\n    }\n',
    "old.ipynb": JSON.stringify({ nbformat: 3, worksheets: [] }),
    "image.png": "",
    "sub/z.md": "# Z\n",
    "sub/README.md": "# Sub readme\n",
    "sub/.hidden/h.md": "# hidden\n",
    "node_modules/pkg/m.md": "# dependency\n",
    ".ipynb_checkpoints/book-checkpoint.ipynb": "{}",
    "a/x.md": "# in a folder named a\n",
    "a.md": "# beside it\n",
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(root, name, ".."), { recursive: true });
    await writeFile(join(root, name), text);
  }
  // A link back up the tree must not make the search loop.
  await symlink(root, join(root, "sub", "loop"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("findLessonFiles", () => {
  it("expands a folder to its lessons in name order, skipping READMEs, dot-folders, node_modules and plain .txt", async () => {
    const found = await findLessonFiles([root]);
    expect(found.map((path) => path.slice(root.length + 1))).toEqual([
      "a/x.md",
      "a-lesson.md",
      "a.md",
      "b-lesson.md",
      "book.ipynb",
      "broken.ipynb",
      "export.txt",
      "old.ipynb",
      "sub/z.md",
    ]);
  });

  it("keeps files given by name, in the order given, each once", async () => {
    const found = await findLessonFiles([join(root, "b-lesson.md"), join(root, "notes.txt"), root]);
    expect(found[0]).toBe(join(root, "b-lesson.md"));
    expect(found[1]).toBe(join(root, "notes.txt"));
    expect(found.filter((path) => path.endsWith("b-lesson.md"))).toHaveLength(1);
  });

  it("refuses a missing path and a file that is no lesson", async () => {
    await expect(findLessonFiles([join(root, "nope")])).rejects.toThrow(LessonLoadError);
    await expect(findLessonFiles([join(root, "nope")])).rejects.toThrow(/nope: no such file or directory/);
    await expect(findLessonFiles([join(root, "image.png")])).rejects.toThrow(/not a lesson file/);
  });
});

describe("loadLesson", () => {
  it("parses markdown as it is", async () => {
    const lesson = await loadLesson(join(root, "b-lesson.md"));
    expect(lesson.title).toBe("B");
    expect(lesson.cells[0]!.outputs[0]!.text).toBe("1\n");
    expect(lesson.importedFrom).toBeUndefined();
  });

  it("imports notebooks and text exports in memory", async () => {
    const notebook = await loadLesson(join(root, "book.ipynb"));
    expect(notebook.importedFrom).toBe("ipynb");
    expect(notebook.cells.map((cell) => [cell.source, cell.executionCount])).toEqual([["x = 1\n", 1]]);
    const exported = await loadLesson(join(root, "export.txt"));
    expect(exported.importedFrom).toBe("text-export");
    expect(exported.cells[0]!.outputs[0]!.text).toBe("2\n");
  });

  it("throws a LessonLoadError naming the file for unreadable input", async () => {
    await expect(loadLesson(join(root, "missing.md"))).rejects.toThrow(`${join(root, "missing.md")}: no such file or directory`);
    await expect(loadLesson(join(root, "sub.md"))).rejects.toThrow(LessonLoadError);
    await expect(loadLesson(join(root, "image.png"))).rejects.toThrow(/not a lesson file/);
    const error = await loadLesson(join(root, "broken.ipynb")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LessonLoadError);
    expect((error as LessonLoadError).place).toEqual({ line: 4, column: 5 });
    expect((error as Error).message).toContain(`${join(root, "broken.ipynb")}:4:5:`);
    await expect(loadLesson(join(root, "old.ipynb"))).rejects.toThrow(/nbformat 3 is not supported/);
  });

  it("throws for a folder given as a lesson", async () => {
    await mkdir(join(root, "folder.md"), { recursive: true });
    await expect(loadLesson(join(root, "folder.md"))).rejects.toThrow(/is a directory/);
  });
});
