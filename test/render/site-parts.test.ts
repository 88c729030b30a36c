// Small parts of the site: page file names, prose links, template filling, the build date.
import { describe, expect, it } from "vitest";
import { h } from "hastscript";
import type { Element, Root } from "hast";
import { pageNames } from "../../src/render/page-names.js";
import { rewriteLessonLinks } from "../../src/render/lesson-links.js";
import { fill } from "../../src/render/templates.js";
import { buildDate, BuildDateError, formatBuildDate } from "../../src/render/build-date.js";
import { injectReloadScript, RELOAD_SCRIPT } from "../../src/render/serve/live-reload.js";

describe("pageNames", () => {
  it("makes ASCII slugs of lesson file names, unique in the site", () => {
    const names = pageNames(["lessons/01 - Variables are Memory References.ipynb", "other/01-variables-are-memory-references.md", "café/Ünïcode.md", "x/index.md", "y/!!!.md"]);
    expect([...names.values()]).toEqual(["01-variables-are-memory-references.html", "01-variables-are-memory-references-2.html", "unicode.html", "index-2.html", "lesson.html"]);
  });
});

describe("rewriteLessonLinks", () => {
  function linkAfter(href: string): unknown {
    const anchor: Element = h("a", { href }, "x");
    const tree: Root = { type: "root", children: [h("p", [anchor])] };
    rewriteLessonLinks(tree, new Map([["02 - Next.md", "02-next.html"]]));
    return anchor.properties.href;
  }

  it("points links to other lessons' files at their pages, keeping the anchor", () => {
    expect(linkAfter("02%20-%20Next.md#cell-3")).toBe("02-next.html#cell-3");
    expect(linkAfter("../elsewhere/02 - Next.md")).toBe("02-next.html");
  });

  it("leaves other links alone", () => {
    expect(linkAfter("https://docs.python.org/3/")).toBe("https://docs.python.org/3/");
    expect(linkAfter("#cell-2")).toBe("#cell-2");
    expect(linkAfter("missing.md")).toBe("missing.md");
  });

  it("drops URLs that would run code, however their scheme is disguised", () => {
    for (const href of ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)", "vbscript:x", "data:text/html,<script>1</script>"]) {
      expect(linkAfter(href), href).toBeUndefined();
    }
  });
});

describe("fill", () => {
  it("replaces known placeholders and leaves unknown ones visible, even names of Object's members", () => {
    expect(fill("<h1>{{title}}</h1>{{constructor}}{{missing}}", new Map([["title", "T"]]))).toBe("<h1>T</h1>{{constructor}}{{missing}}");
  });
});

describe("buildDate", () => {
  it("honours SOURCE_DATE_EPOCH and writes the date in UTC", () => {
    expect(formatBuildDate(buildDate({ SOURCE_DATE_EPOCH: "1700000000" }))).toBe("2023-11-14");
  });

  it("uses the clock without it, and refuses a value that is not whole seconds", () => {
    expect(buildDate({}, () => new Date(86_400_000)).toISOString()).toBe("1970-01-02T00:00:00.000Z");
    expect(() => buildDate({ SOURCE_DATE_EPOCH: "1.5e9" })).toThrow(BuildDateError);
  });
});

describe("injectReloadScript", () => {
  it("puts the script before the last </body>, or at the end of a page without one", () => {
    expect(injectReloadScript("<body>a</body></html>")).toBe(`<body>a${RELOAD_SCRIPT}\n</body></html>`);
    expect(injectReloadScript("<p>fragment")).toBe(`<p>fragment${RELOAD_SCRIPT}\n`);
  });
});
