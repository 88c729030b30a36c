// gc.get_referents refuses what the simulator does not model: 3.13+ instances over a __slots__ class.
import { describe, expect, it } from "vitest";
import { simulate } from "../../support/differential.js";

const CELLS = [
  "import gc\nclass Slotted:\n    __slots__ = ('q',)\nclass WithDict(Slotted):\n    pass\nw = WithDict(); w.q = [1]",
  "w.z = 5\n[type(x).__name__ for x in gc.get_referents(w)]",
];

describe("gc.get_referents of an instance whose class is over a __slots__ class", () => {
  it("is refused by name on 3.13+, where such an instance keeps its attributes in a __dict__", async () => {
    const outputs = await simulate("3.13", CELLS);
    expect(outputs[1]).toBe("<unsupported: gc.get_referents of an instance of a class over a __slots__ class on 3.13+ (its attributes live in a __dict__ there)>\n");
  });

  it("lists the slot, the values and the class on 3.12, as CPython does", async () => {
    const outputs = await simulate("3.12", CELLS);
    expect(outputs[1]).toBe("['list', 'int', 'type']\n");
  });
});
