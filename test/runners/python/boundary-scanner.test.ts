// The stderr splitter must find boundary markers wherever chunk edges fall.
import { describe, expect, it } from "vitest";
import { BoundaryScanner, type ScanEvent } from "../../../src/runners/python/boundary-scanner.js";

const MARKER = "\u001e<end>\u001e\n";

/** Feeds `chunks` and renders the events as text, `|` standing for a boundary. */
function scan(chunks: readonly string[]): string {
  const scanner = new BoundaryScanner(MARKER);
  const events: ScanEvent[] = [];
  for (const chunk of chunks) events.push(...scanner.feed(Buffer.from(chunk, "utf8")));
  events.push(...scanner.end());
  return events.map((event) => (event.kind === "boundary" ? "|" : event.bytes.toString("utf8"))).join("");
}

describe("BoundaryScanner", () => {
  it("splits data at markers inside one chunk", () => {
    expect(scan([`one${MARKER}two${MARKER}${MARKER}three`])).toBe("one|two||three");
  });

  it("finds a marker cut across chunks at every position", () => {
    const text = `before${MARKER}after`;
    for (let cut = 1; cut < text.length; cut++) {
      expect(scan([text.slice(0, cut), text.slice(cut)])).toBe("before|after");
    }
    expect(scan([...text])).toBe("before|after");
  });

  it("releases held bytes that turn out not to be a marker", () => {
    expect(scan(["a\u001e<en", "d!"])).toBe("a\u001e<end!");
    expect(scan(["tail\u001e<"])).toBe("tail\u001e<");
  });

  it("keeps multi-byte characters intact across chunk edges", () => {
    const bytes = Buffer.from(`é中😀${MARKER}ü`, "utf8");
    const scanner = new BoundaryScanner(MARKER);
    const events = [...scanner.feed(bytes.subarray(0, 5)), ...scanner.feed(bytes.subarray(5)), ...scanner.end()];
    const data = Buffer.concat(events.flatMap((event) => (event.kind === "data" ? [event.bytes] : [])));
    expect(data.toString("utf8")).toBe("é中😀ü");
    expect(events.filter((event) => event.kind === "boundary")).toHaveLength(1);
  });
});
