// Page templates from templates/ (an author can copy the folder and change it), filled by name.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../package-root.js";

export interface Templates {
  readonly page: string;
  readonly index: string;
  readonly style: string;
}

export const TEMPLATE_FILES = ["page.html", "index.html", "style.css"] as const;

/** Reads each template from `folder` (a project's own templates/) when it has it, else lessonkit's. */
export async function loadTemplates(folder?: string): Promise<Templates> {
  const read = async (name: string): Promise<string> => {
    if (folder !== undefined) {
      try {
        return await readFile(path.join(folder, name), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    return readFile(path.join(packageRoot(), "templates", name), "utf8");
  };
  return { page: await read("page.html"), index: await read("index.html"), style: await read("style.css") };
}

/**
 * Replaces `{{name}}` placeholders; values are HTML (the caller escapes text). Unknown names are
 * left as written, so a typo in a template shows on the page instead of vanishing.
 */
export function fill(template: string, values: ReadonlyMap<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values.get(name) ?? whole);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
