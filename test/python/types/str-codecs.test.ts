// str.encode, bytes.decode and str(bytes, ...) give CPython 3.6–3.13's results.
// Covers codecs and their aliases, error handlers, and the UnicodeEncodeError/UnicodeDecodeError
// messages with their positions and reasons.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

const VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

/** Cells that succeed or raise exceptions every runtime has. */
const CELLS = [
  "'é'.encode('utf-8').decode('cp1252')",
  "'€'.encode('cp1252')",
  "'€'.encode('windows-1252')",
  "'aĀb'.encode('cp1252', 'replace')",
  "b'\\x80\\x81\\x9f'.decode('cp1252', 'replace')",
  "b'\\x93quoted\\x94'.decode('cp1252')",
  "'“x”'.encode('cp1252')",
  "'abc'.encode()",
  "'é'.encode()",
  "'é'.encode('latin-1')",
  "'€'.encode('utf-8')",
  "'😀'.encode('utf-8')",
  "'😀'.encode('utf-16')",
  "'😀'.encode('utf-16-le')",
  "'😀'.encode('utf-16-be')",
  "'é'.encode('utf-32')",
  "'é'.encode('UTF-32-BE')",
  "'é€😀'.encode('ascii', 'ignore')",
  "'é€😀'.encode('ascii', 'replace')",
  "'é€😀'.encode('ascii', 'xmlcharrefreplace')",
  "'é€😀'.encode('ascii', 'backslashreplace')",
  "'é€😀'.encode('latin-1', 'replace')",
  "'a\\ud800b'.encode('utf-8', 'surrogatepass')",
  "'a\\ud800b'.encode('utf-8', 'replace')",
  "'a\\ud800b'.encode('utf-8', 'ignore')",
  "'a\\ud800b'.encode('utf-8', 'backslashreplace')",
  "'a\\ud800b'.encode('utf-8', 'xmlcharrefreplace')",
  "'x\\udcffy'.encode('utf-8', 'surrogateescape')",
  "'x\\udcffy'.encode('latin-1', 'surrogateescape')",
  "'abc'.encode('ASCII')",
  "'abc'.encode('Latin_1')",
  "'abc'.encode(' utf 8 ')",
  "'abc'.encode('utf8')",
  "'abc'.encode('U8')",
  "'abc'.encode('iso8859-1')",
  "'abc'.encode('646')",
  "'abc'.encode(encoding='utf-8', errors='strict')",
  "'abc'.encode('ascii', 'no-such-handler')",
  "'abc'.encode('no-such-codec')",
  "b'abc'.decode('no-such-codec')",
  "b'abc'.decode()",
  "b'\\xc3\\xa9t\\xc3\\xa9'.decode()",
  "b'\\xe9t\\xe9'.decode('latin-1')",
  "b'\\xe9t\\xe9'.decode('utf-8', 'replace')",
  "b'\\xe9t\\xe9'.decode('utf-8', 'ignore')",
  "b'\\xe9t\\xe9'.decode('utf-8', 'backslashreplace')",
  "b'\\xe9t\\xe9'.decode('utf-8', 'surrogateescape')",
  "b'\\xc3\\xa9\\xe2\\x82'.decode('utf-8', 'replace')",
  "b'\\xf0\\x9f\\x98\\x80'.decode()",
  "b'\\xf0\\x9f\\x98'.decode('utf-8', 'replace')",
  "b'\\xed\\xa0\\x80'.decode('utf-8', 'replace')",
  "b'\\xed\\xa0\\x80'.decode('utf-8', 'surrogatepass')",
  "b'\\xe0\\x80\\x80'.decode('utf-8', 'replace')",
  "b'\\xc0\\xaf'.decode('utf-8', 'replace')",
  "b'\\x80abc'.decode('ascii', 'replace')",
  "b'\\xff\\xfea\\x00'.decode('utf-16')",
  "b'\\xfe\\xff\\x00a'.decode('utf-16')",
  "b'a\\x00b\\x00'.decode('utf-16-le')",
  "b'\\x00\\x00\\x00a'.decode('utf-32-be')",
  "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00'.decode('utf-32')",
  "b'=\\xd8\\x00\\xde'.decode('utf-16-le')",
  "str(b'abc', 'ascii')",
  "str(b'\\xc3\\xa9', 'utf-8')",
  "str(b'\\xe9', 'latin-1')",
  "str(b'\\xe9', 'utf-8', 'replace')",
  "str(b'\\xe9', errors='replace')",
  "str(b'\\xe9', encoding='latin-1')",
  "bytes('abc', 'ascii')",
  "bytes('é', 'utf-8')",
  "bytes('é', 'ascii', 'replace')",
  "bytes('é', encoding='latin-1')",
  "'é'.encode().decode()",
  "len('héllo'.encode())",
  "len('héllo'.encode('utf-16'))",
  "list('é'.encode())",
  "'😀'.encode() == b'\\xf0\\x9f\\x98\\x80'",
];

/** Cells raising UnicodeEncodeError / UnicodeDecodeError. */
const UNICODE_ERROR_CELLS = [
  "'Ā'.encode('cp1252')",
  "b'\\x81'.decode('cp1252')",
  "'Ā😀'.encode('cp1252')",
  "'é'.encode('ascii')",
  "'aé€b'.encode('ascii')",
  "'ab\\ud800'.encode()",
  "'é€'.encode('latin-1')",
  "'x€😀y'.encode('latin-1')",
  "'😀'.encode('ascii')",
  "b'\\xff'.decode()",
  "b'ab\\xe9cd'.decode()",
  "b'\\xe9'.decode()",
  "b'\\xc3\\x28'.decode()",
  "b'\\xf0\\x9f\\x98'.decode()",
  "b'\\xf0\\x9f\\x98x'.decode()",
  "b'\\xed\\xa0\\x80'.decode()",
  "b'\\xe0\\x80\\x80'.decode()",
  "b'\\xf4\\x90\\x80\\x80'.decode()",
  "b'\\xc0\\xaf'.decode()",
  "b'\\x80abc'.decode('ascii')",
  "b'ab\\xe9'.decode('us-ascii')",
  "bytes('é', 'ascii')",
  "str(b'\\xff', 'utf-8')",
  "str(b'\\xe9', 'ascii')",
  "'x\\ud800'.encode('utf-8', 'surrogateescape')",
  "'x\\udc41'.encode('ascii', 'surrogateescape')",
  "b'\\x41\\xed'.decode('utf-8', 'surrogatepass')",
  "'é'.encode('ascii', 'foo')",
  "b'\\xff'.decode('utf-8', 'foo')",
  "'\\ud800'.encode('utf-16')",
  "issubclass(UnicodeEncodeError, UnicodeError), issubclass(UnicodeDecodeError, ValueError)",
];

function shownBy(cells: readonly string[], outputs: readonly string[]): string[] {
  return cells.map((cell, index) => `${cell}\n=> ${outputs[index]}`);
}

for (const version of VERSIONS) {
  describe(`codecs: simulator ${version} vs CPython ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`agrees cell by cell${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      const simulated = await simulate(version, CELLS);
      expect(shownBy(CELLS, simulated)).toEqual(shownBy(CELLS, real!));
    });

    const realErrors = await cpython(version, UNICODE_ERROR_CELLS);
    // The exception types come from the runtime's exception table (builtin-type-registry.ts).
    const [probe] = await simulate(version, ["UnicodeEncodeError, UnicodeDecodeError"]);
    const typesMissing = probe === undefined || probe.includes("NameError");
    const why = realErrors === null ? ` (CPython ${version} not installed)` : typesMissing ? " (the simulator has no UnicodeEncodeError/UnicodeDecodeError types yet)" : "";
    it.skipIf(realErrors === null || typesMissing)(`raises the same Unicode errors${why}`, async () => {
      const simulated = await simulate(version, UNICODE_ERROR_CELLS);
      expect(shownBy(UNICODE_ERROR_CELLS, simulated)).toEqual(shownBy(UNICODE_ERROR_CELLS, realErrors!));
    });
  });
}
