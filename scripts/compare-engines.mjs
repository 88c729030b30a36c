#!/usr/bin/env node
// Compares `lessonkit run` of the simulator and of a real CPython on the same lessons, cell by
// cell (addresses replaced by identity-keeping symbols), and prints agreement per lesson.
// Usage: node scripts/compare-engines.mjs VERSION PATH... (needs `npm run build` first).
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const [version, ...inputs] = process.argv.slice(2);
if (!version || inputs.length === 0) {
  console.error("usage: node scripts/compare-engines.mjs VERSION PATH...");
  process.exit(2);
}
const files = inputs.flatMap((input) =>
  statSync(input).isDirectory() ? readdirSync(input).filter((name) => /\.(md|ipynb|txt)$/.test(name)).sort().map((name) => path.join(input, name)) : [input],
);
const cli = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "bin", "lessonkit.js");

function run(file, engineArgs) {
  let output;
  try {
    output = execFileSync("node", [cli, "run", file, "--reporter", "json", "--timeout", "120", ...engineArgs], { encoding: "utf8", maxBuffer: 64 << 20 });
  } catch (error) {
    output = error.stdout;
  }
  return JSON.parse(output).lessons[0].cells;
}

const ADDRESS = /0x[0-9a-fA-F]{8,16}\b|(?<![\w.])\d{10,20}(?![\w.])/g;

function isAddress(token) {
  const value = BigInt(token);
  return token.startsWith("0x") || (value > 2n ** 33n && value % 8n === 0n);
}

/**
 * The checker's identity rule between two runs: texts equal outside addresses; each address of
 * the real run maps to one address of the simulated run everywhere, and different addresses in
 * one cell stay different. (Address reuse across cells may differ: both are legitimate.)
 */
function compareCells(realTexts, simTexts) {
  const binding = new Map();
  return realTexts.map((realText, index) => {
    const simText = simTexts[index] ?? "";
    const realTokens = [];
    const simTokens = [];
    const realShape = (realText ?? "").replace(ADDRESS, (token) => (isAddress(token) ? (realTokens.push(BigInt(token)), "@") : token));
    const simShape = simText.replace(ADDRESS, (token) => (isAddress(token) ? (simTokens.push(BigInt(token)), "@") : token));
    if (realShape !== simShape || realTokens.length !== simTokens.length) return false;
    const inCell = new Map();
    for (let k = 0; k < realTokens.length; k++) {
      const known = binding.get(realTokens[k]);
      if (known !== undefined && known !== simTokens[k]) return false;
      const owner = inCell.get(simTokens[k]);
      if (owner !== undefined && owner !== realTokens[k]) return false;
      inCell.set(simTokens[k], realTokens[k]);
      binding.set(realTokens[k], simTokens[k]);
    }
    return true;
  });
}

let total = 0;
let agreeing = 0;
for (const file of files) {
  const sim = run(file, ["--profile", version]);
  const real = run(file, ["--python", version]);
  // Run-mode JSON has no verdict: a cell shows `actual`, or a `message` when it did not run.
  const textOf = (cell) => cell.actual ?? `[${cell.message}]`;
  const skipped = (cell) => cell.actual === null && /^skipped/.test(cell.message ?? "");
  const simTexts = sim.map(textOf);
  const realTexts = real.map(textOf);
  const agree = compareCells(realTexts, simTexts);
  let same = 0;
  const differences = [];
  sim.forEach((cell, index) => {
    if (skipped(cell)) return;
    if (agree[index]) same++;
    else differences.push({ index, line: cell.line, sim: simTexts[index], real: realTexts[index] });
  });
  const counted = sim.filter((cell) => !skipped(cell)).length;
  total += counted;
  agreeing += same;
  console.log(`${same}/${counted}  ${file}`);
  for (const difference of differences) {
    console.log(`   cell ${difference.index} (line ${difference.line})\n     sim:  ${JSON.stringify(difference.sim).slice(0, 400)}\n     real: ${JSON.stringify(difference.real).slice(0, 400)}`);
  }
}
console.log(`total ${agreeing}/${total}`);
