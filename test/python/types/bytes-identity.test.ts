// bytes operations return the same object, a singleton or a new object as CPython does.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

const VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

/** Cells written for this test; each shows one value or one exception line. */
const CELLS = [
  "(lambda x: x is bytes([x[0]]))(b'A'.lower())",
  "(lambda x: x is bytes([x[0]]))(b'a'.upper())",
  "(lambda x: x is bytes([x[0]]))(b''.join([b'', b'a']))",
  "(lambda x: x is bytes([x[0]]))(b'ab'.replace(b'b', b''))",
  "(lambda x: x is bytes([x[0]]))(b'ab'[1:])",
  "(lambda x: x is bytes([x[0]]))(b'abc'[::3])",
  "(lambda x: x is bytes([x[0]]))(b' a '.strip())",
  "(lambda x: x is bytes([x[0]]))(b'a b'.split()[0])",
  "(lambda x: x is bytes([x[0]]))(b'a,b'.partition(b',')[2])",
  "(lambda x: x is bytes([x[0]]))(b''.center(1))",
  "(lambda x: x is bytes([x[0]]))(b'\\t'.expandtabs(1))",
  "(lambda x: x is bytes([x[0]]))('a'.encode())",
  "(lambda x: x is bytes([x[0]]))('é'.encode('latin-1'))",
  "(lambda x: x is bytes([x[0]]))(bytes.fromhex('61'))",
  "(lambda x: x is bytes([x[0]]))(b'a'.translate(None))",
  "(lambda x: x is bytes([x[0]]))(b'b'.translate(bytes.maketrans(b'b', b'a')))",
  "(lambda x: x is bytes([x[0]]))(bytes(1))",
  "(lambda x: x is bytes([x[0]]))(bytes([5]))",
  "(lambda x: x is bytes([x[0]]))(b'ab'.removeprefix(b'a'))",
  "(lambda x: x is bytes([x[0]]))(b'%c' % 97)",
  "(lambda x: x is bytes([x[0]]))(b'a'.zfill(1))",
  "(lambda x: x is bytes())(b'a'.replace(b'a', b''))",
  "(lambda x: x is bytes())(b'ab'.lower()[:0])",
  "(lambda x: x is bytes())(''.encode())",
  "(lambda x: x is bytes())(b''.lower())",
  "(lambda x: x is bytes())(bytes(0))",
  "(lambda x: x is bytes())(b''.join([]))",
  "(lambda x: x is bytes())(b'  '.strip())",
  "(lambda b: b.lower() is b)(b''.join([b'1', b'2']))",
  "(lambda b: b.replace(b'1', b'1') is b)(b''.join([b'1', b'2']))",
  "(lambda b: b.split(b'x', 0)[0] is b)(b''.join([b'1x', b'2']))",
  "(lambda b: b.split(None, 0)[0] is b)(b''.join([b'1 ', b'2']))",
  "(lambda b: b.splitlines()[0] is b)(b''.join([b'1', b'2']))",
  "(lambda b: b.title() is b)(b''.join([b'1', b'2']))",
  "(lambda b: b.translate(None, b'') is b)(b''.join([b'1', b'2']))",
  "(lambda b: b.translate(bytes(range(256))) is b)(b''.join([b'1', b'2']))",
  "(lambda b: b.hex() is b.hex())(b''.join([b'1', b'2']))",
];

/** Each cell next to what it showed, so a failure names the cell. */
function shownBy(cells: readonly string[], outputs: readonly string[]): string[] {
  return cells.map((cell, index) => `${cell}\n=> ${outputs[index]}`);
}

for (const version of VERSIONS) {
  describe(`bytes identity: simulator ${version} vs CPython ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`agrees cell by cell${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      const simulated = await simulate(version, CELLS);
      expect(shownBy(CELLS, simulated)).toEqual(shownBy(CELLS, real!));
    });
  });
}
