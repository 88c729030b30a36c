// The simulator's code hash: changes with any code file, not with other files or listing order.
import { describe, expect, it } from "vitest";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { folderFingerprint } from "../../src/cache/code-fingerprint.js";

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "lessonkit-fingerprint-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}

describe("folderFingerprint", () => {
  it("is the same for the same code and changes when one file changes", async () => {
    const files = { "runtime/a.js": "export const a = 1;\n", "b.js": "export const b = 2;\n" };
    const first = await folderFingerprint(await tree(files));
    expect(await folderFingerprint(await tree({ "b.js": files["b.js"], "runtime/a.js": files["runtime/a.js"] }))).toBe(first);
    expect(await folderFingerprint(await tree({ ...files, "runtime/a.js": "export const a = 2;\n" }))).not.toBe(first);
    expect(await folderFingerprint(await tree({ ...files, "runtime/c.js": "" }))).not.toBe(first);
  });

  it("ignores source maps and files that are not code", async () => {
    const files = { "a.js": "export const a = 1;\n" };
    const first = await folderFingerprint(await tree(files));
    expect(await folderFingerprint(await tree({ ...files, "a.js.map": "{}", "notes.md": "#" }))).toBe(first);
  });
});
