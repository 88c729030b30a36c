// Counts of interned strs that CPython's kernel and modules may share: answered where the
// simulator knows CPython's (3.13: a startup name reads immortal; a name with a digit no module
// uses reads the lesson's count), refused by name otherwise, and drawn as unknown in heap
// diagrams instead of failing the cell.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";

const refusal = (text: string): string => `<unsupported: the reference count of the interned str '${text}' on 3.13+ (immortal in CPython when the kernel or a module it loaded uses it as a name)>\n`;

describe("reference counts of interned strs", () => {
  it("refuses the count of an interned constant or sys.intern() result that a kernel module may use as a name", async () => {
    for (const version of ["3.13", "3.14"]) {
      const [, constant, built, libraryName] = await simulate(version, [
        "import sys, ctypes",
        "def words():\n    return 'ledger_total', 'items'\nprint([sys.getrefcount(w) for w in words()])",
        "kept = sys.intern(''.join(['led', 'ger']))\nprint(ctypes.c_long.from_address(id(kept)).value)",
        "print(sys.getrefcount(sys.intern('sha' + '256')))",
      ]);
      expect(constant, version).toBe(refusal("ledger_total"));
      expect(built, version).toBe(refusal("ledger"));
      // sha256 has a digit, but hashlib (which a kernel may have imported) uses it as a name.
      expect(libraryName, version).toBe(refusal("sha256"));
    }
  });

  it("answers the same strs on 3.12, where every interned str is immortal", async () => {
    const cells = ["import sys", "def words():\n    return 'ledger_total', 'items'\nprint([sys.getrefcount(w) for w in words()])"];
    expect((await simulate("3.12", cells))[1]).toBe("[4294967295, 4294967295]\n");
  });

  it("on 3.11 and older, refuses an interned str's count unless it is a name with a digit no module uses", async () => {
    for (const version of ["3.6", "3.8", "3.11"]) {
      const [, startupName, plain, libraryName, unshared] = await simulate(version, [
        "import sys",
        "def words():\n    return 'items', 'row_42'\nprint([sys.getrefcount(w) for w in words()])",
        "print(sys.getrefcount(sys.intern(''.join(['led', 'ger']))))",
        "def digests():\n    return 'sha256'\nprint(sys.getrefcount(digests()))",
        "token = sys.intern(''.join(['memo', '_key_', '42']))\nprint(sys.getrefcount(token))",
      ]);
      const why = "on 3.11 and older (the code of the kernel and of the modules it loaded holds it too where they use it)";
      expect(startupName, version).toBe(`<unsupported: the reference count of the interned str 'items' ${why}>\n`);
      expect(plain, version).toBe(`<unsupported: the reference count of the interned str 'ledger' ${why}>\n`);
      expect(libraryName, version).toBe(`<unsupported: the reference count of the interned str 'sha256' ${why}>\n`);
      expect(unshared, version).toBe("2\n");
    }
  });

  it("draws a refused count as unknown in the heap diagram and keeps the cell", () => {
    const session = new NotebookSession(getProfile("3.13"), { display: "pretty" });
    try {
      const result = session.runCell("word = 'ledger_total'\nrow = 'row_42'\npair = [word, row]", { timeoutMs: 10_000, maxSteps: 1_000_000, wantHeap: true });
      expect(result.status).toBe("ok");
      const counts = Object.fromEntries(result.heap!.objects.map((object) => [object.summary, object.refcount]));
      expect(counts).toEqual({ "'ledger_total'": null, "'row_42'": 2, "['ledger_total', 'row_42']": 1 });
    } finally {
      session.close();
    }
  });
});
