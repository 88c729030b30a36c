// IPython's own names in the notebook namespace: dir() lists them as IPython 8.12 on 3.11 does
// (measured), and `_dh`, whose value is the kernel's working directory, is refused by name.
import { describe, expect, it } from "vitest";
import { cellOutcome } from "../../support/cell-outcome.js";

function outcome(profile: string, display: "pretty" | "repr", source: string): string {
  return cellOutcome(profile, source, display);
}

describe("IPython's names in the notebook namespace", () => {
  it("are listed by dir() without arguments", () => {
    expect(outcome("3.11", "pretty", "x = 1\nprint(dir())")).toBe(
      "['In', 'Out', '_', '__', '___', '__builtin__', '__builtins__', '__doc__', '__loader__', '__name__', '__package__', '__spec__', " +
        "'_dh', '_i', '_i1', '_ih', '_ii', '_iii', '_oh', 'exit', 'get_ipython', 'open', 'quit', 'x']",
    );
  });
  it("leave out open before IPython 8 (3.6 and 3.7)", () => {
    expect(outcome("3.7", "pretty", "print([name for name in dir() if name in ('_dh', 'exit', 'quit', 'get_ipython', 'open')])")).toBe("['_dh', 'exit', 'get_ipython', 'quit']");
  });
  it("are not in a python -i session", () => {
    expect(outcome("3.11", "repr", "print([name for name in dir() if name in ('_dh', 'exit', 'quit', 'get_ipython', 'open')])")).toBe("[]");
    expect(outcome("3.11", "repr", "_dh")).toBe("NameError: name '_dh' is not defined");
  });
  it("refuse _dh by name", () => {
    expect(outcome("3.11", "pretty", "_dh")).toBe("unsupported: IPython's '_dh'");
  });
});
