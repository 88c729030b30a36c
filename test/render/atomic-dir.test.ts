// The site folder is replaced whole or not at all: a failed or killed build leaves the previous
// one intact, and the next build clears what a dead build left behind.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { recoverInterruptedBuilds, writeFolderAtomically } from "../../src/render/atomic-dir.js";
import { main } from "../../src/cli/main.js";

const COMPILED = existsSync(path.resolve("build/src/render/build-site.js"));
const CLI = path.resolve("bin/lessonkit.js");

async function previousSite(): Promise<string> {
  const target = path.join(await mkdtemp(path.join(tmpdir(), "lk-atomic-")), "dist");
  await mkdir(target);
  await writeFile(path.join(target, "index.html"), "previous index");
  await writeFile(path.join(target, "old-page.html"), "previous page");
  return target;
}

async function contents(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(path.join(folder, name), "utf8");
  return files;
}

/** The pid of a process that has exited (so certainly not alive). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("writeFolderAtomically", () => {
  it("replaces the folder's whole content", async () => {
    const target = await previousSite();
    await writeFolderAtomically(target, new Map([["index.html", "new index"]]));
    expect(await contents(target)).toEqual({ "index.html": "new index" });
    expect(await readdir(path.dirname(target))).toEqual(["dist"]);
  });

  it("leaves the previous folder as it was when the build fails before the swap", async () => {
    const target = await previousSite();
    const failing = writeFolderAtomically(target, new Map([["index.html", "new index"]]), async () => {
      throw new Error("disk full");
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await contents(target)).toEqual({ "index.html": "previous index", "old-page.html": "previous page" });
    expect(await readdir(path.dirname(target))).toEqual(["dist"]);
  });
});

describe("recoverInterruptedBuilds", () => {
  it("removes staging folders of dead builds and keeps a live build's", async () => {
    const target = await previousSite();
    const parent = path.dirname(target);
    const dead = path.join(parent, `.dist-building-${await deadPid()}-abc123`);
    const live = path.join(parent, `.dist-building-${process.pid}-def456`);
    await mkdir(dead);
    await mkdir(live);
    await recoverInterruptedBuilds(target);
    expect((await readdir(parent)).sort()).toEqual([`.dist-building-${process.pid}-def456`, "dist"]);
  });

  it("puts the previous site back when a build died between the two renames of its swap", async () => {
    const target = await previousSite();
    const parent = path.dirname(target);
    const { rename } = await import("node:fs/promises");
    await rename(target, path.join(parent, `.dist-previous-${await deadPid()}`));
    await recoverInterruptedBuilds(target);
    expect(await readdir(parent)).toEqual(["dist"]);
    expect(await contents(target)).toEqual({ "index.html": "previous index", "old-page.html": "previous page" });
  });
});

describe.skipIf(!COMPILED)("a build killed half-way (needs the compiled build/: npm run build)", () => {
  it("leaves the previous dist/ intact when killed with every page written but not swapped in", async () => {
    const target = await previousSite();
    const child = spawn(process.execPath, [path.resolve("test/render/staged-build-child.mjs"), target, path.resolve("test/fixtures/render/hostile.md")], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("staged")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    const parent = path.dirname(target);
    const staging = (await readdir(parent)).find((name) => name.startsWith(".dist-building-"))!;
    expect(await readdir(path.join(parent, staging))).toContain("hostile.html");
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(await contents(target)).toEqual({ "index.html": "previous index", "old-page.html": "previous page" });

    // The next build clears the dead one's staging folder and swaps its own site in.
    const code = await main(["build", "test/fixtures/render/drift-notes.md", "--out", target], {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: () => true },
      cwd: process.cwd(),
    });
    expect(code).toBe(0);
    expect(await readdir(parent)).toEqual(["dist"]);
    expect(await readdir(target)).toEqual(["drift-notes.html", "index.html", "style.css"]);
  });

  it("leaves the previous dist/ intact when the CLI is killed while it runs the lessons", async () => {
    const target = await previousSite();
    const child = spawn(process.execPath, [CLI, "build", "test/fixtures/render", "--out", target], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (/PASS|FAIL/.test(chunk.toString())) resolve();
      });
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(await contents(target)).toEqual({ "index.html": "previous index", "old-page.html": "previous page" });
  });
});
