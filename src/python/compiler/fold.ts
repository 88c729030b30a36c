// Constant folding with each version's rules and size limits (ast_opt.c 3.7–3.13, peephole 3.6).
import type * as ast from "../ast/nodes.js";
import type { Profile } from "../profiles/profile.js";
import type { ConstRef, ScalarValue } from "./constants.js";
import { scalarOf } from "./constants.js";
import { complexProduct, complexQuotient, complexPower, type Complex } from "../runtime/types/complex-arith.js";
import { intTrueDiv, floatTrueDiv, floatFloorDiv, floatMod, floatPow, intPow, FormatError, joinsSurrogates } from "../runtime/format/index.js";
import { UnsupportedSyntax } from "./codegen/unsupported.js";

/**
 * A folded str constant would put a lone high surrogate before a lone low one (one astral
 * character in the simulator's UTF-16 text): refused as the run-time operation is.
 */
function refuseJoinedConstants(operation: string, line: number): never {
  throw new UnsupportedSyntax(`${operation} putting a lone high surrogate before a lone low one (the simulator's strs are UTF-16)`, line);
}

/** MAX_INT_SIZE of ast_opt.c: folded ints stay below 128 bits. */
const MAX_INT_BITS = 128;

/** Constant nodes the compiler created (percent-format.ts), not the parser. */
export const compilerMadeConstants = new WeakSet<ast.Constant>();

export class Folder {
  private readonly cache = new WeakMap<ast.Expr, ConstRef | null>();

  constructor(private readonly profile: Profile) {}

  /** The constant an expression folds to, or undefined when it is computed at run time. */
  fold(node: ast.Expr): ConstRef | undefined {
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.compute(node);
    this.cache.set(node, result ?? null);
    return result;
  }

  /** `x in [1, 2]` / `for x in [1, 2]`: a list or set display of constants becomes a constant. */
  foldIterable(node: ast.Expr): ConstRef | undefined {
    if (node.type === "List" || node.type === "Set") {
      const items: ConstRef[] = [];
      for (const element of node.elts) {
        const item = this.fold(element);
        if (item === undefined || element.type === "Starred") return undefined;
        items.push(item);
      }
      if (node.type === "List") return this.tupleIfSmall(items, true);
      return { origin: "frozenset", items };
    }
    return this.fold(node);
  }

  private tupleIfSmall(items: ConstRef[], literal: boolean): ConstRef | undefined {
    if (!literal && items.length > this.profile.maxFoldedTupleLength) return undefined;
    return { origin: "tuple", items };
  }

  private compute(node: ast.Expr): ConstRef | undefined {
    switch (node.type) {
      case "Constant":
        // A constant the compiler made itself has no parser object: it is built like a folded one.
        return compilerMadeConstants.has(node) ? folded(node.value) : { origin: "literal", node };
      case "Name":
        // `__debug__` is True (no -O): 3.7+ fold it in the AST, 3.6 compiles it as LOAD_CONST True.
        return node.id === "__debug__" && node.ctx === "Load" ? folded({ kind: "bool", value: true }) : undefined;
      case "Tuple": {
        if (node.ctx !== "Load") return undefined;
        // 3.6: `()` is BUILD_TUPLE 0 (the peephole optimiser only folds tuples of loaded constants).
        if (node.elts.length === 0 && this.profile.folding === "peephole") return undefined;
        const items: ConstRef[] = [];
        for (const element of node.elts) {
          if (element.type === "Starred") return undefined;
          const item = this.fold(element);
          if (item === undefined) return undefined;
          items.push(item);
        }
        return { origin: "tuple", items };
      }
      case "UnaryOp": {
        const operand = this.fold(node.operand);
        if (operand === undefined) return undefined;
        return this.foldUnary(node.op, operand);
      }
      case "BinOp": {
        const left = this.fold(node.left);
        if (left === undefined) return undefined;
        const right = this.fold(node.right);
        if (right === undefined) return undefined;
        return this.foldBinary(node.op, left, right, node.lineno);
      }
      case "Subscript": {
        if (node.ctx !== "Load") return undefined;
        const value = this.fold(node.value);
        const index = node.slice.type === "Slice" ? undefined : this.fold(node.slice);
        if (value === undefined || index === undefined) return undefined;
        return this.foldSubscript(value, index);
      }
      default:
        return undefined;
    }
  }

  private foldUnary(op: ast.UnaryOperator, operand: ConstRef): ConstRef | undefined {
    const value = scalarOf(operand);
    if (value === undefined) return undefined;
    if (op === "Not") {
      if (this.profile.folding === "peephole") return undefined;
      const truth = truthOfScalar(value);
      return truth === undefined ? undefined : folded({ kind: "bool", value: !truth });
    }
    const number = numeric(value);
    if (number === undefined) return undefined;
    if (op === "UAdd") return folded(number.kind === "int" ? { kind: "int", value: number.value } : number);
    if (op === "USub") {
      if (number.kind === "int") return folded({ kind: "int", value: -number.value });
      if (number.kind === "float") return folded({ kind: "float", value: -number.value });
      return folded({ kind: "complexFull", real: -number.real, imag: -number.imag });
    }
    if (number.kind !== "int") return undefined;
    return folded({ kind: "int", value: ~number.value });
  }

  private foldSubscript(container: ConstRef, index: ConstRef): ConstRef | undefined {
    const key = scalarOf(index);
    if (key === undefined || (key.kind !== "int" && key.kind !== "bool")) return undefined;
    const position = key.kind === "int" ? Number(key.value) : key.value ? 1 : 0;
    if (container.origin === "tuple") {
      const items = container.items;
      const at = position < 0 ? position + items.length : position;
      return at >= 0 && at < items.length ? items[at] : undefined;
    }
    const value = scalarOf(container);
    if (value === undefined) return undefined;
    if (value.kind === "str") {
      const characters = Array.from(value.value);
      const at = position < 0 ? position + characters.length : position;
      return at >= 0 && at < characters.length ? folded({ kind: "str", value: characters[at]! }) : undefined;
    }
    if (value.kind === "bytes") {
      const at = position < 0 ? position + value.value.length : position;
      return at >= 0 && at < value.value.length ? folded({ kind: "int", value: BigInt(value.value[at]!) }) : undefined;
    }
    return undefined;
  }

  private foldBinary(op: ast.Operator, left: ConstRef, right: ConstRef, line: number): ConstRef | undefined {
    if (op === "MatMult") return undefined;
    // Sequences: concatenation and repetition with the size limits.
    const leftScalar = scalarOf(left);
    const rightScalar = scalarOf(right);
    if (op === "Add") {
      if (left.origin === "tuple" && right.origin === "tuple") {
        return this.tupleIfSmall([...left.items, ...right.items], false);
      }
      if (leftScalar?.kind === "str" && rightScalar?.kind === "str") {
        const value = this.strIfSmall(leftScalar.value + rightScalar.value);
        if (value !== undefined && joinsSurrogates(leftScalar.value, rightScalar.value)) refuseJoinedConstants("str concatenation", line);
        return value;
      }
      if (leftScalar?.kind === "bytes" && rightScalar?.kind === "bytes") {
        const value = new Uint8Array(leftScalar.value.length + rightScalar.value.length);
        value.set(leftScalar.value);
        value.set(rightScalar.value, leftScalar.value.length);
        return value.length <= this.profile.maxFoldedStrLength ? folded({ kind: "bytes", value }) : undefined;
      }
    }
    if (op === "Mult") {
      const repeated = this.foldRepeat(left, right, line) ?? this.foldRepeat(right, left, line);
      if (repeated !== null) return repeated;
    }
    if (op === "Mod" && (leftScalar?.kind === "str" || leftScalar?.kind === "bytes")) return undefined;
    if (leftScalar === undefined || rightScalar === undefined) return undefined;
    const a = numeric(leftScalar);
    const b = numeric(rightScalar);
    if (a === undefined || b === undefined) return undefined;
    try {
      const result = arithmetic(op, a, b);
      if (result === undefined) return undefined;
      if (result.kind === "int" && bitLength(result.value) > MAX_INT_BITS) return undefined;
      return folded(result);
    } catch (error) {
      if (error instanceof FormatError) return undefined;
      throw error;
    }
  }

  /** seq * n: null when not a repetition, undefined when it is one that must not fold. */
  private foldRepeat(sequence: ConstRef, count: ConstRef, line: number): ConstRef | undefined | null {
    const countValue = scalarOf(count);
    if (countValue === undefined || (countValue.kind !== "int" && countValue.kind !== "bool")) return null;
    const times = countValue.kind === "int" ? countValue.value : countValue.value ? 1n : 0n;
    if (sequence.origin === "tuple") {
      if (times > BigInt(this.profile.maxFoldedTupleLength)) return undefined;
      const n = Number(times);
      if (n > 0 && sequence.items.length * n > this.profile.maxFoldedTupleLength) return undefined;
      const items: ConstRef[] = [];
      for (let i = 0; i < n; i++) items.push(...sequence.items);
      return { origin: "tuple", items };
    }
    const value = scalarOf(sequence);
    if (value?.kind === "str") {
      if (times > BigInt(this.profile.maxFoldedStrLength)) return undefined;
      const n = Math.max(0, Number(times));
      if (value.value.length * n > this.profile.maxFoldedStrLength) return undefined;
      const repeated = this.strIfSmall(value.value.repeat(n));
      if (repeated !== undefined && n > 1 && joinsSurrogates(value.value, value.value)) refuseJoinedConstants("str repetition", line);
      return repeated;
    }
    if (value?.kind === "bytes") {
      const n = Math.max(0, Number(times));
      if (value.value.length * n > this.profile.maxFoldedStrLength) return undefined;
      const result = new Uint8Array(value.value.length * n);
      for (let i = 0; i < n; i++) result.set(value.value, i * value.value.length);
      return folded({ kind: "bytes", value: result });
    }
    return null;
  }

  private strIfSmall(value: string): ConstRef | undefined {
    return Array.from(value).length <= this.profile.maxFoldedStrLength ? folded({ kind: "str", value }) : undefined;
  }
}

function folded(value: ScalarValue): ConstRef {
  return { origin: "folded", value };
}

type Numeric = { kind: "int"; value: bigint } | { kind: "float"; value: number } | { kind: "complexFull"; real: number; imag: number };

function numeric(value: ScalarValue): Numeric | undefined {
  switch (value.kind) {
    case "int":
      return value;
    case "bool":
      return { kind: "int", value: value.value ? 1n : 0n };
    case "float":
      return value;
    case "complex":
      return { kind: "complexFull", real: 0, imag: value.imag };
    case "complexFull":
      return value;
    default:
      return undefined;
  }
}

/** The truth of a constant scalar, as PyObject_IsTrue gives it; undefined for a value it cannot tell. */
export function truthOfScalar(value: ScalarValue): boolean | undefined {
  switch (value.kind) {
    case "int":
      return value.value !== 0n;
    case "bool":
      return value.value;
    case "float":
      return value.value !== 0;
    case "complex":
      return value.imag !== 0;
    case "complexFull":
      return value.real !== 0 || value.imag !== 0;
    case "str":
    case "bytes":
      return value.value.length > 0;
    case "None":
      return false;
    case "Ellipsis":
      return true;
    default:
      return undefined;
  }
}

function bitLength(value: bigint): number {
  const magnitude = value < 0n ? -value : value;
  return magnitude === 0n ? 0 : magnitude.toString(2).length;
}

/** Python arithmetic on constant numbers. */
function arithmetic(op: ast.Operator, a: Numeric, b: Numeric): ScalarValue | undefined {
  if (a.kind === "complexFull" || b.kind === "complexFull") return complexArithmetic(op, asComplex(a), asComplex(b));
  if (a.kind === "int" && b.kind === "int") return intArithmetic(op, a.value, b.value);
  const x = a.kind === "int" ? Number(a.value) : a.value;
  const y = b.kind === "int" ? Number(b.value) : b.value;
  switch (op) {
    case "Add":
      return { kind: "float", value: x + y };
    case "Sub":
      return { kind: "float", value: x - y };
    case "Mult":
      return { kind: "float", value: x * y };
    case "Div":
      return { kind: "float", value: floatTrueDiv(x, y) };
    case "FloorDiv":
      return { kind: "float", value: floatFloorDiv(x, y) };
    case "Mod":
      return { kind: "float", value: floatMod(x, y) };
    case "Pow": {
      const result = floatPow(x, y);
      return typeof result === "number" ? { kind: "float", value: result } : undefined;
    }
    default:
      return undefined;
  }
}

/** A number as complex_add and friends see it: an int or float is (value, 0.0); undefined if an int is too large. */
function asComplex(number: Numeric): Complex | undefined {
  if (number.kind === "complexFull") return number;
  const real = number.kind === "int" ? Number(number.value) : number.value;
  // An int beyond the doubles raises OverflowError at run time: not folded.
  return Number.isFinite(real) || number.kind === "float" ? { real, imag: 0 } : undefined;
}

/** Complex +, -, *, / and ** as complexobject.c computes them; // and % raise, so they stay. */
function complexArithmetic(op: ast.Operator, a: Complex | undefined, b: Complex | undefined): ScalarValue | undefined {
  if (a === undefined || b === undefined) return undefined;
  let result: Complex;
  switch (op) {
    case "Add":
      result = { real: a.real + b.real, imag: a.imag + b.imag };
      break;
    case "Sub":
      result = { real: a.real - b.real, imag: a.imag - b.imag };
      break;
    case "Mult":
      result = complexProduct(a, b);
      break;
    case "Div": {
      const quotient = complexQuotient(a, b);
      if (quotient.divisionByZero) return undefined;
      result = quotient;
      break;
    }
    case "Pow": {
      const power = complexPower(a, b);
      if (power.error !== null) return undefined;
      result = power;
      break;
    }
    default:
      return undefined;
  }
  return { kind: "complexFull", real: result.real, imag: result.imag };
}

function intArithmetic(op: ast.Operator, a: bigint, b: bigint): ScalarValue | undefined {
  switch (op) {
    case "Add":
      return { kind: "int", value: a + b };
    case "Sub":
      return { kind: "int", value: a - b };
    case "Mult":
      if (a !== 0n && b !== 0n && bitLength(a) + bitLength(b) > MAX_INT_BITS) return undefined;
      return { kind: "int", value: a * b };
    case "Div":
      return { kind: "float", value: intTrueDiv(a, b) };
    case "FloorDiv":
      if (b === 0n) return undefined;
      return { kind: "int", value: floorDiv(a, b) };
    case "Mod":
      if (b === 0n) return undefined;
      return { kind: "int", value: a - b * floorDiv(a, b) };
    case "Pow": {
      if (b > 0n && a !== 0n && BigInt(bitLength(a)) * b > BigInt(MAX_INT_BITS)) return undefined;
      const result = intPow(a, b);
      if (typeof result === "bigint") return { kind: "int", value: result };
      return typeof result === "number" ? { kind: "float", value: result } : undefined;
    }
    case "LShift":
      if (b < 0n || b > BigInt(MAX_INT_BITS) || bitLength(a) > MAX_INT_BITS - Number(b)) return undefined;
      return { kind: "int", value: a << b };
    case "RShift":
      if (b < 0n) return undefined;
      return { kind: "int", value: a >> b };
    case "BitAnd":
      return { kind: "int", value: a & b };
    case "BitOr":
      return { kind: "int", value: a | b };
    case "BitXor":
      return { kind: "int", value: a ^ b };
    default:
      return undefined;
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient;
}
