// Cheap guesses about a paragraph of text: does it read as Python statements, as a Python
// expression (a displayed value), or as neither? Used to split notebook text exports.

export interface PythonReading {
  /** No line breaks a rule Python's grammar would (two bare words in a row, stray backticks…). */
  readonly plausible: boolean;
  /** At least one line is a statement only code has: import, def, assignment, for …:, comment. */
  readonly statement: boolean;
  /** At least one line is a bare call such as `print(x)` (code, or a repr such as `A(x=1)`). */
  readonly call: boolean;
  /** Every line is a `#` comment. */
  readonly commentsOnly: boolean;
}

const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
  "yield", "match", "case",
]);

const STATEMENT_PATTERNS: readonly RegExp[] = [
  /^(?:import\s+[\w.]+|from\s+[\w.]+\s+import\b)/,
  /^(?:async\s+)?(?:def|class)\s+[A-Za-z_]\w*/,
  /^(?:for|while|if|elif|with|try|except|finally|else|async\s+for|async\s+with)\b.*:\s*(?:#.*)?$/,
  /^(?:return|yield|raise|assert|del|global|nonlocal|await)\b/,
  /^(?:pass|break|continue)\s*(?:#.*)?$/,
  /^@[A-Za-z_][\w.]*/,
  // Assignment, augmented assignment, annotated assignment (not `==`).
  /^[A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:\s*,\s*[A-Za-z_][\w.]*)*\s*(?::\s*[\w.[\], ]+\s*)?(?:=(?!=)|[-+*/%&|^@]=|\/\/=|\*\*=|>>=|<<=)/,
  // IPython magics and shell escapes are code in a notebook.
  /^(?:%{1,2}[A-Za-z_]|![A-Za-z./])/,
];

const CALL = /^[A-Za-z_][\w.]*\s*\(.*\)\s*(?:#.*)?$/;

/** Blanks out string literals and comments so their words are not read as code. */
function codeOnly(line: string): string {
  return line
    .replace(/[rRbBuUfF]{0,2}("""|''')[\s\S]*?(?:\1|$)/g, " s ")
    .replace(/[rRbBuUfF]{0,2}"(?:[^"\\]|\\.)*"?/g, " s ")
    .replace(/[rRbBuUfF]{0,2}'(?:[^'\\]|\\.)*'?/g, " s ")
    .replace(/#.*$/, "");
}

/** Two words (or a number and a word) side by side with no operator between them. */
function hasAdjacentWords(code: string): boolean {
  const pair = /(\b[A-Za-z_]\w*|\b\d[\w.]*)[ \t]+([A-Za-z_]\w*)/g;
  for (const match of code.matchAll(pair)) {
    const first = match[1]!;
    const second = match[2]!;
    if (KEYWORDS.has(first) || KEYWORDS.has(second)) continue;
    return true;
  }
  return false;
}

/**
 * `x = 1, y = 2` (an assignment, a comma, another assignment, outside brackets) is not Python,
 * though it is how printed `key=value` pairs look. `a, b = 1, 2` and `a = b = 1` are Python.
 */
function hasAssignmentsAcrossComma(code: string): boolean {
  let depth = 0;
  let outside = "";
  for (const character of code) {
    if ("([{".includes(character)) depth++;
    else if (")]}".includes(character)) depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += character;
  }
  // A single "=" that is not part of ==, !=, <=, >=, :=, +=, …
  return /(?<![=!<>:+\-*/%&|^@])=(?!=)[^=]*,[^=]*(?<![=!<>:+\-*/%&|^@])=(?!=)/.test(outside);
}

function lineIsPlausible(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return true;
  if (/^(?:%{1,2}[A-Za-z_]|![A-Za-z./])/.test(trimmed)) return true;
  if (/^(?:-{3,}|\*{2,}|_{3,}|=+|>|\|)/.test(trimmed)) return false;
  const code = codeOnly(trimmed);
  if (/[`$?]/.test(code)) return false;
  // A line ending with ":" opens a block, so it starts with the keyword that opens it
  // ("So for example:" and "Help on class int:" are not Python).
  if (/:\s*$/.test(code) && !/^(?:if|elif|else|for|while|with|try|except|finally|def|class|async|match|case|lambda)\b/.test(code)) return false;
  return !hasAdjacentWords(code) && !hasAssignmentsAcrossComma(code);
}

function bracketsBalance(lines: readonly string[]): boolean {
  let depth = 0;
  for (const line of lines) {
    for (const character of codeOnly(line)) {
      if (character === "(" || character === "[" || character === "{") depth++;
      else if (character === ")" || character === "]" || character === "}") depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

export function readAsPython(lines: readonly string[]): PythonReading {
  const nonBlank = lines.filter((line) => line.trim() !== "");
  const commentsOnly = nonBlank.length > 0 && nonBlank.every((line) => line.trim().startsWith("#"));
  let statement = commentsOnly;
  let call = false;
  for (const line of nonBlank) {
    const trimmed = line.trim();
    if (trimmed.startsWith("#") || !lineIsPlausible(line)) continue;
    if (STATEMENT_PATTERNS.some((pattern) => pattern.test(trimmed))) statement = true;
    else if (CALL.test(trimmed)) call = true;
  }
  // An indented line after a line ending in ":" is a block body: only code looks like that.
  for (let index = 1; index < nonBlank.length; index++) {
    if (/:\s*(?:#.*)?$/.test(nonBlank[index - 1]!) && /^\s+\S/.test(nonBlank[index]!)) statement = true;
  }
  const plausible = nonBlank.every(lineIsPlausible) && bracketsBalance(nonBlank);
  return { plausible, statement, call, commentsOnly };
}

/** An exception's last traceback line (`NameError: name 'x' is not defined`) or the header. */
export function looksLikeTraceback(lines: readonly string[]): boolean {
  return lines.some(
    (line) =>
      line.includes("Traceback (most recent call last)") ||
      /^[A-Za-z_][\w.]*(?:Error|Exception|Warning|Interrupt|Exit)(?::\s|$)/.test(line),
  );
}

/** Python's angle-bracket reprs: `<class 'int'>`, `<function f at 0x…>`, `<__main__.A object at 0x…>`. */
export function looksLikeRepr(lines: readonly string[]): boolean {
  return lines.some((line) =>
    /^<(?:(?:class|function|built-in|bound method|method|module|generator object|coroutine object|enum|code object|cell at)[ '>]|[\w.]+ (?:object )?at 0x)/.test(line.trim()),
  );
}

/** Whether running the code shows something: it prints, it might, or it cannot. */
export type OutputExpectation = "yes" | "no" | "maybe";

/**
 * Guesses from the code alone whether the cell shows output. "yes": it calls print/display/
 * help, or ends with a bare value that the notebook displays. "no": only definitions, imports and
 * assignments without calls at top level. "maybe": top-level calls (a function may print, and a
 * trailing call may return None).
 */
export function expectedOutput(code: string): OutputExpectation {
  const lines = code.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
  let insideDefinition = false;
  let calls = false;
  let prints = false;
  let last = "";
  for (const line of lines) {
    const topLevel = !/^\s/.test(line);
    if (topLevel) {
      insideDefinition = /^(?:async\s+)?(?:def|class)\s|^@/.test(line);
      last = line.trim();
    }
    // Calls inside a function or class body do not run when the cell defines them.
    if (insideDefinition) continue;
    const text = codeOnly(line);
    if (/(?:^|[^\w.])(?:print|display|help|pprint)\s*\(/.test(text)) prints = true;
    if (/[\w)\]]\s*\(/.test(text)) calls = true;
  }
  if (prints) return "yes";
  if (last === "") return "no";
  const statement = STATEMENT_PATTERNS.some((pattern) => pattern.test(last)) || /^(?:async\s+)?(?:def|class)\s|^@/.test(last);
  if (!statement && !last.endsWith(";")) return CALL.test(last) ? "maybe" : "yes";
  return calls ? "maybe" : "no";
}
