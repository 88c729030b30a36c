// The checker's public surface: verdicts per cell from a lesson and its runs.
export { checkLesson, type CheckEngine } from "./check-lesson.js";
export { checkCell, NOCHECK_MESSAGE, SKIP_MESSAGE, type CellCheckContext } from "./check-cell.js";
export { describeRuns } from "./actuals.js";
export { summarize, summaryFails, totalCells, emptySummary, FAILING_STATUSES } from "./summary.js";
export { engineLabel, engineVersion } from "./engine-label.js";
export { diffLines, formatUnifiedDiff, type EditOp, type DiffHeader } from "./diff.js";
export { normalizeText, normalizeLines, joinLines } from "./normalize.js";
export {
  findAddresses,
  callsId,
  MIN_HEX_DIGITS,
  MIN_DECIMAL_DIGITS,
  ADDRESS_ALIGNMENT,
  type AddressToken,
} from "./addresses.js";
export { IdentityLedger, describeViolation, type IdentityViolation, type Binding } from "./identity.js";
export { selectOutput, type OutputChoice } from "./select-output.js";
export { exceptionLine, reduceTraceback } from "./exceptions.js";
export * from "./types.js";
