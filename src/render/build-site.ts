// Writes the site: renders every page in memory, then swaps the whole folder in at once.
import type { EngineIdentity } from "../runners/types.js";
import { loadPythonHighlighter } from "./highlight.js";
import { renderSite, type RenderedSite } from "./site-pages.js";
import type { SiteLesson } from "./site-model.js";
import { loadTemplates } from "./templates.js";
import { writeFolderAtomically } from "./atomic-dir.js";

export interface BuildSiteOptions {
  readonly outDir: string;
  readonly siteTitle: string;
  readonly engines: readonly EngineIdentity[];
  /** lessonkit's version, shown in footers and on the index. */
  readonly version: string;
  readonly builtAt: Date;
  /** A project's own templates folder; missing files fall back to lessonkit's. */
  readonly templatesFolder?: string;
  /** Called when every file is written, before the swap (for tests). */
  readonly beforeSwap?: () => Promise<void>;
}

export async function buildSite(lessons: readonly SiteLesson[], options: BuildSiteOptions): Promise<RenderedSite> {
  const [templates, highlighter] = await Promise.all([loadTemplates(options.templatesFolder), loadPythonHighlighter()]);
  const site = renderSite(lessons, {
    siteTitle: options.siteTitle,
    engines: options.engines,
    version: options.version,
    builtAt: options.builtAt,
    templates,
    highlighter,
  });
  await writeFolderAtomically(options.outDir, site.files, options.beforeSwap);
  return site;
}
