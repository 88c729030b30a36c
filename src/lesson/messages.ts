// Collects problems found in a lesson's content as LessonMessages with a place and a rule id.
import type { LessonMessage, Severity } from "./types.js";
import type { LineIndex } from "./line-index.js";

/** The stable rule ids a lesson problem can carry (users filter and grep on these). */
export type LessonRuleId =
  | "unterminated-fence"
  | "orphan-output"
  | "unknown-option"
  | "bad-option-value"
  | "duplicate-option"
  | "unterminated-quote"
  | "bad-version-range"
  | "bad-frontmatter"
  | "duplicate-default-output"
  | "bad-regex";

export class MessageCollector {
  readonly messages: LessonMessage[] = [];

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  /** Reports a problem at an offset of the lesson text. */
  report(offset: number, ruleId: LessonRuleId, severity: Severity, reason: string): void {
    const position = this.lines.position(offset);
    this.messages.push({
      file: this.file,
      line: position.line,
      column: position.column,
      ruleId,
      severity,
      reason,
    });
  }

  error(offset: number, ruleId: LessonRuleId, reason: string): void {
    this.report(offset, ruleId, "error", reason);
  }

  warning(offset: number, ruleId: LessonRuleId, reason: string): void {
    this.report(offset, ruleId, "warning", reason);
  }

  /** Messages in file order (stable for equal places), as a reader scans the file. */
  sorted(): LessonMessage[] {
    return this.messages
      .map((message, order) => ({ message, order }))
      .sort((a, b) => a.message.line - b.message.line || a.message.column - b.message.column || a.order - b.order)
      .map((entry) => entry.message);
  }
}
