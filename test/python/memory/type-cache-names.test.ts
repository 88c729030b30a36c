// The count of a str once given to getattr/hasattr/setattr/delattr as an attribute name is
// refused: CPython's type attribute cache keeps a reference to it until a lookup the simulator
// cannot follow replaces the entry (measured +1 on 3.6–3.13 right after the call).
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";

const refusal = (name: string): string =>
  `<unsupported: the reference count of the str '${name}' once used as an attribute name by getattr(), hasattr(), setattr() or delattr() (CPython's type attribute cache may hold a reference to it)>\n`;

describe("reference counts of run-time attribute names", () => {
  it("answers the count before the lookup and refuses it after, through sys.getrefcount and ctypes", async () => {
    for (const version of ["3.6", "3.8", "3.11", "3.12", "3.13"]) {
      const [, before, looked, read, probed] = await simulate(version, [
        "import sys, ctypes\nclass Holder:\n    pass\nholder = Holder()\nname = ''.join(['field', '_', '7'])",
        "print(sys.getrefcount(name))",
        "getattr(holder, name, None)\nprint(sys.getrefcount(name))",
        "print(ctypes.c_long.from_address(id(name)).value)",
        "other = ''.join(['slot', '_', '8'])\nhasattr(holder, other)\nobject.__getattribute__(holder, '__class__')\nprint(sys.getrefcount(other))",
      ]);
      expect(before, version).toBe("2\n");
      expect(looked, version).toBe(refusal("field_7"));
      expect(read, version).toBe(refusal("field_7"));
      expect(probed, version).toBe(refusal("slot_8"));
    }
  });

  it("refuses a name given to object.__getattribute__ or __setattr__ too, and answers one over 100 characters", async () => {
    const [, wrapper, setter, long] = await simulate("3.11", [
      "import sys\nclass Holder:\n    pass\nholder = Holder()\nholder.x1 = 1",
      "name = ''.join(['x', '1'])\nobject.__getattribute__(holder, name)\nprint(sys.getrefcount(name))",
      "stored = ''.join(['y', '2'])\nholder.__setattr__(stored, 2)\nprint(sys.getrefcount(stored))",
      "long_name = ''.join(['z'] * 101)\ngetattr(holder, long_name, None)\nprint(sys.getrefcount(long_name))",
    ]);
    expect(wrapper).toBe(refusal("x1"));
    expect(setter).toBe(refusal("y2"));
    expect(long).toBe("2\n");
  });
});
