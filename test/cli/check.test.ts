// The command line end to end: exit codes, diffs naming file and line, bad input, reporters.
import { describe, expect, it } from "vitest";
import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.js";
import type { CommandIo } from "../../src/cli/io.js";
import { resolveInterpreter } from "../../src/runners/python/index.js";

const FIXTURES = path.resolve("test/fixtures/cli");

function capture(): CommandIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (chunk: string) => (out += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const fixture = (name: string): string => path.join(FIXTURES, name);
const python311 = await resolveInterpreter("3.11").then(
  () => true,
  () => false,
);

describe("lessonkit check with the simulator", () => {
  it("passes a lesson whose outputs and identities are right (exit 0)", async () => {
    const result = await run("check", fixture("refcounts.md"));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/2 passed/);
  });

  it("fails a wrong output with a diff naming the file and the output's line (exit 1)", async () => {
    const result = await run("check", fixture("wrong-output.md"));
    expect(result.code).toBe(1);
    expect(result.out).toContain("wrong-output.md:10");
    expect(result.out).toContain("line 11");
    expect(result.out).toMatch(/-5\n\s*\+4/);
  });

  it("fails when the lesson claims one object where there are two", async () => {
    const result = await run("check", fixture("wrong-identity.md"), "--reporter", "json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.lessons[0].cells[0].status).toBe("fail");
    expect(report.lessons[0].cells[0].message).toMatch(/0x7f0a1b2c3d40/);
  });

  it("stops an endless loop at the cell's timeout and goes on (exit 1)", async () => {
    const started = Date.now();
    const result = await run("check", fixture("endless.md"), "--reporter", "json");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(1);
    const cells = JSON.parse(result.out).lessons[0].cells;
    expect(cells[0].status).toBe("error");
    expect(cells[0].message).toMatch(/longer than 1 s/);
    expect(cells[1].status).toBe("pass");
  });

  it("reports an unterminated fence with its place and exits 2", async () => {
    const result = await run("check", fixture("unterminated.md"));
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/unterminated\.md:5:1/);
    expect(result.out).toMatch(/unterminated-fence/);
  });

  it("names a missing file and exits 2", async () => {
    const result = await run("check", fixture("no-such-lesson.md"));
    expect(result.code).toBe(2);
    expect(result.err + result.out).toContain("no-such-lesson.md");
  });

  it("names the place of invalid JSON in a notebook and exits 2", async () => {
    const result = await run("check", fixture("broken.ipynb"));
    expect(result.code).toBe(2);
    expect(result.out + result.err).toMatch(/broken\.ipynb:1:\d+/);
  });

  it("refuses an unknown option with exit 2", async () => {
    const result = await run("check", "--frobnicate");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/frobnicate/);
  });

  it("writes JUnit XML a CI server can read", async () => {
    const result = await run("check", fixture("wrong-output.md"), "--reporter", "junit");
    expect(result.out).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(result.out).toMatch(/<failure/);
  });

  it("--update rewrites only the differing output block, byte for byte elsewhere", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "lessonkit-update-"));
    const target = path.join(folder, "to-update.md");
    await copyFile(fixture("to-update.md"), target);
    const before = await readFile(target, "utf8");
    const result = await run("check", target, "--update");
    expect(result.code).toBe(1);
    const after = await readFile(target, "utf8");
    expect(after).toBe(before.replace("```output\nold\n```", "```output\nnew\n```"));
    expect((await run("check", target)).code).toBe(0);
  });
});

describe.skipIf(!python311)(`lessonkit check with a real CPython 3.11${python311 ? "" : " (not installed: skipped)"}`, () => {
  it("passes the same lesson", async () => {
    const result = await run("check", fixture("refcounts.md"), "--python", "3.11", "--kernel", "emulated");
    expect(result.code).toBe(0);
  });

  it("reports a segfault through ctypes as an error naming the cell", async () => {
    const result = await run("check", fixture("crash.md"), "--python", "3.11", "--kernel", "emulated", "--reporter", "json");
    expect(result.code).toBe(1);
    const cell = JSON.parse(result.out).lessons[0].cells[0];
    expect(cell.status).toBe("error");
    expect(cell.message).toMatch(/crash/i);
  });

  it("stops `while True: pass` at the timeout", async () => {
    const started = Date.now();
    const result = await run("check", fixture("endless.md"), "--python", "3.11", "--kernel", "emulated", "--reporter", "json");
    expect(Date.now() - started).toBeLessThan(15_000);
    const cells = JSON.parse(result.out).lessons[0].cells;
    expect(cells[0].status).toBe("error");
  });
});

describe("engines that cannot start", () => {
  it("says which interpreter is missing and exits 2", async () => {
    const result = await run("check", fixture("refcounts.md"), "--python", "2.9");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/2\.9/);
  });

  it("refuses an unknown simulator profile", async () => {
    const result = await run("check", fixture("refcounts.md"), "--profile", "4.0");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/3\.6, 3\.7/);
  });
});
