// Every binary operator between a spread of ints, bools, floats and complex numbers (big ints,
// signed zeros, infinities, NaN), chosen by a fixed pseudo-random walk over all combinations,
// plus divmod, unary operators and conversions of the same operands.
import { differentialSuite } from "./number-support.js";

const OPERANDS = [
  "0", "1", "-1", "7", "-7", "2**31", "-2**63", "10**20", "-10**20", "2**100+1", "True", "False",
  "0.0", "-0.0", "1.5", "-2.5", "1e-300", "1e300", "float('inf')", "float('-inf')", "float('nan')", "0.1", "3.0",
  "0j", "1j", "(1+2j)", "(-0.5-1.5j)", "complex(1e300, 1)", "(2+0j)",
];
const OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "!=", "<", "<=", ">", ">="];

/** A deterministic sequence of indexes (a linear congruential generator). */
function* indexes(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state;
  }
}

function cells(): string[] {
  const result: string[] = [];
  const random = indexes(2024);
  const pick = <T>(items: readonly T[]): T => items[random.next().value! % items.length]!;
  while (result.length < 300) {
    const [a, b, op] = [pick(OPERANDS), pick(OPERANDS), pick(OPERATORS)];
    // Huge exponents and shift counts would only measure memory.
    if ((op === "**" || op === "<<") && /\*\*|10\*\*/.test(b)) continue;
    result.push(`a = ${a}\nb = ${b}\na ${op} b`);
  }
  for (let count = 0; count < 60; count++) result.push(`a = ${pick(OPERANDS)}\nb = ${pick(OPERANDS)}\ndivmod(a, b)`);
  for (const a of OPERANDS) {
    // hash(nan) is derived from the object's address from 3.10 on; it is left out.
    result.push(`a = ${a}\n(-a, +a, abs(a), bool(a), repr(a), str(a), hash(a) if a == a else 0)`);
    result.push(`a = ${a}\n(int(a), float(a), round(a), a.real, a.imag)`);
  }
  return result;
}

differentialSuite("operators between number types", cells());
