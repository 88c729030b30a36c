// `--reporter json`: one JSON object with every cell's verdict, printed when the run ends.
import type { CheckReport } from "../check/types.js";
import { toJsonReport } from "./json-report.js";
import { BaseReporter } from "./reporter.js";

export class JsonReporter extends BaseReporter {
  override onEnd(report: CheckReport): void {
    this.stream.write(`${JSON.stringify(toJsonReport(report, this.mode), null, 2)}\n`);
  }
}
