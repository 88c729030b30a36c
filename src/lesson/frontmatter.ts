// Reads a lesson's YAML frontmatter into LessonSettings, reporting bad keys and values.
import type { Yaml } from "mdast";
import { isMap, isScalar, parseDocument, type Node as YamlNode } from "yaml";
import type { LineIndex } from "./line-index.js";
import type { MessageCollector } from "./messages.js";
import type { DisplayMode, LessonSettings } from "./types.js";
import { parseVersionRange, VersionRangeError, type VersionRange } from "../versions/version.js";

export const DEFAULT_SETTINGS: LessonSettings = { display: "pretty", diagram: false, replay: false, raw: {} };

const DISPLAY_MODES: ReadonlyMap<string, DisplayMode> = new Map<string, DisplayMode>([
  ["pretty", "pretty"],
  ["repr", "repr"],
]);

/** Parses the frontmatter block; every problem becomes a message, never an exception. */
export function readFrontmatter(
  node: Yaml,
  source: string,
  lines: LineIndex,
  collector: MessageCollector,
): LessonSettings {
  const startOffset = node.position?.start.offset ?? 0;
  const endOffset = node.position?.end.offset ?? startOffset;
  const openingLine = lines.lineOf(startOffset);
  const closingLine = lines.lineOf(endOffset);
  // The YAML text is sliced from the source (not taken from node.value) so that offsets the
  // yaml package reports map straight back onto the lesson file.
  const yamlStart = lines.lineStart(openingLine + 1);
  const yamlEnd = Math.max(yamlStart, lines.lineStart(closingLine));
  const yamlText = source.slice(yamlStart, yamlEnd);
  const document = parseDocument(yamlText, { prettyErrors: false });

  for (const problem of document.errors) {
    collector.error(yamlStart + problem.pos[0], "bad-frontmatter", `frontmatter is not valid YAML: ${firstLine(problem.message)}`);
  }
  for (const problem of document.warnings) {
    collector.warning(yamlStart + problem.pos[0], "bad-frontmatter", `frontmatter: ${firstLine(problem.message)}`);
  }
  if (document.errors.length > 0) return DEFAULT_SETTINGS;

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return DEFAULT_SETTINGS;
  if (!isMap(contents)) {
    collector.error(yamlStart + (contents.range?.[0] ?? 0), "bad-frontmatter", "frontmatter must be a mapping of keys (title: …, python: …)");
    return DEFAULT_SETTINGS;
  }

  const placeOf = (yamlNode: YamlNode | null | undefined): number => yamlStart + (yamlNode?.range?.[0] ?? 0);
  let title: string | undefined;
  let python: VersionRange | undefined;
  let display: DisplayMode = DEFAULT_SETTINGS.display;
  let diagram = DEFAULT_SETTINGS.diagram;
  let replay = DEFAULT_SETTINGS.replay;

  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value as YamlNode | null;
    const scalar = isScalar(value) ? value : undefined;
    switch (key) {
      case "title":
        if (scalar && scalar.value !== null && typeof scalar.value !== "object") title = String(scalar.value);
        else collector.error(placeOf(value ?? (pair.key as YamlNode)), "bad-frontmatter", "title: must be a line of text");
        break;
      case "python": {
        // The scalar's source text, not its value: YAML reads `python: 3.10` as the number 3.1.
        const text = scalar && scalar.value !== null ? (scalar.source ?? String(scalar.value)) : undefined;
        if (text === undefined) {
          collector.error(placeOf(value ?? (pair.key as YamlNode)), "bad-version-range", `python: needs a version range, e.g. python: ">=3.8"`);
          break;
        }
        try {
          python = parseVersionRange(text);
        } catch (error) {
          if (!(error instanceof VersionRangeError)) throw error;
          collector.error(placeOf(value), "bad-version-range", error.message);
        }
        break;
      }
      case "display": {
        const mode = scalar ? DISPLAY_MODES.get(String(scalar.value)) : undefined;
        if (mode) display = mode;
        else collector.error(placeOf(value ?? (pair.key as YamlNode)), "bad-frontmatter", `display: must be "pretty" or "repr"`);
        break;
      }
      case "diagram":
      case "replay": {
        if (scalar && typeof scalar.value === "boolean") {
          if (key === "diagram") diagram = scalar.value;
          else replay = scalar.value;
        } else {
          collector.error(placeOf(value ?? (pair.key as YamlNode)), "bad-frontmatter", `${key}: must be true or false`);
        }
        break;
      }
      default:
        // Other keys belong to other stages (renderer, CI); they are kept in `raw`.
        break;
    }
  }

  const raw = document.toJS() as Record<string, unknown>;
  return {
    ...(title === undefined ? {} : { title }),
    ...(python === undefined ? {} : { python }),
    display,
    diagram,
    replay,
    raw,
  };
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!.trim();
}
