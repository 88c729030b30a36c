// The default judge of text-export splits: scores how much each paragraph looks like code,
// output or prose, and declines to choose when the two best readings score too close.
import { hasMarkdownSyntax, looksLikeSentence } from "./markdown-lines.js";
import { expectedOutput, looksLikeRepr, looksLikeTraceback, readAsPython } from "./python-lines.js";
import type { SplitCandidate, SplitContext, SplitJudge } from "./split.js";

/** The export always writes code first: the first paragraph is code unless it clearly is not. */
const FIRST_PARAGRAPH_IS_CODE = 3;
/** Penalties for readings that contradict what the code can show. */
const SILENT_CODE_WITH_OUTPUT = -4;
const PRINTING_CODE_WITHOUT_OUTPUT = -3;
/** Readings closer than this are a guess, reported as a warning. */
const DECISION_MARGIN = 2;

interface ParagraphScores {
  readonly code: number;
  readonly output: number;
  readonly prose: number;
}

export function scoreParagraph(lines: readonly string[]): ParagraphScores {
  const python = readAsPython(lines);
  const markdown = hasMarkdownSyntax(lines);
  const traceback = looksLikeTraceback(lines);
  if (traceback || looksLikeRepr(lines)) return { code: -4, output: 3, prose: 0 };
  const sentence = looksLikeSentence(lines) && !python.plausible;
  const code = !python.plausible ? -4 : python.commentsOnly ? 2 : python.statement ? 3 : python.call ? 2 : 0;
  // Program output seldom carries markdown syntax (tracebacks and reprs were told apart above).
  const output = python.statement ? -3 : markdown ? -2 : sentence ? 0 : python.call ? 1 : python.plausible ? 2 : 1;
  // `# title` is markdown and a comment; beside real statements it is a comment.
  const codeLike = python.plausible && python.statement && !python.commentsOnly;
  const prose = markdown && !codeLike ? 3 : sentence ? 2 : -2;
  return { code, output, prose };
}

// Scores depend only on the paragraphs, shared by all candidates of a block: computed once.
const scoreCache = new WeakMap<SplitContext["paragraphs"], readonly ParagraphScores[]>();

function paragraphScores(context: SplitContext): readonly ParagraphScores[] {
  let scores = scoreCache.get(context.paragraphs);
  if (scores === undefined) {
    scores = context.paragraphs.map(scoreParagraph);
    scoreCache.set(context.paragraphs, scores);
  }
  return scores;
}

/**
 * A reading's score. Prose is judged by where it starts: its first paragraph counts fully,
 * later ones only add evidence (a plain paragraph under a heading is still prose).
 */
export function scoreCandidate(candidate: SplitCandidate, context: SplitContext): number {
  const scores = paragraphScores(context);
  const codeEnd = candidate.codeParagraphs;
  const outputEnd = codeEnd + candidate.outputParagraphs;
  let total = codeEnd > 0 ? FIRST_PARAGRAPH_IS_CODE : 0;
  // Code that cannot print should have no output (a traceback aside); code that prints should.
  const expectation = expectedOutput(candidate.code);
  const firstOutput = candidate.outputParagraphs > 0 ? context.paragraphs[codeEnd]! : undefined;
  if (expectation === "no" && firstOutput !== undefined && !looksLikeTraceback(firstOutput)) total += SILENT_CODE_WITH_OUTPUT;
  if (expectation === "yes" && firstOutput === undefined) total += PRINTING_CODE_WITHOUT_OUTPUT;
  scores.forEach((score, index) => {
    if (index < codeEnd) total += score.code;
    else if (index < outputEnd) total += score.output;
    else if (index === outputEnd) total += score.prose;
    else total += Math.max(0, score.prose);
  });
  return total;
}

/** Index of the best-scored candidate (the first of equals). */
export function bestCandidate(candidates: readonly SplitCandidate[], context: SplitContext): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((candidate, index) => {
    const score = scoreCandidate(candidate, context);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

export const defaultSplitJudge: SplitJudge = (candidates, context) => {
  if (candidates.length <= 1) return candidates.length === 1 ? 0 : undefined;
  const scored = candidates.map((candidate, index) => ({ index, score: scoreCandidate(candidate, context) }));
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.index - b.index);
  if (ranked[0]!.score - ranked[1]!.score < DECISION_MARGIN) return undefined;
  return ranked[0]!.index;
};
