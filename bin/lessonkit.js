#!/usr/bin/env node
// Command-line entry point: loads the compiled CLI, or says how to build it.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const entry = fileURLToPath(new URL("../build/src/cli/main.js", import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write("lessonkit: the compiled CLI is missing (build/). Run `npm install` or `npm run build` first.\n");
  process.exit(2);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
