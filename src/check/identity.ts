// Identity bookkeeping: which actual address each expected address stands for, across a lesson.
//
// Invariants kept by IdentityLedger:
// - lesson-wide, one expected address value maps to exactly one actual address value (the
//   lesson shows one object: the run must show one object);
// - within one cell, two different expected addresses map to two different actual addresses
//   (the lesson shows two objects: the run must show two). Across cells the run may reuse an
//   address for a new object, as CPython's free lists do, so this is checked per cell only.
// Bindings are made tentatively while a matcher explores alignments and undone on backtrack
// (mark/rollback); a cell's bindings are kept only when the cell's output matched.
import { addressKey, type AddressToken } from "./addresses.js";

export interface Binding {
  readonly expected: AddressToken;
  readonly actual: AddressToken;
  /** Index of the cell whose output made the binding. */
  readonly cellIndex: number;
  /** 1-based line in the lesson file of the expected address. */
  readonly expectedLine: number;
}

/**
 * split: an expected address already bound to one actual address meets another (one object in
 * the lesson, two in the run). merged: two expected addresses of one cell meet the same actual
 * address (two objects in the lesson, one in the run).
 */
export interface IdentityViolation {
  readonly kind: "split" | "merged";
  /** The binding this one would have been. */
  readonly attempted: Binding;
  /** The earlier binding it contradicts. */
  readonly prior: Binding;
}

/** What the matchers call when they align an expected address with an actual one. */
export interface Binder {
  bind(expected: AddressToken, actual: AddressToken, expectedLine: number): IdentityViolation | undefined;
  /** A point to come back to when an alignment is abandoned. */
  mark(): number;
  rollback(mark: number): void;
}

export class IdentityLedger implements Binder {
  /** expected address key -> binding, for the whole lesson. */
  private readonly lessonBindings = new Map<string, Binding>();
  /** actual address key -> binding, for the current cell only. */
  private cellBindings = new Map<string, Binding>();
  private readonly undoLog: (() => void)[] = [];
  private cellIndex = -1;

  /** Starts checking a cell: bindings made from here on belong to it until commit/rollback. */
  beginCell(cellIndex: number): void {
    this.cellIndex = cellIndex;
    this.cellBindings = new Map();
    this.undoLog.length = 0;
  }

  bind(expected: AddressToken, actual: AddressToken, expectedLine: number): IdentityViolation | undefined {
    const attempted: Binding = { expected, actual, cellIndex: this.cellIndex, expectedLine };
    const expectedKey = addressKey(expected);
    const actualKey = addressKey(actual);
    const prior = this.lessonBindings.get(expectedKey);
    if (prior && addressKey(prior.actual) !== actualKey) return { kind: "split", attempted, prior };
    const sameActual = this.cellBindings.get(actualKey);
    if (sameActual && addressKey(sameActual.expected) !== expectedKey) {
      return { kind: "merged", attempted, prior: sameActual };
    }
    if (!prior) {
      this.lessonBindings.set(expectedKey, attempted);
      this.undoLog.push(() => this.lessonBindings.delete(expectedKey));
    }
    if (!sameActual) {
      this.cellBindings.set(actualKey, attempted);
      this.undoLog.push(() => this.cellBindings.delete(actualKey));
    }
    return undefined;
  }

  mark(): number {
    return this.undoLog.length;
  }

  rollback(mark: number): void {
    while (this.undoLog.length > mark) this.undoLog.pop()!();
  }

  /** Keeps the current cell's bindings for the rest of the lesson. */
  commitCell(): void {
    this.undoLog.length = 0;
  }

  /** Forgets every binding: the engine restarted, so earlier addresses mean nothing now. */
  reset(): void {
    this.lessonBindings.clear();
    this.cellBindings.clear();
    this.undoLog.length = 0;
  }

  /** The binding of an expected address, if any (for messages and tests). */
  bindingOf(expected: AddressToken): Binding | undefined {
    return this.lessonBindings.get(addressKey(expected));
  }
}

/** A binder that accepts every pairing and records the alignment: used to tell text
 *  mismatches from identity mismatches, and to find which binding broke. */
export class RecordingBinder implements Binder {
  readonly pairs: { expected: AddressToken; actual: AddressToken; expectedLine: number }[] = [];

  bind(expected: AddressToken, actual: AddressToken, expectedLine: number): undefined {
    this.pairs.push({ expected, actual, expectedLine });
    return undefined;
  }

  mark(): number {
    return this.pairs.length;
  }

  rollback(mark: number): void {
    this.pairs.length = mark;
  }
}

/** A sentence naming the address that broke which earlier binding, and where. */
export function describeViolation(violation: IdentityViolation): string {
  const { attempted, prior } = violation;
  if (violation.kind === "split") {
    const where =
      prior.cellIndex === attempted.cellIndex
        ? `at line ${prior.expectedLine} of this cell`
        : `at line ${prior.expectedLine} (cell ${prior.cellIndex})`;
    return (
      `identity broken: ${attempted.expected.text} at line ${attempted.expectedLine} is ` +
      `${attempted.actual.text} in this run, but the same address ${where} was ${prior.actual.text}: ` +
      `the lesson shows one object, the run has two`
    );
  }
  return (
    `identity broken: ${attempted.expected.text} at line ${attempted.expectedLine} and ` +
    `${prior.expected.text} at line ${prior.expectedLine} are different objects in the lesson, ` +
    `but both are ${attempted.actual.text} in this run`
  );
}
