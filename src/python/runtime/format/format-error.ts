// The error the formatting kernels raise: the runtime turns it into a Python exception.

/** The Python exception types the kernels can raise. */
export type FormatErrorType = "ValueError" | "TypeError" | "OverflowError" | "ZeroDivisionError" | "MemoryError";

/**
 * A Python exception described as data. `message` is CPython's exact wording for the version the
 * kernel was asked to model, since lessons print it byte for byte.
 */
export class FormatError extends Error {
  readonly pythonType: FormatErrorType;

  constructor(pythonType: FormatErrorType, message: string) {
    super(message);
    this.name = "FormatError";
    this.pythonType = pythonType;
  }
}

/** The CPython version whose behaviour is modelled; `patch` only matters for backported changes. */
export interface FormatVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch?: number;
}

/** The newest behaviour, used when a caller does not say which version it models. */
export const LATEST_VERSION: FormatVersion = { major: 3, minor: 13 };

/** True when `version` is `3.minor` or later (every modelled version is 3.x). */
export function atLeast(version: FormatVersion, minor: number): boolean {
  return version.major > 3 || (version.major === 3 && version.minor >= minor);
}

/**
 * Longest text a kernel builds (code units). Past it CPython would be allocating gigabytes, and
 * reports MemoryError with an empty message; so do the kernels, rather than crash V8.
 */
export const MAX_TEXT_LENGTH = 2 ** 28;

/** Throws MemoryError when a result of `length` units would exceed MAX_TEXT_LENGTH. */
export function checkTextLength(length: number): void {
  if (length > MAX_TEXT_LENGTH) throw new FormatError("MemoryError", "");
}
