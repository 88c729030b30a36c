// Page templates from templates/ (an author can copy and change them), filled by name.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../package-root.js";

export interface Templates {
  readonly page: string;
  readonly index: string;
  readonly style: string;
}

/** Reads templates from `folder` (a project's own templates/), else lessonkit's defaults. */
export async function loadTemplates(folder?: string): Promise<Templates> {
  const read = async (name: string): Promise<string> => {
    if (folder !== undefined) {
      try {
        return await readFile(path.join(folder, name), "utf8");
      } catch {
        // fall through to the packaged template
      }
    }
    return readFile(path.join(packageRoot(), "templates", name), "utf8");
  };
  return { page: await read("page.html"), index: await read("index.html"), style: await read("style.css") };
}

/** Replaces {{name}} placeholders; values are HTML (the caller escapes text). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
