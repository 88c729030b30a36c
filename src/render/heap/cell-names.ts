// The names a cell's source uses, in order of first use: the diagram draws them first, so what the
// cell is about sits at the top instead of among every name the notebook has defined so far.

/** Strings (with prefixes and triple quotes) and comments: their words are not names. */
const NOT_CODE = /(?:\b[rRbBuUfF]{1,2})?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|#[^\n]*/g;
const IDENTIFIER = /[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/gu;

export function namesUsedBy(source: string): string[] {
  const code = source.replace(NOT_CODE, (text, body: string | undefined) => {
    // An f-string's replacement fields are code: `f"{x}"` uses x.
    const prefix = body === undefined ? "" : text.slice(0, text.length - body.length);
    if (!/[fF]/.test(prefix)) return " ".repeat(text.length);
    return ` ${[...body!.matchAll(/\{([^{}]*)\}/g)].map((field) => field[1]).join(" ")} `;
  });
  const names: string[] = [];
  for (const match of code.matchAll(IDENTIFIER)) {
    // `my_var.b`: an attribute is not a name in scope.
    let at = match.index - 1;
    while (at >= 0 && (code[at] === " " || code[at] === "\t")) at--;
    if (code[at] === ".") continue;
    if (!names.includes(match[0])) names.push(match[0]);
  }
  return names;
}
