// Parses lesson markdown into a Lesson: python fences become cells, the output fences after them
// their expected outputs. A thin layer over remark's mdast; every problem becomes a message.
import type { Code, Parent, Root, RootContent } from "mdast";
import { readCellOptions } from "./cell-options.js";
import { readFence, type FenceGeometry } from "./fence.js";
import { parseFenceInfo, type FenceInfo } from "./fence-meta.js";
import { DEFAULT_SETTINGS, readFrontmatter } from "./frontmatter.js";
import { LineIndex } from "./line-index.js";
import { parseMarkdown } from "./markdown.js";
import { MessageCollector } from "./messages.js";
import type { OptionReporter } from "./option-reader.js";
import { readOutputOptions } from "./output-options.js";
import { lessonTitle } from "./title.js";
import type { CodeCell, ExpectedOutput, Lesson, LessonSettings, MatchMode } from "./types.js";

/** Fence languages (compared case-insensitively) that make a code cell and an expected output. */
export const CELL_LANGUAGE = "python";
export const OUTPUT_LANGUAGE = "output";

interface FencedBlock {
  readonly node: Code;
  readonly geometry: FenceGeometry;
  readonly info: FenceInfo;
  readonly language: string;
}

/** Parses a lesson. Never throws for problems in the text: they are in `lesson.messages`. */
export function parseLesson(path: string, text: string): Lesson {
  const lines = new LineIndex(text);
  const collector = new MessageCollector(path, lines);
  const tree = parseMarkdown(text);

  let settings: LessonSettings = DEFAULT_SETTINGS;
  const first = tree.children[0];
  if (first?.type === "yaml") settings = readFrontmatter(first, text, lines, collector);

  const cells: CodeCell[] = [];
  const context: WalkContext = { text, lines, collector, cells, blocks: new Map() };
  walkSiblings(tree, context);

  return {
    path,
    source: text,
    settings,
    title: lessonTitle(settings.title, tree, path),
    cells,
    tree,
    messages: collector.sorted(),
  };
}

interface WalkContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly collector: MessageCollector;
  readonly cells: CodeCell[];
  /** Each fenced node is read (and reported) once, though look-ahead may meet it twice. */
  readonly blocks: Map<Code, FencedBlock | undefined>;
}

/**
 * Goes through one parent's children in order. Only blank lines can separate two sibling
 * blocks in mdast, so "the output fences right after a python fence" are its next siblings.
 */
function walkSiblings(parent: Parent | Root, context: WalkContext): void {
  const children = parent.children as RootContent[];
  let index = 0;
  while (index < children.length) {
    const child = children[index]!;
    const block = child.type === "code" ? readBlock(child, context) : undefined;
    if (block === undefined) {
      if ("children" in child) walkSiblings(child as Parent, context);
      index++;
      continue;
    }
    if (block.language === OUTPUT_LANGUAGE) {
      context.collector.error(
        block.geometry.markerStart,
        "orphan-output",
        "this output fence does not follow a python fence (only blank lines may separate them)",
      );
      index++;
      continue;
    }
    if (block.language !== CELL_LANGUAGE) {
      index++;
      continue;
    }
    const outputs: FencedBlock[] = [];
    let next = index + 1;
    while (next < children.length) {
      const sibling = children[next]!;
      const outputBlock = sibling.type === "code" ? readBlock(sibling, context) : undefined;
      if (outputBlock?.language !== OUTPUT_LANGUAGE) break;
      outputs.push(outputBlock);
      next++;
    }
    context.cells.push(buildCell(block, outputs, context));
    index = next;
  }
}

/** Reads a fenced code node once; reports it if unterminated. Undefined for indented code. */
function readBlock(node: Code, context: WalkContext): FencedBlock | undefined {
  if (context.blocks.has(node)) return context.blocks.get(node);
  const block = readNewBlock(node, context);
  context.blocks.set(node, block);
  return block;
}

function readNewBlock(node: Code, context: WalkContext): FencedBlock | undefined {
  const geometry = readFence(context.text, context.lines, node);
  if (geometry === undefined) return undefined;
  if (!geometry.closed) {
    const whereTo = geometry.end >= context.text.length ? "the end of the file" : "the end of its list item or quote";
    context.collector.error(
      geometry.markerStart,
      "unterminated-fence",
      `this ${geometry.marker.repeat(geometry.markerLength)} fence is never closed: it runs to ${whereTo}`,
    );
  }
  const info = parseFenceInfo(geometry.info);
  return { node, geometry, info, language: info.language.toLowerCase() };
}

function reporterAt(infoStart: number, collector: MessageCollector): OptionReporter {
  return {
    error: (infoOffset, ruleId, reason) => collector.error(infoStart + infoOffset, ruleId, reason),
    warning: (infoOffset, ruleId, reason) => collector.warning(infoStart + infoOffset, ruleId, reason),
  };
}

function buildCell(block: FencedBlock, outputBlocks: readonly FencedBlock[], context: WalkContext): CodeCell {
  const { geometry } = block;
  const { options, executionCount } = readCellOptions(block.info.options, reporterAt(geometry.infoStart, context.collector));
  const outputs: ExpectedOutput[] = [];
  let defaultSeen = false;
  for (const outputBlock of outputBlocks) {
    const output = buildOutput(outputBlock, context);
    if (output.range === undefined) {
      if (defaultSeen) {
        context.collector.error(
          outputBlock.geometry.markerStart,
          "duplicate-default-output",
          `a second output fence without python="…": only one default output per cell (give the others version ranges)`,
        );
      }
      defaultSeen = true;
    }
    checkRegex(output.match ?? options.match, output, outputBlock.geometry, context);
    outputs.push(output);
  }
  return {
    index: context.cells.length,
    source: fenceContent(block.node),
    options,
    outputs,
    span: context.lines.span(geometry.markerStart, geometry.end),
    sourceLine: geometry.openingLine + 1,
    ...(executionCount === undefined ? {} : { executionCount }),
  };
}

function buildOutput(block: FencedBlock, context: WalkContext): ExpectedOutput {
  const { geometry } = block;
  const { range, match } = readOutputOptions(block.info.options, reporterAt(geometry.infoStart, context.collector));
  return {
    text: fenceContent(block.node),
    ...(range === undefined ? {} : { range }),
    ...(match === undefined ? {} : { match }),
    span: context.lines.span(geometry.markerStart, geometry.end),
    contentSpan: context.lines.span(geometry.contentStart, geometry.contentEnd),
  };
}

/** A fence's content with "\n" line endings, ending with "\n" unless empty. */
function fenceContent(node: Code): string {
  const value = node.value.replace(/\r\n?/g, "\n");
  return value === "" ? "" : `${value}\n`;
}

/**
 * A `match=regex` output: every line must compile, as the checker uses it: one line is one
 * JavaScript regular expression for a whole actual line, `^(?:line)$`.
 */
function checkRegex(mode: MatchMode, output: ExpectedOutput, geometry: FenceGeometry, context: WalkContext): void {
  if (mode.kind !== "regex") return;
  const contentLine = context.lines.lineOf(geometry.contentStart);
  output.text
    .split("\n")
    .slice(0, -1)
    .forEach((line, lineNumber) => {
      try {
        new RegExp(`^(?:${line})$`);
      } catch (error) {
        const offset = context.lines.lineStart(contentLine + lineNumber);
        const reason = error instanceof Error ? error.message : String(error);
        context.collector.error(offset, "bad-regex", `not a valid regular expression (match=regex): ${reason}`);
      }
    });
}
