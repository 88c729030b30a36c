// Python highlighted at build time by shiki: the python grammar and two themes only (light and
// dark, switched by the stylesheet through CSS variables), so pages need no script.
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import type { Element, Root } from "hast";

export const LIGHT_THEME = "github-light-default";
export const DARK_THEME = "github-dark-default";

export interface PythonHighlighter {
  /** A `<pre class="shiki …">` whose tokens carry `--shiki-light`/`--shiki-dark` colours. */
  pythonBlock(source: string): Element;
}

let loading: Promise<HighlighterCore> | undefined;

function loadCore(): Promise<HighlighterCore> {
  // One highlighter per process: compiling the grammar costs ~200 ms, highlighting a cell ~1 ms.
  loading ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light-default.mjs"), import("shiki/themes/github-dark-default.mjs")],
    langs: [import("shiki/langs/python.mjs")],
    engine: createJavaScriptRegexEngine(),
  });
  return loading;
}

export async function loadPythonHighlighter(): Promise<PythonHighlighter> {
  const core = await loadCore();
  return {
    pythonBlock(source: string): Element {
      // shiki renders a trailing newline as an empty last line; the fence's own newline is not code.
      const code = source.endsWith("\n") ? source.slice(0, -1) : source;
      const root = core.codeToHast(code, {
        lang: "python",
        themes: { light: LIGHT_THEME, dark: DARK_THEME },
        defaultColor: false,
      }) as Root;
      const pre = root.children.find((node): node is Element => node.type === "element" && node.tagName === "pre");
      if (pre === undefined) throw new Error("shiki returned no <pre>");
      return pre;
    },
  };
}
