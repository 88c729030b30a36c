// Finds numbers in output text and compares them with a tolerance, for `match=number(...)`.

export interface NumberToken {
  readonly text: string;
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

export interface Tolerance {
  /** Relative tolerance, as `math.isclose`'s rel_tol. */
  readonly rel: number;
  /** Absolute tolerance, as `math.isclose`'s abs_tol. */
  readonly abs: number;
}

// A sign belongs to the number only when nothing word-like precedes it, so "3-2" is 3, "-", 2.
// `inf` and `nan` stay text: they must be printed exactly.
const NUMBER = /(?<![\w.])[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?!\w)/gu;

export function findNumbers(line: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of line.matchAll(NUMBER)) {
    const value = Number(match[0]);
    if (Number.isNaN(value)) continue;
    tokens.push({ text: match[0], value, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** `math.isclose` semantics; identical spellings always match (exact big integers included). */
export function numbersClose(expected: NumberToken, actual: NumberToken, tolerance: Tolerance): boolean {
  if (expected.text === actual.text) return true;
  const difference = Math.abs(expected.value - actual.value);
  if (difference === 0) return true;
  const scale = Math.max(Math.abs(expected.value), Math.abs(actual.value));
  return difference <= Math.max(tolerance.rel * scale, tolerance.abs);
}
