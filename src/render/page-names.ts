// File names of lesson pages: ASCII slugs of the lesson files' names, unique within the site, so
// links need no escaping and work from file:// and any web server sub-path.
import path from "node:path";

function slug(lessonPath: string): string {
  const base = path.basename(lessonPath).replace(/\.(md|ipynb|txt)$/i, "");
  const ascii = base.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const text = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return text === "" ? "lesson" : text;
}

/** Lesson path → page file name ("01 - Refs.ipynb" → "01-refs.html"); clashes get "-2", "-3"… in order. */
export function pageNames(lessonPaths: readonly string[]): Map<string, string> {
  const taken = new Set<string>(["index", "style"]);
  const names = new Map<string, string>();
  for (const lessonPath of lessonPaths) {
    const base = slug(lessonPath);
    let name = base;
    for (let suffix = 2; taken.has(name); suffix++) name = `${base}-${suffix}`;
    taken.add(name);
    names.set(lessonPath, `${name}.html`);
  }
  return names;
}
