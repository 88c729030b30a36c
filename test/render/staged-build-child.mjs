// Child process for the atomic-write test: renders a site into its staging folder, says so on
// stdout, and then waits (to be killed) just before swapping it in. Runs the compiled build/.
import { buildSite } from "../../build/src/render/build-site.js";
import { loadLesson } from "../../build/src/lesson/load.js";

const [outDir, ...lessonPaths] = process.argv.slice(2);
const lessons = await Promise.all(lessonPaths.map(async (lessonPath) => ({ path: lessonPath, lesson: await loadLesson(lessonPath), checks: [] })));
await buildSite(lessons, {
  outDir,
  siteTitle: "Lessons",
  engines: [],
  version: "0.0.0",
  builtAt: new Date(0),
  beforeSwap: async () => {
    process.stdout.write("staged\n");
    // A timer keeps the process alive until the test kills it.
    await new Promise(() => setInterval(() => {}, 1000));
  },
});
