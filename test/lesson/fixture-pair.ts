// Fixture pairs: an input file beside its expected result, rewritten when UPDATE=1 is set.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

export const UPDATING = process.env["UPDATE"] === "1";

/**
 * Compares `actual` with the text stored at `expectedPath`; with UPDATE=1 it stores `actual`
 * instead (review the diff before committing it).
 */
export function expectFixture(expectedPath: string, actual: string): void {
  if (UPDATING) {
    writeFileSync(expectedPath, actual);
    return;
  }
  if (!existsSync(expectedPath)) {
    throw new Error(`missing expected file ${expectedPath}: run the tests with UPDATE=1 to write it, then review it`);
  }
  expect(actual).toBe(readFileSync(expectedPath, "utf8"));
}
