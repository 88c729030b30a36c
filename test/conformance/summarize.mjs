#!/usr/bin/env node
// Summarizes a conformance run written with CONFORMANCE_REPORT_DIR: counts per version, then the
// snippets that fail without a known gap and the known gaps that now pass, with what differs.
// Usage: CONFORMANCE_REPORT_DIR=/tmp/conformance npx vitest run test/conformance
//        node test/conformance/summarize.mjs /tmp/conformance [--gaps]   (--gaps also lists known gaps)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const folder = process.argv[2];
if (folder === undefined) {
  console.error("usage: node test/conformance/summarize.mjs REPORT_DIR [--gaps]");
  process.exit(2);
}
const listGaps = process.argv.includes("--gaps");
const shownVerdicts = new Set(listGaps ? ["fail", "fixed-gap", "gap"] : ["fail", "fixed-gap"]);

const counts = new Map();
const findings = new Map();
for (const file of readdirSync(folder).filter((name) => name.endsWith(".json")).sort()) {
  const report = JSON.parse(readFileSync(path.join(folder, file), "utf8"));
  const versionCounts = counts.get(report.version) ?? { pass: 0, gap: 0, fail: 0, "fixed-gap": 0, refused: 0 };
  counts.set(report.version, versionCounts);
  for (const entry of report.snippets) {
    versionCounts[entry.verdict] += 1;
    if (!shownVerdicts.has(entry.verdict)) continue;
    const difference = describeDifference(entry);
    const key = `${entry.verdict} | ${report.topic}: ${entry.name}${entry.reason ? ` [${entry.reason}]` : ""}\n${difference}`;
    findings.set(key, [...(findings.get(key) ?? []), report.version]);
  }
}

for (const [version, versionCounts] of [...counts].sort()) {
  const total = Object.values(versionCounts).reduce((sum, count) => sum + count, 0);
  console.log(`${version}: ${versionCounts.pass} pass, ${versionCounts.gap} known gaps, ${versionCounts.fail} unexpected failures, ${versionCounts["fixed-gap"]} fixed gaps, ${versionCounts.refused} refused by design (of ${total})`);
}
for (const [key, versions] of findings) {
  const [title, ...body] = key.split("\n");
  console.log(`\n## ${title} {${versions.sort().join(", ")}}\n${body.join("\n")}`);
}

/** The first cell whose outputs differ, with both outputs (or a note that they agree). */
function describeDifference(entry) {
  const simulated = entry.simulated ?? [];
  const real = entry.real ?? [];
  for (let index = 0; index < Math.max(simulated.length, real.length); index++) {
    if (simulated[index] === real[index]) continue;
    return [
      `  cell ${index}: ${JSON.stringify(entry.cells[index] ?? "")}`,
      `  simulator: ${JSON.stringify(simulated[index] ?? null)}`,
      `  cpython:   ${JSON.stringify(real[index] ?? null)}`,
    ].join("\n");
  }
  return "  (outputs agree)";
}
