// Heap diagrams: names left, objects right, each object once, arrows for references (cycles
// included), every text escaped, same snapshot → same bytes, no overlapping boxes at ~30 objects.
import { describe, expect, it } from "vitest";
import { layoutHeap, type HeapLayout } from "../../src/render/heap/layout.js";
import { heapSvg } from "../../src/render/heap/svg.js";
import { describeHeap } from "../../src/render/heap/describe.js";
import { namesUsedBy } from "../../src/render/heap/cell-names.js";
import { toHtmlText } from "../../src/render/html.js";
import { heapObject, snapshot } from "./support.js";

const A = 0x7f0000001000;
const B = 0x7f0000002000;
const LIST = 0x7f0000003000;
const ONE = 0x5500000000a0;

/** my_var → A; A.b → B; B.a → A: the lesson's reference cycle. */
const cycle = snapshot(
  [["my_var", A]],
  [heapObject(A, "A", "<__main__.A object at 0x7f0000001000>", [[".b", B]], 2), heapObject(B, "B", "<__main__.B object at 0x7f0000002000>", [[".a", A]], 1)],
);

function overlaps(layout: HeapLayout): boolean {
  const boxes = [...layout.objects, ...layout.names];
  return boxes.some((one, i) =>
    boxes.some((other, j) => i < j && one.x < other.x + other.width && other.x < one.x + one.width && one.y < other.y + other.height && other.y < one.y + one.height),
  );
}

describe("layoutHeap", () => {
  it("puts names left of every object and objects in columns by distance from a name", () => {
    const layout = layoutHeap(cycle);
    const [a, b] = layout.objects;
    expect(layout.names[0]!.x + layout.names[0]!.width).toBeLessThan(a!.x);
    expect(a!.object.type).toBe("A");
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
  });

  it("draws an arrow per reference, and the cycle's way back as a back edge", () => {
    const layout = layoutHeap(cycle);
    expect(layout.edges).toHaveLength(3);
    expect(layout.edges.filter((edge) => edge.back).map((edge) => edge.target)).toEqual([A]);
  });

  it("draws a shared object once, with an arrow from each referrer", () => {
    const shared = snapshot(
      [
        ["x", LIST],
        ["y", LIST],
        ["pair", 0x7f0000004000],
      ],
      [heapObject(LIST, "list", "[1]", [["[0]", ONE]], 3), heapObject(0x7f0000004000, "tuple", "([1], [1])", [["[0]", LIST], ["[1]", LIST]]), heapObject(ONE, "int", "1")],
    );
    const layout = layoutHeap(shared);
    expect(layout.objects.filter((box) => box.object.id === LIST)).toHaveLength(1);
    expect(layout.edges.filter((edge) => edge.target === LIST)).toHaveLength(4);
  });

  it("routes a reference back into its own column around underneath when it would cut through a fan of arrows", () => {
    // x → a list of three ints, t → tuple; tuple[0] → list: both in the first column.
    const TUPLE = 0x7f0000004000;
    const ints = [1, 2, 3].map((value) => heapObject(ONE + value * 32, "int", String(value)));
    const layout = layoutHeap(
      snapshot(
        [
          ["x", LIST],
          ["t", TUPLE],
        ],
        [
          heapObject(
            LIST,
            "list",
            "[1, 2, 3]",
            ints.map((item, index) => [`[${index}]`, item.id]),
            2,
          ),
          heapObject(TUPLE, "tuple", "([1, 2, 3],)", [["[0]", LIST]]),
          ...ints,
        ],
      ),
    );
    const back = layout.edges.filter((edge) => edge.back);
    expect(back).toHaveLength(1);
    const list = layout.objects.find((box) => box.object.id === LIST)!;
    // It ends on the list's left side, coming from below every box of its column.
    expect(back[0]!.d).toMatch(new RegExp(`H${list.x}$`));
    const lowest = Math.max(...layout.objects.filter((box) => box.column === list.column).map((box) => box.y + box.height));
    const ys = [...back[0]!.d.matchAll(/V(\d+)/g)].map((match) => Number(match[1]));
    expect(Math.max(...ys)).toBeGreaterThan(lowest);
  });

  it("marks references to objects the snapshot left out instead of drawing a dangling arrow", () => {
    const capped = snapshot([["big", LIST]], [heapObject(LIST, "list", "[...]", [["[0]", 0x123450]])]);
    const layout = layoutHeap(capped);
    expect(layout.missingReferences).toBe(1);
    expect(layout.edges).toHaveLength(1);
  });

  it("keeps 30 objects readable: no box overlaps another and the drawing stays a page wide", () => {
    const items = Array.from({ length: 24 }, (_unused, index) => heapObject(0x7f0000100000 + index * 32, "int", String(1000 + index)));
    const inner = heapObject(0x7f0000200000, "dict", "{'k': [...]}", [["['k']", LIST]]);
    const list = heapObject(LIST, "list", "[1000, 1001, ...]", items.map((item, index) => [`[${index}]`, item.id]), 2);
    const others = [heapObject(0x7f0000300000, "str", "'a name'"), heapObject(0x7f0000300100, "float", "2.5"), heapObject(0x7f0000300200, "tuple", "(...)", [["[0]", LIST]])];
    const many = snapshot(
      [
        ["numbers", LIST],
        ["table", inner.id],
        ["label", others[0]!.id],
        ["ratio", others[1]!.id],
        ["wrapped", others[2]!.id],
      ],
      [list, inner, ...others, ...items],
    );
    const layout = layoutHeap(many);
    expect(layout.objects).toHaveLength(29);
    expect(overlaps(layout)).toBe(false);
    // The list's 24 arrows get a wider gap than a single arrow would, so they stay apart.
    const listBox = layout.objects.find((box) => box.object.id === LIST)!;
    const firstItem = layout.objects.find((box) => box.object.id === items[0]!.id)!;
    expect(firstItem.x - (listBox.x + listBox.width)).toBeGreaterThanOrEqual(120);
    expect(layout.width).toBeLessThan(900);
  });

  it("keeps a short way back (a list holding itself) along the box's right side", () => {
    const layout = layoutHeap(snapshot([["loop", LIST]], [heapObject(LIST, "list", "[[...]]", [["[0]", LIST]], 2)]));
    const back = layout.edges.filter((edge) => edge.back);
    expect(back).toHaveLength(1);
    const list = layout.objects[0]!;
    expect(back[0]!.d).toMatch(new RegExp(`H${list.x + list.width}$`));
  });
});

describe("the cell's own names first", () => {
  const A_ID = 0x7f0000005000;
  const GREETING = 0x7f0000006000;
  const NONE = 0x5500000000b0;
  // The seed lesson's In [21] after earlier cells defined other names.
  const seed = snapshot(
    [
      ["greeting", GREETING],
      ["a", NONE],
      ["my_var", A],
      ["a_id", A_ID],
    ],
    [...cycle.objects, heapObject(GREETING, "str", "'Hello'"), heapObject(NONE, "NoneType", "None", [], 4294967295), heapObject(A_ID, "int", "139897188932336")],
  );

  it("finds the names a cell uses, in order, leaving out attributes, strings and comments", () => {
    expect(namesUsedBy("a_id = id(my_var)\nb_id = id(my_var.b)\n")).toEqual(["a_id", "id", "my_var", "b_id"]);
    expect(namesUsedBy('print("greeting", x)  # not y\nz = f\'{w}\'\nobj . attr\n')).toEqual(["print", "x", "z", "w", "obj"]);
  });

  it("draws the names the cell uses first, in its order, and sets the others apart below a label", () => {
    const layout = layoutHeap(seed, { focus: namesUsedBy("a_id = id(my_var)\n") });
    expect(layout.names.map((name) => [name.name, name.focus])).toEqual([
      ["a_id", true],
      ["my_var", true],
      ["greeting", false],
      ["a", false],
    ]);
    const ys = layout.names.map((name) => name.y);
    expect(ys).toEqual([...ys].sort((x, y) => x - y));
    const label = layout.titles.find((title) => title.text === "other names")!;
    expect(label.y).toBeGreaterThan(layout.names[1]!.y + layout.names[1]!.height);
    expect(label.y).toBeLessThan(layout.names[2]!.y);
    // The objects of the cell's names sit level with them, at the top.
    const byId = new Map(layout.objects.map((box) => [box.object.id, box]));
    expect(byId.get(A)!.y).toBeLessThan(byId.get(GREETING)!.y);
    expect(overlaps(layout)).toBe(false);
  });

  it("keeps snapshot order and no label when the cell uses none of the names", () => {
    const layout = layoutHeap(seed, { focus: ["print"] });
    expect(layout.names.map((name) => name.name)).toEqual(["greeting", "a", "my_var", "a_id"]);
    expect(layout.names.every((name) => name.focus)).toBe(true);
    expect(layout.titles.map((title) => title.text)).toEqual(["names", "objects"]);
  });

  it("puts a short value and its refcount on one line, and calls an immortal refcount so", () => {
    const text = toHtmlText(heapSvg(seed, { idPrefix: "h", cellLabel: "In [21]", focus: ["a_id"] }));
    const none = layoutHeap(seed).objects.find((box) => box.object.id === NONE)!;
    expect(none.lines.map((line) => line.kind)).toEqual(["type", "summary"]);
    expect(none.lines[1]!.aside).toBe("refcount 4294967295 (immortal)");
    expect(text).toContain(">refcount 4294967295 (immortal)<");
    expect(text).toMatch(/<g class="heap-name heap-name-other" data-name="greeting">/);
    expect(text).toMatch(/<g class="heap-name" data-name="a_id">/);
  });
  it("says 'refcount unknown' for a count the simulator refuses", () => {
    const refused = snapshot([["word", 0x7f0000003000]], [{ ...heapObject(0x7f0000003000, "str", "'ledger'"), refcount: null }]);
    const box = layoutHeap(refused).objects[0]!;
    expect(box.lines[1]!.aside).toBe("refcount unknown");
    expect(describeHeap(refused)).toContain("str 'ledger' at 0x7f0000003000 has refcount unknown.");
  });
});

describe("heapSvg", () => {
  const html = (svgSnapshot = cycle): string => toHtmlText(heapSvg(svgSnapshot, { idPrefix: "cell-3-heap", cellLabel: "In [19]" }));

  it("is labelled for screen readers by its title and a description in words", () => {
    const text = html();
    expect(text).toContain('role="img"');
    expect(text).toContain('aria-labelledby="cell-3-heap-title cell-3-heap-desc"');
    expect(text).toContain("<title id=\"cell-3-heap-title\">Heap after In [19]: 1 name, 2 objects</title>");
    expect(describeHeap(cycle)).toContain("my_var refers to A at 0x7f0000001000.");
    expect(describeHeap(cycle)).toContain("B at 0x7f0000002000 has refcount 1, refers .a to A at 0x7f0000001000.");
  });

  it("shows type, refcount and address of each object", () => {
    const text = html();
    expect(text).toContain(">refcount 2<");
    expect(text).toContain(">0x7f0000001000<");
    expect(text).toMatch(/class="heap-type"[^>]*>A</);
  });

  it("is the same bytes for the same snapshot", () => {
    expect(html()).toBe(html(structuredClone(cycle)));
  });

  it("escapes names and values: a repr that looks like markup stays text", () => {
    const hostile = snapshot([["x<y", 0x7f0000009000]], [heapObject(0x7f0000009000, "str", "'</svg><script>alert(1)</script>'")]);
    const text = html(hostile);
    expect(text).not.toContain("<script>");
    expect(text).not.toContain("</svg><");
    expect(text).toContain("x&#x3C;y");
  });

  it("uses whole-pixel coordinates only", () => {
    expect(html()).not.toMatch(/="[^"]*\d\.\d/);
  });
});
