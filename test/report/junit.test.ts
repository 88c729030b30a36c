// JUnit XML: well-formed (strict check, and a real XML parser when python3 is around), counts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LessonResult } from "../../src/check/types.js";
import { JunitReporter } from "../../src/report/junit.js";
import { escapeXmlAttribute, escapeXmlText } from "../../src/report/xml.js";
import { replay, reportOf, sampleResults, StringStream } from "./helpers.js";
import { xmlProblem } from "./xml-well-formed.js";

function junitOf(lessons: LessonResult[]): string {
  const stream = new StringStream();
  replay(new JunitReporter({ stream }), reportOf(lessons));
  return stream.text;
}

/** A python3 to parse XML with expat: pyenv's versions first, then PATH. */
function findPython(): string | undefined {
  const versions = join(homedir(), ".pyenv", "versions");
  if (existsSync(versions)) {
    for (const version of readdirSync(versions).filter((name) => name.startsWith("3.")).sort()) {
      const executable = join(versions, version, "bin", "python3");
      if (existsSync(executable)) return executable;
    }
  }
  const which = spawnSync("sh", ["-c", "command -v python3"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() !== "" ? which.stdout.trim() : undefined;
}

const python = findPython();

const nasty = "ctl \u0000\u0001\u001b[31m\u000b\u000c\ufffe lone \ud800 pair \ud83d\ude00 <tag> & \"q\" 'a' ]]> \r\n\ttab";

function nastyLesson(): LessonResult {
  return {
    path: 'lessons/odd "name" & <x>.md',
    title: "Odd & <title>",
    cells: [
      { index: 0, line: 5, status: "fail", expected: "a\n", actual: `${nasty}\n`, message: `line 7: expected "a", got ${JSON.stringify(nasty)}`, diff: `--- x\n+++ y\n-a\n+${nasty}\n`, durationMs: 12 },
      { index: 1, line: 9, status: "error", expected: null, actual: null, message: nasty, durationMs: 1 },
    ],
    messages: [{ file: "lessons/odd.md", line: 3, column: 2, ruleId: "lesson/bad-meta", severity: "error", reason: `unknown option ${nasty}` }],
  };
}

describe("junit reporter", () => {
  it("writes well-formed XML with one testsuite per lesson and one testcase per cell", () => {
    const xml = junitOf(sampleResults());
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml.match(/<testsuite /gu)).toHaveLength(2);
    expect(xml.match(/<testcase /gu)).toHaveLength(7);
    expect(xml).toContain('<testsuites name="lessonkit" tests="7" failures="2" errors="2" skipped="1"');
    expect(xml).toMatch(/<testsuite name="lessons\/basics.md" tests="4" failures="1" errors="1" skipped="1"/u);
    expect(xml).toContain('type="drift"');
    expect(xml).toContain('<error message="unsupported: module numpy (line 30)" type="unsupported">');
    expect(xml).toContain('<error message="timeout: the cell ran longer than 10 s" type="error">');
    expect(xml).toContain('<skipped message="skipped (skip)"/>');
  });

  it("puts the diff in the failure body", () => {
    const xml = junitOf(sampleResults());
    expect(xml).toMatch(/<failure message="line \d+: expected &quot;2&quot;, got &quot;3&quot;" type="fail">line \d+: expected "2", got "3"\n\n--- lessons\/basics.md:\d+ \(expected\)\n\+\+\+ actual \(sim 3.13\)/u);
  });

  it("escapes everything, control characters included", () => {
    const xml = junitOf([nastyLesson()]);
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toContain("\\u001b[31m");
    expect(xml).toContain("\\u0000");
    expect(xml).toContain("\\ud800");
    expect(xml).toContain("\ud83d\ude00");
    expect(xml).not.toContain("]]>");
  });

  it("reports lesson parse messages as an error testcase", () => {
    const xml = junitOf([nastyLesson()]);
    expect(xml).toContain('<testcase name="lesson messages"');
    expect(xml).toContain('<error message="1 problem in the lesson" type="lesson">lessons/odd.md:3:2 error lesson/bad-meta unknown option');
  });

  it("lists warnings without failing the suite", () => {
    const lesson: LessonResult = {
      path: "lessons/w.md",
      title: "W",
      cells: [],
      messages: [{ file: "lessons/w.md", line: 1, column: 1, ruleId: "lesson/ambiguous-split", severity: "warning", reason: "guessed" }],
    };
    const xml = junitOf([lesson]);
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toContain('tests="1" failures="0" errors="0"');
    expect(xml).toContain("<system-out>lessons/w.md:1:1 warning lesson/ambiguous-split guessed</system-out>");
  });

  it.skipIf(python === undefined)("is accepted by a real XML parser (python3 expat)", () => {
    const directory = mkdtempSync(join(tmpdir(), "lessonkit-junit-"));
    try {
      const file = join(directory, "report.xml");
      writeFileSync(file, junitOf([...sampleResults(), nastyLesson()]));
      const script =
        "import sys, xml.dom.minidom as m\n" +
        "d = m.parse(sys.argv[1])\n" +
        "cases = d.getElementsByTagName('testcase')\n" +
        "print(len(cases), cases[-2].getElementsByTagName('error')[0].getAttribute('message').count('\\n'))\n";
      const parsed = spawnSync(python!, ["-c", script, file], { encoding: "utf8" });
      expect(parsed.stderr).toBe("");
      // 7 + 3 testcases; the LF escaped as &#10; in the message attribute survives parsing.
      expect(parsed.stdout.trim()).toBe("10 1");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("the strict XML check itself", () => {
  it("rejects what XML 1.0 forbids", () => {
    expect(xmlProblem("<a>\u0001</a>")).toMatch(/illegal character/u);
    expect(xmlProblem("<a>&#1;</a>")).toMatch(/illegal character/u);
    expect(xmlProblem("<a>x & y</a>")).toMatch(/bad '&'/u);
    expect(xmlProblem("<a>&nbsp;</a>")).toMatch(/undefined entity/u);
    expect(xmlProblem("<a><b></a></b>")).toMatch(/end tag/u);
    expect(xmlProblem('<a x="1" x="2"/>')).toMatch(/duplicate/u);
    expect(xmlProblem('<a x="<"/>')).toMatch(/'<'/u);
    expect(xmlProblem("<a>]]></a>")).toContain("']]>' in text");
    expect(xmlProblem("<a/><b/>")).toMatch(/after the root/u);
    expect(xmlProblem("<a>\ud800</a>")).toMatch(/illegal character/u);
  });

  it("accepts well-formed documents", () => {
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a x="&quot;&#10;"><b/>t&amp;<!-- c --><![CDATA[<x>]]></a>\n')).toBeUndefined();
  });
});

describe("xml escaping", () => {
  it("escapes markup and keeps line breaks in attributes", () => {
    expect(escapeXmlText("a<b>&c\r\n")).toBe("a&lt;b&gt;&amp;c&#13;\n");
    expect(escapeXmlAttribute('"x"\n\ty\r')).toBe("&quot;x&quot;&#10;&#9;y&#13;");
  });

  it("writes forbidden characters as visible escapes", () => {
    expect(escapeXmlText("\u0000\u001b\uffff")).toBe("\\u0000\\u001b\\uffff");
    expect(escapeXmlText("\ud83d\ude00")).toBe("\ud83d\ude00");
  });
});
