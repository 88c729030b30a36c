// Test runner configuration: tests live in test/, mirroring src/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The simulator runs cells in worker threads with a 4 MB JavaScript stack in the pipeline;
    // here it runs on the main thread of forked test processes, which gets the same stack so
    // recursion up to IPython's limit of 3000 behaves as it does there.
    execArgv: ["--stack-size=3900"],
  },
});
