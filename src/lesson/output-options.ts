// Reads the options of an `output` fence: `python="<range>"` and `match=<mode>`.
import type { MetaToken } from "./fence-meta.js";
import { parseMatchMode } from "./match-mode.js";
import { readOptions, type OptionHandler, type OptionReporter } from "./option-reader.js";
import type { MatchMode } from "./types.js";
import { parseVersionRange, VersionRangeError, type VersionRange } from "../versions/version.js";

export interface OutputFenceOptions {
  readonly range?: VersionRange;
  readonly match?: MatchMode;
}

export function readOutputOptions(tokens: readonly MetaToken[], reporter: OptionReporter): OutputFenceOptions {
  let range: VersionRange | undefined;
  let match: MatchMode | undefined;
  const handlers = new Map<string, OptionHandler>([
    [
      "python",
      (token) => {
        if (token.value === undefined || token.value.trim() === "") {
          reporter.error(token.offset, "bad-version-range", `python= needs a version range, e.g. python=">=3.12"`);
          return undefined;
        }
        try {
          range = parseVersionRange(token.value);
        } catch (error) {
          if (!(error instanceof VersionRangeError)) throw error;
          reporter.error(token.valueOffset ?? token.offset, "bad-version-range", error.message);
        }
        return undefined;
      },
    ],
    [
      "match",
      (token) => {
        if (token.value === undefined) return "match= needs a mode, e.g. match=ellipsis";
        const parsed = parseMatchMode(token.value);
        if ("error" in parsed) return parsed.error;
        match = parsed.mode;
        return undefined;
      },
    ],
  ]);
  readOptions(tokens, handlers, "output", reporter);
  return { ...(range === undefined ? {} : { range }), ...(match === undefined ? {} : { match }) };
}
