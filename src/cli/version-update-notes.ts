// What `--update` with several engines did to each lesson, said on stderr the same way by
// `check` and `drift`: updated cells, lessons not updated and why, cells left alone as flaky.
import type { CommandIo } from "./io.js";
import type { VersionedUpdateSummary } from "../pipeline/update-versions.js";

export function reportVersionUpdates(updates: readonly VersionedUpdateSummary[], io: CommandIo): void {
  for (const update of updates) {
    if (update.skippedReason !== undefined) io.stderr.write(`lessonkit: not updating ${update.path}: ${update.skippedReason}\n`);
    else if (update.cells > 0) io.stderr.write(`lessonkit: updated ${update.cells} cell${update.cells === 1 ? "" : "s"} with per-version output blocks in ${update.path}\n`);
    if (update.flakySkipped.length > 0) {
      io.stderr.write(`lessonkit: left ${update.path} cell${update.flakySkipped.length === 1 ? "" : "s"} ${update.flakySkipped.join(", ")} alone: the output changes from run to run\n`);
    }
  }
}
