// Chooses which recorded output a run is compared with, by the engine's Python version.
import type { ExpectedOutput } from "../lesson/types.js";
import { formatVersion, versionInRange, type PythonVersion } from "../versions/version.js";

export interface OutputChoice {
  /** The output to compare with; undefined when the cell has none (it must print nothing). */
  readonly output: ExpectedOutput | undefined;
  /**
   * False when outputs exist but none is for this version (all have ranges that exclude it, or
   * the version is unknown and every output has a range): the first output stands in.
   */
  readonly covered: boolean;
  /** The other outputs, in lesson order: a run matching one of these is a drift. */
  readonly others: readonly ExpectedOutput[];
}

/** The first output whose range contains the version wins; else the one without a range. */
export function selectOutput(outputs: readonly ExpectedOutput[], version: PythonVersion | undefined): OutputChoice {
  if (outputs.length === 0) return { output: undefined, covered: true, others: [] };
  const inRange = version ? outputs.find((output) => output.range && versionInRange(version, output.range)) : undefined;
  const chosen = inRange ?? outputs.find((output) => output.range === undefined);
  const output = chosen ?? outputs[0]!;
  return { output, covered: chosen !== undefined, others: outputs.filter((candidate) => candidate !== output) };
}

/** How a message names an output: `python=">=3.12" (line 20)` or `without a range (line 14)`. */
export function describeOutput(output: ExpectedOutput): string {
  const line = output.span.start.line;
  return output.range ? `python="${output.range.text}" (line ${line})` : `without a version range (line ${line})`;
}

export function describeVersion(version: PythonVersion | undefined): string {
  return version ? `Python ${formatVersion(version)}` : "this engine (version unknown)";
}
