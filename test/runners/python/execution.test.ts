// Runs cells on every installed CPython 3.6-3.13 under the driver's IPython rules (emulated kernel).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PythonEngine } from "../../../src/runners/python/engine.js";
import { interpreters, TESTED_VERSIONS } from "./interpreters.js";
import { engineFor, openSession, type TestSession } from "./sessions.js";

const REFCOUNT_HELPER = "import ctypes, sys\ndef rc(address):\n    return ctypes.c_long.from_address(address).value";

for (const version of TESTED_VERSIONS) {
  const interpreter = interpreters.get(version);
  const title = interpreter
    ? `CPython ${interpreter.version} (${interpreter.executable})`
    : `CPython ${version}: not installed (no python${version} on PATH or in pyenv), skipped`;

  describe.skipIf(!interpreter)(title, () => {
    let engine: PythonEngine;
    let shared: TestSession;

    beforeAll(async () => {
      engine = await engineFor(interpreter!.executable, "emulated");
      shared = await openSession(engine);
      const setup = await shared.run(REFCOUNT_HELPER);
      expect(setup.status).toBe("ok");
    });
    afterAll(async () => {
      await shared?.close();
    });

    it("reports the interpreter and the emulated kernel in its identity", () => {
      expect(engine.identity).toEqual({
        kind: "python",
        executable: interpreter!.executable,
        version: interpreter!.version,
        kernel: "emulated",
      });
      expect(shared.session.interpreter?.ready.version).toBe(interpreter!.version);
      expect(shared.session.interpreter?.ready.kernel).toBe("emulated");
    });

    it("captures stdout and stderr in write order, then the displayed value", async () => {
      const run = await shared.run(
        "import sys\nprint('one')\nsys.stderr.write('two\\n')\nprint('three', end='')\nsys.stdout.write('!\\n')\n'four'",
      );
      expect(run.status).toBe("ok");
      expect(run.output).toBe("one\ntwo\nthree!\n'four'\n");
    });

    it("displays only a trailing expression, and not after a semicolon or for None", async () => {
      expect((await shared.run("1 + 1\n2 + 2")).output).toBe("4\n");
      expect((await shared.run("y = 3")).output).toBe("");
      expect((await shared.run("y;")).output).toBe("");
      expect((await shared.run("None")).output).toBe("");
      expect((await shared.run("for i in range(3): i")).output).toBe("");
    });

    it("compiles each top-level statement separately, as IPython does", async () => {
      const run = await shared.run(
        "a = 500\nb = 500\nprint(a is b)\nc, d = 500, 500\nprint(c is d)\ndef f():\n    x = 500\n    y = 500\n    return x is y\nprint(f())",
      );
      // 3.7's AST optimiser folds `500, 500` into a tuple of the two parsed objects without
      // merging them (a script prints False there too); 3.6 and 3.8+ share one constant.
      const oneStatementShares = interpreter!.parsedVersion.minor === 7 ? "False" : "True";
      expect(run.output).toBe(`False\n${oneStatementShares}\nTrue\n`);
    });

    it("keeps a cell's constants alive until the cell ends", async () => {
      expect((await shared.run("b = 1000\nprint(rc(id(b)))")).output).toBe("2\n");
      expect((await shared.run("if True:\n    d = 1000\n    print(rc(id(d)))")).output).toBe("3\n");
      await shared.run("e = 1000");
      expect((await shared.run("print(rc(id(e)))")).output).toBe("1\n");
    });

    it("holds displayed values in Out, _N, _, __ and ___ with IPython's reference counts", async () => {
      expect((await shared.run("x = [1, 2, 3]\nprint(rc(id(x)))")).output).toBe("1\n");
      const shown = await shared.run("x");
      expect(shown.output).toBe("[1, 2, 3]\n");
      expect((await shared.run("print(rc(id(x)))")).output).toBe("8\n");
      // x is `_`, then `__`, then `___` (three references each time), then only Out and _N hold it.
      expect((await shared.run("rc(id(x))")).output).toBe("7\n");
      expect((await shared.run("rc(id(x))")).output).toBe("7\n");
      expect((await shared.run("rc(id(x))")).output).toBe("7\n");
      expect((await shared.run("rc(id(x))")).output).toBe("4\n");
      const names = await shared.run(
        "n = [k for k, v in Out.items() if v is x][0]\nprint(globals()['_%d' % n] is x, In[n])",
      );
      expect(names.output).toBe("True x\n");
    });

    it("displays values with IPython's pretty printer", async () => {
      const numbers = Array.from({ length: 30 }, (_, i) => i);
      expect((await shared.run("list(range(30))")).output).toBe(`[${numbers.join(",\n ")}]\n`);
      expect((await shared.run("{3, 1, 2}, {'b': 1, 'a': 2}, frozenset()")).output).toBe("({1, 2, 3}, {'b': 1, 'a': 2}, frozenset())\n");
      const shown = await shared.run("class A:\n    pass\ndef f(x, *, y=2):\n    pass\nA, A(), f, str, len");
      // Wider than 79 columns, so every item goes on its own line.
      expect(shown.output).toMatch(
        /^\(__main__\.A,\n <__main__\.A at 0x[0-9a-f]+>,\n <function __main__\.f\(x, \*, y=2\)>,\n str,\n <function len\(obj, \/\)>\)\n$/,
      );
      expect((await shared.run("A, str")).output).toBe("(__main__.A, str)\n");
    });

    it("prints <script> and unicode as plain text, untouched", async () => {
      const run = await shared.run("print('<script>alert(\"hi\")</script> & é ü ✓ 中文 😀')\n'ü'");
      expect(run.output).toBe("<script>alert(\"hi\")</script> & é ü ✓ 中文 😀\n'ü'\n");
    });

    it("reports an exception with its traceback, without the driver's frames", async () => {
      const run = await shared.run(
        "print('before')\ndef boom(arg):\n    raise ValueError('boom')\nvictim = [1, 2, 3]\nboom(victim)",
      );
      expect(run.status).toBe("exception");
      expect(run.output).toBe("before\n");
      expect(run.exception?.type).toBe("ValueError");
      expect(run.exception?.message).toBe("boom");
      const traceback = run.exception?.traceback ?? "";
      expect(traceback.startsWith("Traceback (most recent call last):\n")).toBe(true);
      expect(traceback).toMatch(/^ {2}Cell In\[\d+\], line 5, in <module>$/m);
      expect(traceback).toMatch(/^ {2}Cell In\[\d+\], line 3, in boom$/m);
      expect(traceback).not.toContain("driver.py");
      expect(traceback.trimEnd().endsWith("ValueError: boom")).toBe(true);
      // The traceback kept in sys.last_traceback holds boom's frame (and, before 3.13, the
      // snapshot of its locals IPython's formatter makes), so `victim` has more references.
      const expected = interpreter!.parsedVersion.minor >= 13 ? 2 : 3;
      expect((await shared.run("print(rc(id(victim)), sys.last_value)")).output).toBe(`${expected} boom\n`);
    });

    it("names exceptions defined in cells without __main__, and reports syntax errors", async () => {
      const custom = await shared.run("class LessonError(Exception):\n    pass\nraise LessonError('no luck')");
      expect([custom.exception?.type, custom.exception?.message]).toEqual(["LessonError", "no luck"]);

      const syntax = await shared.run("x = )");
      expect(syntax.status).toBe("exception");
      expect(syntax.exception?.type).toBe("SyntaxError");
      expect(syntax.exception?.traceback).toMatch(/^ {2}Cell In\[\d+\], line 1\n/);
      expect(syntax.exception?.traceback).not.toContain("Traceback (most recent call last)");

      const indentation = await shared.run("if True:\nprint(1)");
      expect(indentation.exception?.type).toBe("IndentationError");

      // Parsed as a whole, compiled statement by statement: the print runs before the error.
      const outside = await shared.run("print('first')\nreturn 5");
      expect([outside.exception?.type, outside.exception?.message, outside.output]).toEqual([
        "SyntaxError",
        "'return' outside function",
        "first\n",
      ]);
    });

    it("gives input() an empty stdin, as a notebook kernel without a frontend does", async () => {
      const run = await shared.run("input()");
      expect(run.exception?.type).toBe("EOFError");
    });

    it("collects output written below Python (fd 1, fd 2, subprocesses)", async () => {
      const run = await shared.run(
        "import os, subprocess\nprint('python level')\nos.write(1, b'fd one\\n')\nos.write(2, b'fd two\\n')\n" +
          "code = subprocess.call([sys.executable, '-c', 'print(42)'])",
      );
      expect(run.status).toBe("ok");
      expect(run.output).toBe("python level\nfd one\nfd two\n42\n");
    });

    it("caps a huge output at 1 MiB, keeping the head and saying how much was cut", async () => {
      const run = await shared.run("for i in range(200000):\n    print('%019d' % i)");
      const total = 200_000 * 20;
      const kept = 1 << 20;
      expect(run.status).toBe("ok");
      expect(run.output.startsWith("0000000000000000000\n0000000000000000001\n")).toBe(true);
      expect(run.output.endsWith(`\n[lessonkit: output truncated, ${total - kept} more bytes not shown]\n`)).toBe(true);
      expect(Buffer.byteLength(run.output)).toBeLessThan(kept + 100);
    });

    it("stops `while True: pass` at the cell's timeout and goes on in a fresh interpreter", async () => {
      const test = await openSession(engine);
      try {
        await test.run("state = 'kept'");
        const started = performance.now();
        const run = await test.run("print('started')\nwhile True: pass", 1_000);
        const elapsed = performance.now() - started;
        expect(run.status).toBe("timeout");
        expect(run.output).toBe("started\n");
        expect(run.engineMessage).toMatch(/did not finish within 1 s/);
        expect(elapsed).toBeLessThan(4_000);
        const after = await test.run("print('alive'); state");
        expect(after.status).toBe("exception");
        expect(after.output).toBe("alive\n");
        expect(after.exception?.type).toBe("NameError");
        expect(test.session.startCount).toBe(2);
      } finally {
        await test.close();
      }
    });

    it("reports a segfault as a crash naming the signal, then replays earlier cells when asked", async () => {
      const test = await openSession(engine, { replay: true });
      try {
        await test.run("counter = 41");
        const run = await test.run("import ctypes\nctypes.string_at(0)");
        expect(run.status).toBe("crash");
        expect(run.engineMessage).toMatch(/killed by signal SIGSEGV/);
        expect(run.engineMessage).toMatch(/Fatal Python error: Segmentation fault/);
        const after = await test.run("counter + 1");
        expect([after.status, after.output]).toEqual(["ok", "42\n"]);
      } finally {
        await test.close();
      }
    });

    it("runs `display: repr` lessons with plain `python -i` echo rules", async () => {
      const test = await openSession(engine, { display: "repr" });
      try {
        await test.run(REFCOUNT_HELPER);
        const echo = await test.run(
          "lst = [1, 2, 3]\nprint(rc(id(lst)))\nlst\nprint(rc(id(lst)), _ is lst)\nNone\nprint(rc(id(lst)))\n0\nprint(rc(id(lst)))",
        );
        expect(echo.output).toBe("1\n[1, 2, 3]\n2 True\n2\n0\n1\n");
        const units = await test.run(
          "a = 1000\nprint(rc(id(a)))\nx = 1000; print(rc(id(x)))\ns = 'hello world'\nt = 'hello world'\nprint(s is t)\n" +
            "u = 'hello world'; v = 'hello world'; print(u is v)",
        );
        expect(units.output).toBe("1\n3\nFalse\nTrue\n");
        const shown = await test.run("class A: pass\nA\nlist(range(30))");
        expect(shown.output).toBe(`<class '__main__.A'>\n[${Array.from({ length: 30 }, (_, i) => i).join(", ")}]\n`);
      } finally {
        await test.close();
      }
    });
  });
}
