// Reference counts the simulator cannot tell (what IPython's formatters hold, a warm-up-dependent
// dict store, the line of a yield spanning lines) end the cell as unsupported, named.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";

const READS_OWN_COUNT = "import sys\nclass Shown:\n    def __repr__(self):\n        return f'Shown({sys.getrefcount(self)})'";

describe("refusals of reference counts the simulator does not model", () => {
  it("refuses a count read while IPython formats a displayed value, but not in print or python -i", async () => {
    const [, displayed, printed] = await simulate("3.12", [READS_OWN_COUNT, "Shown()", "item = Shown()\nprint(item, [item])"]);
    expect(displayed).toBe("<unsupported: reference counts read while IPython formats a displayed value>\n");
    // (what CPython 3.12 prints too)
    expect(printed).toBe("Shown(6) [Shown(6)]\n");
    const [, echoed] = await simulate("3.12", [READS_OWN_COUNT, "Shown()"], "repr");
    expect(echoed).toMatch(/^Shown\(\d+\)\n$/);
  });

  it("refuses a key's count read by its own __hash__ while `d[key] = value` stores it on 3.11+", async () => {
    const cells = [
      "import sys\nclass Key:\n    def __hash__(self):\n        print(sys.getrefcount(self))\n        return 1\nkey = Key()",
      "table = {}\ntable[key] = 1",
      "other = {}\nother.__setitem__(key, 2)\nprint(len(other))",
    ];
    for (const version of ["3.11", "3.12", "3.13"]) {
      const [, stored, throughMethod] = await simulate(version, cells);
      expect(stored, version).toBe("<unsupported: the reference count of a dict key while `d[key] = value` stores it (3.11+ specialises that store after a warm-up)>\n");
      expect(throughMethod, version).toBe("5\n1\n");
    }
    const [, stored] = await simulate("3.10", cells);
    expect(stored).toBe("4\n");
  });

  it("refuses the count of a frame still executing on 3.10 and older, not of a finished one", async () => {
    const cells = [
      "import sys\ntry:\n    raise ValueError\nexcept ValueError as error:\n    frame = error.__traceback__.tb_frame\n    print(sys.getrefcount(frame))",
      "def dead():\n    raise KeyError\ntry:\n    dead()\nexcept KeyError as error:\n    print(sys.getrefcount(error.__traceback__.tb_next.tb_frame))",
    ];
    const [executing, finished] = await simulate("3.10", cells);
    expect(executing).toBe("<unsupported: the reference count of a frame that is still executing (3.10 and older)>\n");
    expect(finished).toBe("2\n");
    expect((await simulate("3.11", cells))[0]).toBe("4\n");
  });

  it("refuses the line of a generator paused at a yield spanning lines where versions differ", async () => {
    const cells = [
      "def pairs():\n    yield (1,\n           2)\ngen = pairs()\nnext(gen)\nprint(gen.gi_frame.f_lineno)",
      "squares = (n * n\n           for n in range(3))\nnext(squares)\nprint(squares.gi_frame.f_lineno)",
    ];
    const refusal = "<unsupported: the line of a generator paused at a yield or generator expression spanning lines>\n";
    expect(await simulate("3.7", cells)).toEqual([refusal, refusal]);
    expect(await simulate("3.12", cells)).toEqual(["2\n", refusal]);
  });
});
