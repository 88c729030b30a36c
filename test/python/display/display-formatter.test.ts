// formatForDisplay follows IPython's DisplayFormatter: `_ipython_display_`, `_repr_mimebundle_`,
// the pretty printer, the other `_repr_*_` methods (called for their side effects) and errors
// shown without stopping the display. Compared with real IPython on CPython 3.11.
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/python/session/session.js";
import { getProfile } from "../../../src/python/profiles/table.js";
import { rt } from "../../../src/python/runtime/state.js";
import { strText } from "../../../src/python/runtime/abstract/object-protocol.js";
import { discardRaise } from "../../../src/python/runtime/errors.js";
import { formatForDisplay } from "../../../src/python/display/display-formatter.js";
import { symbolize } from "../../support/differential.js";
import { realEngine, showCases } from "./display-support.js";

/** Each case defines things, then its last line is the displayed expression. */
const CASES: readonly string[] = [
  "class DisplaysItself:\n    def _ipython_display_(self):\n        print('displayed myself')\nDisplaysItself()",
  "class Bundle:\n    def _repr_mimebundle_(self, include=None, exclude=None):\n        return {'text/plain': 'from bundle'}\nBundle()",
  "class BundlePair:\n    def _repr_mimebundle_(self, include=None, exclude=None):\n        return ({'text/plain': 'from pair'}, {})\nBundlePair()",
  "class BundleList(list):\n    def _repr_mimebundle_(self, include=None, exclude=None):\n        return {'text/plain': 'ignored for a list'}\nBundleList([1])",
  "class HtmlOnly:\n    def _repr_mimebundle_(self, include=None, exclude=None):\n        return {'text/html': '<b>h</b>'}\n    def _repr_html_(self):\n        print('not called: the bundle has text/html')\nHtmlOnly()",
  "class Html:\n    def _repr_html_(self):\n        print('html called')\n        return '<b>x</b>'\nHtml()",
  "class HtmlFails:\n    def _repr_html_(self):\n        raise ValueError('html failed')\nHtmlFails()",
  "class HtmlNotImplemented:\n    def _repr_html_(self):\n        raise NotImplementedError\nHtmlNotImplemented()",
  "class Loud:\n    def __getattr__(self, name):\n        print('getattr', name)\n        raise AttributeError(name)\nLoud()",
  "class Claims:\n    def __getattr__(self, name):\n        return lambda *args, **kwargs: print('called', name)\nClaims()",
  "class WithHtml:\n    def _repr_html_(self):\n        print('instance html')\n        return ''\n    @classmethod\n    def _repr_latex_(cls):\n        print('class latex')\n        return ''\nWithHtml",
  "class BadRepr:\n    def __repr__(self):\n        raise ValueError('no repr')\nBadRepr()",
  "class DisplayFails:\n    def _ipython_display_(self):\n        raise KeyError('display')\nDisplayFails()",
  "[1, 2]",
];

/** What the simulator shows for a case: side effects, the text and the first error's last line. */
function simulate(session: NotebookSession, source: string): string {
  const lines = source.split("\n");
  lines[lines.length - 1] = `__displayed = ${lines[lines.length - 1]}`;
  const setup = session.runCell(lines.join("\n"), { timeoutMs: 10_000, maxSteps: 1e9 });
  if (setup.status !== "ok") return `setup failed: ${setup.status}`;
  rt.output = [];
  const outcome = formatForDisplay(session.lookup("__displayed")!);
  let shown = rt.output.join("");
  if (outcome.text !== null) shown += `${outcome.text}\n`;
  if (outcome.error !== null) {
    shown += `${outcome.error.exception.type.name}: ${strText(outcome.error.exception)}\n`;
    discardRaise(outcome.error);
  }
  return shown;
}

describe("IPython's display formatter: simulator vs real IPython on CPython 3.11", async () => {
  const engine = await realEngine("3.11", "ipython");
  it.skipIf(engine === null)(`shows the same text and side effects${engine === null ? " (CPython 3.11 with IPython not installed)" : ""}`, async () => {
    const real = await showCases(engine!, CASES);
    const session = new NotebookSession(getProfile("3.11"), { display: "pretty" });
    try {
      const simulated = CASES.map((source) => symbolize([simulate(session, source)])[0]);
      expect(simulated.map((text, index) => `${CASES[index]}\n=> ${text}`)).toEqual(real.map((text, index) => `${CASES[index]}\n=> ${text}`));
    } finally {
      session.close();
    }
  });
});
