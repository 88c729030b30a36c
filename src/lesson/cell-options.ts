// Reads the options of a `python` fence (skip, hide, nocheck, diagram, raises, match, timeout, n).
import type { MetaToken } from "./fence-meta.js";
import { parseMatchMode } from "./match-mode.js";
import { readFlag, readOptions, type OptionHandler, type OptionReporter } from "./option-reader.js";
import type { CellOptions, MatchMode } from "./types.js";

export interface PythonFenceOptions {
  readonly options: CellOptions;
  /** `n=12`: the notebook's execution count, kept by importers. */
  readonly executionCount?: number;
}

const EXCEPTION_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

export function readCellOptions(tokens: readonly MetaToken[], reporter: OptionReporter): PythonFenceOptions {
  let skip = false;
  let hide = false;
  let nocheck = false;
  let diagram = false;
  let raises: string | undefined;
  let match: MatchMode = { kind: "exact" };
  let timeoutSeconds: number | undefined;
  let executionCount: number | undefined;

  const flag =
    (assign: (value: boolean) => void): OptionHandler =>
    (token) => {
      const read = readFlag(token);
      if ("error" in read) return read.error;
      assign(read.value);
      return undefined;
    };

  const handlers = new Map<string, OptionHandler>([
    ["skip", flag((value) => (skip = value))],
    ["hide", flag((value) => (hide = value))],
    ["nocheck", flag((value) => (nocheck = value))],
    ["diagram", flag((value) => (diagram = value))],
    [
      "raises",
      (token) => {
        if (token.value === undefined || !EXCEPTION_NAME.test(token.value)) {
          return `raises= needs an exception name, e.g. raises=TypeError (got "${token.value ?? ""}")`;
        }
        raises = token.value;
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
    [
      "timeout",
      (token) => {
        const seconds = token.value === undefined || token.value.trim() === "" ? Number.NaN : Number(token.value);
        if (!Number.isFinite(seconds) || seconds <= 0) {
          return `timeout= needs a positive number of seconds, e.g. timeout=5 (got "${token.value ?? ""}")`;
        }
        timeoutSeconds = seconds;
        return undefined;
      },
    ],
    [
      "n",
      (token) => {
        if (token.value === undefined || !/^\d+$/.test(token.value)) {
          return `n= needs the notebook's execution count, a whole number (got "${token.value ?? ""}")`;
        }
        executionCount = Number(token.value);
        return undefined;
      },
    ],
  ]);

  readOptions(tokens, handlers, "python", reporter);
  const options: CellOptions = {
    skip,
    hide,
    nocheck,
    diagram,
    match,
    ...(raises === undefined ? {} : { raises }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
  return executionCount === undefined ? { options } : { options, executionCount };
}
