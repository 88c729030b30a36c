// Choosing reporters by name and running several at once, each on its own stream.
import { describe, expect, it } from "vitest";
import { createReporter, FanOutReporter, reporterNames, UnknownReporterError } from "../../src/report/index.js";
import { replay, reportOf, sampleResults, StringStream } from "./helpers.js";
import { xmlProblem } from "./xml-well-formed.js";

describe("reporter registry", () => {
  it("knows the four reporters for check and two for run", () => {
    expect(reporterNames()).toEqual(["pretty", "json", "junit", "github"]);
    expect(reporterNames("run")).toEqual(["pretty", "json"]);
  });

  it("refuses an unknown name or a mode a reporter cannot do", () => {
    const stream = new StringStream();
    expect(() => createReporter("tap", { stream })).toThrow(UnknownReporterError);
    expect(() => createReporter("junit", { stream, mode: "run" })).toThrow(/for run: choose one of pretty, json/u);
    expect(() => createReporter("constructor", { stream })).toThrow(UnknownReporterError);
  });

  it("runs several reporters at once, each writing only to its own stream", () => {
    const jsonStream = new StringStream();
    const junitStream = new StringStream();
    const prettyStream = new StringStream();
    const reporter = new FanOutReporter([
      createReporter("json", { stream: jsonStream }),
      createReporter("junit", { stream: junitStream }),
      createReporter("pretty", { stream: prettyStream, env: {} }),
    ]);
    replay(reporter, reportOf(sampleResults()));
    expect(JSON.parse(jsonStream.text).summary.fail).toBe(1);
    expect(xmlProblem(junitStream.text)).toBeUndefined();
    expect(prettyStream.text).toContain("FAIL lessons/basics.md");
  });
});
