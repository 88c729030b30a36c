// Profile 3.14 against the values FACTS.md measured on CPython 3.14.2 (Pyodide), and PEP 649's rules.
//
// There is no native 3.14 here, so the expectations are FACTS' measured outputs (section named in
// each test) or, for PEP 649, the behaviour CPython's own Lib/test/test_annotations.py checks.
import { describe, expect, it } from "vitest";
import { simulate as simulateRaw } from "../../support/differential.js";

/** The simulator's output per cell, without the final newline of printed text. */
async function simulate(profile: string, cells: readonly string[]): Promise<string[]> {
  return (await simulateRaw(profile, cells)).map((text) => text.replace(/\n$/, ""));
}

/**
 * One cell printing, for each statement, the co_consts of a function whose body it is. FACTS
 * snippet 12 compiles the statement as a module, which the simulator's compile() does not offer;
 * for these statements 3.14's codegen adds the same constants in both (the body, then the
 * implicit `return None`, then the CFG optimiser's results).
 */
function moduleConsts(sources: readonly string[]): string {
  return sources.map((source, index) => `def f${index}():\n    ${source}\nprint(${JSON.stringify(source)}, str(f${index}.__code__.co_consts).replace("18446744073709551616", "2**64"))`).join("\n");
}

describe("profile 3.14: co_consts after the CFG optimiser (FACTS §3.3, snippet 12)", () => {
  it("keeps the first operand and appends folded values (measured module-level rows)", async () => {
    const sources = ["x = 24 * 60 * 60", "x = -5", "x = 'abc'[1]", "x = not True", "x = (1, 2, 3)", "x = (1, (2, 3), 'a')", "x = (1, 2, [3])", "x = [1, 2, 3]", "x = {1, 2, 3}", "x in [1, 2, 3]", "for i in {1, 2, 3}: pass", "x in [a, 2]", "x = 2 ** 64", "x = 2 ** 128"];
    const [shown] = await simulate("3.14", [moduleConsts(sources)]);
    expect(shown!.split("\n")).toEqual([
      "x = 24 * 60 * 60 (24, None, 86400)",
      "x = -5 (5, None, -5)",
      "x = 'abc'[1] ('abc', None, 'b')",
      "x = not True (True, None, False)",
      "x = (1, 2, 3) (1, None, (1, 2, 3))",
      "x = (1, (2, 3), 'a') (1, None, (1, (2, 3), 'a'))",
      "x = (1, 2, [3]) (1, None)",
      "x = [1, 2, 3] (1, None, (1, 2, 3))",
      "x = {1, 2, 3} (1, None, frozenset({1, 2, 3}))",
      "x in [1, 2, 3] (1, None, (1, 2, 3))",
      "for i in {1, 2, 3}: pass (1, None, frozenset({1, 2, 3}))",
      "x in [a, 2] (2, None)",
      // 2**64 spelled out: the test support replaces long digit strings with address symbols.
      "x = 2 ** 64 (2, None, 2**64)",
      "x = 2 ** 128 (2, None)",
    ]);
  });

  it("gives the measured function co_consts: no leading None, 'a' kept in slot 0", async () => {
    const cell = "def f():\n    a = 'a' * 21\n    return x in [1, 2, 3], x in {4, 5, 6}, (1, 2, 3), 24 * 60\nf.__code__.co_consts";
    expect(await simulate("3.14", [cell])).toEqual(["('a', 'aaaaaaaaaaaaaaaaaaaaa', (1, 2, 3), frozenset({4, 5, 6}), 1440)"]);
  });

  it("keeps the implicit return None only when the end of the function is reachable", async () => {
    // Derived from _PyCodegen_AddReturnAtEnd + remove_unused_consts (not measured): the None
    // codegen appends last survives only if some path reaches it.
    const cell =
      "def falls(): pass\ndef returns(): return 1000\ndef loops():\n    for step in [10, 20, 30]:\n        pass\n" +
      "def tries():\n    try:\n        return 1000\n    except ValueError:\n        return 2000\n" +
      "print(falls.__code__.co_consts, returns.__code__.co_consts, loops.__code__.co_consts, tries.__code__.co_consts)";
    expect(await simulate("3.14", [cell])).toEqual(["(None,) (1000,) (10, None, (10, 20, 30)) (1000, 2000)"]);
  });

  it("leaves 3.13 as it was (folded on the AST, leading None)", async () => {
    const cell = "def f():\n    a = 'a' * 21\n    return x in [1, 2, 3], x in {4, 5, 6}, (1, 2, 3), 24 * 60\nf.__code__.co_consts";
    expect(await simulate("3.13", [cell])).toEqual(["(None, 'aaaaaaaaaaaaaaaaaaaaa', (1, 2, 3), frozenset({4, 5, 6}), 1440)"]);
  });
});

describe("profile 3.14: borrowed loads of locals (FACTS §1.2, snippet 02)", () => {
  const SETUP = "import sys, ctypes\ndef ref_count(address):\n    return ctypes.c_long.from_address(address).value";

  it("reproduces the 3.14w column of snippet 02", async () => {
    const cell = [
      "def f(x):",
      "    print('f', sys.getrefcount(x), ref_count(id(x)))",
      "    y = x",
      "    print('f after y = x', sys.getrefcount(x), ref_count(id(x)))",
      "    g(x)",
      "def g(z):",
      "    print('g', ref_count(id(z)))",
      "def h(*args, **kw):",
      "    print('h', ref_count(id(args[0])))",
      "a = [1, 2, 3]",
      "print('before', sys.getrefcount(a), ref_count(id(a)))",
      "f(a)",
      "print('after', sys.getrefcount(a), ref_count(id(a)))",
      "h(a)",
      "def local_only():",
      "    v = [1, 2, 3]",
      "    print('local', sys.getrefcount(v), ref_count(id(v)))",
      "local_only()",
      "class K:",
      "    def m(self):",
      "        print('self', ref_count(id(self)))",
      "k = K()",
      "k.m()",
      "K.m(k)",
    ].join("\n");
    const [, shown] = await simulate("3.14", [SETUP, cell]);
    expect(shown!.split("\n")).toEqual(["before 2 1", "f 2 2", "f after y = x 3 3", "g 3", "after 2 1", "h 2", "local 1 1", "self 2", "self 2"]);
  });

  it("frees a borrowed argument exactly once when the callee rebinds or deletes it", async () => {
    const cell = [
      "import weakref",
      "class Box: pass",
      "def rebind(z):",
      "    z = None",
      "def drop(z):",
      "    del z",
      "def owner():",
      "    b = Box()",
      "    w = weakref.ref(b)",
      "    rebind(b)",
      "    drop(b)",
      "    print(ref_count(id(b)), w() is b)",
      "    return w",
      "print(owner()() is None)",
    ].join("\n");
    const [, shown] = await simulate("3.14", [SETUP, cell]);
    expect(shown).toBe("1 True\nTrue");
  });

  it("keeps 3.13's strong loads", async () => {
    const cell = "def local_only():\n    v = [1, 2, 3]\n    print(sys.getrefcount(v), ref_count(id(v)))\nlocal_only()";
    const [, shown] = await simulate("3.13", [SETUP, cell]);
    expect(shown).toBe("2 1");
  });
});

describe("profile 3.14: lazy annotations (PEP 649/749)", () => {
  it("compiles a def's annotations into __annotate__, placed before the def's code in co_consts", async () => {
    const cells = [
      "def outer():\n    def area(width: float, height: float) -> float:\n        return width * height\n    return area\n[type(c).__name__ + ':' + c.co_name for c in outer.__code__.co_consts if hasattr(c, 'co_name')]",
      "area = outer()\nannotate = area.__annotate__\nprint(annotate.__qualname__, annotate.__code__.co_varnames, annotate.__code__.co_consts, annotate.__code__.co_names)",
    ];
    expect(await simulate("3.14", cells)).toEqual([
      "['code:__annotate__', 'code:area']",
      "outer.<locals>.__annotate__ ('format',) (2, 'width', 'height', 'return') ('float',)",
    ]);
  });

  it("evaluates the annotations on first access to __annotations__ and caches the dict", async () => {
    const cells = [
      "def f(x: Later) -> int: pass",
      "class Later: pass\nprint(f.__annotations__ is f.__annotations__, f.__annotations__['x'] is Later)",
    ];
    const shown = await simulate("3.14", cells);
    expect(shown).toEqual(["", "True True"]);
  });

  it("raises NotImplementedError for formats above VALUE_WITH_FAKE_GLOBALS", async () => {
    const cell = "def f(x: int): pass\nprint(f.__annotate__(2))\ntry:\n    f.__annotate__(3)\nexcept NotImplementedError:\n    print('NotImplementedError')";
    expect(await simulate("3.14", [cell])).toEqual(["{'x': <class 'int'>}\nNotImplementedError"]);
  });

  it("follows test_annotations' check_annotations for setting __annotate__ and __annotations__", async () => {
    const cell = [
      "def f(): pass",
      "print(f.__annotations__, f.__annotate__)",
      "try:\n    f.__annotate__ = 42\nexcept TypeError as e:\n    print(e)",
      "f.__annotate__ = lambda x: 42",
      "try:\n    f.__annotations__\nexcept TypeError as e:\n    print(e)",
      "f.__annotate__ = lambda x: {'x': x}",
      "print(f.__annotations__)",
      "f.__annotate__ = None",
      "print(f.__annotations__)",
      "f.__annotate__ = lambda x: {'y': x}",
      "print(f.__annotations__)",
      "f.__annotations__ = {'z': 43}",
      "print(f.__annotate__)",
    ].join("\n");
    const [shown] = await simulate("3.14", [cell]);
    expect(shown!.split("\n")).toEqual(["{} None", "__annotate__ must be callable or None", "__annotate__ returned non-dict of type 'int'", "{'x': 1}", "{'x': 1}", "{'y': 1}", "None"]);
  });

  it("gives a module-level annotated name a module __annotate__ run only for executed statements", async () => {
    // codegen_process_deferred_annotations: every module-level annotation is conditional, and
    // each IPython statement is compiled as a module of its own.
    const cells = ["limit: int = 'no limit'", "print(__annotate__(1), __conditional_annotations__, limit)", "if False:\n    skipped: int = 1\nprint(__annotate__(1))"];
    expect(await simulate("3.14", cells)).toEqual(["", "{'limit': <class 'int'>} {0} no limit", "{}"]);
  });

  it("refuses class-body annotations by name (3.14 evaluates them with __classdict__)", async () => {
    const [shown] = await simulate("3.14", ["class C:\n    x: int = 1"]);
    expect(shown).toMatch(/unsupported: annotations in a class body/);
  });

  it("has no __annotate__ before 3.14", async () => {
    expect(await simulate("3.13", ["def f(x: int): pass\nhasattr(f, '__annotate__')"])).toEqual(["False"]);
  });
});
