// The simulator agrees with real CPython on the reference-counting and cycle cells of a
// memory lesson (refcounts through ctypes, ids, the A↔B cycle and gc.collect()).
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

const CELLS = [
  "import sys, ctypes, gc\ndef ref_count(address):\n    return ctypes.c_long.from_address(address).value",
  "numbers = [1, 2, 3]\nprint(hex(id(numbers)))\nprint(sys.getrefcount(numbers), ref_count(id(numbers)))",
  "alias = numbers\nprint(ref_count(id(numbers)))",
  "alias = None\nref_count(id(numbers))",
  "class Left:\n    def __init__(self):\n        self.right = Right(self)\nclass Right:\n    def __init__(self, left):\n        self.left = left",
  "gc.disable()\ngc.collect()\nhead = Left()\nleft_id, right_id = id(head), id(head.right)\nprint(ref_count(left_id), ref_count(right_id))",
  "head = None\nprint(ref_count(left_id), ref_count(right_id))",
  "print(gc.collect())\nprint(any(id(o) in (left_id, right_id) for o in gc.get_objects()))\ngc.enable()",
  "def inside(x):\n    return sys.getrefcount(x), ref_count(id(x))\ninside(numbers)",
];

for (const version of ["3.11", "3.12", "3.13"]) {
  describe(`simulator profile ${version} vs CPython ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`matches CPython ${version} cell by cell${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      const simulated = await simulate(version, CELLS);
      expect(simulated).toEqual(real);
    });
  });
}
