// Turns an expected line into pattern elements and an actual line into text with token marks.
//
// Expected and actual are aligned token by token, never by rewriting text: an expected address
// element must meet a whole actual address token of the same form (hex or decimal) at the same
// place, whatever the lengths of the two spellings; literal text must meet the same characters.
import { findAddresses, type AddressToken } from "./addresses.js";
import { findNumbers, type NumberToken } from "./numbers.js";

export type PatternElement =
  | { readonly kind: "literal"; readonly text: string }
  /** `...` inside a line (match=ellipsis): any text, possibly empty, within the line. */
  | { readonly kind: "wildcard" }
  | { readonly kind: "address"; readonly token: AddressToken }
  | { readonly kind: "number"; readonly token: NumberToken };

/** One line of an expected output, with the line it sits on in the lesson file. */
export interface ExpectedLine {
  readonly text: string;
  /** 1-based line in the lesson file. */
  readonly fileLine: number;
}

export interface LinePattern {
  readonly source: ExpectedLine;
  readonly elements: readonly PatternElement[];
  /** A line that is only `...` (match=ellipsis): any number of lines, none included. */
  readonly lineWildcard: boolean;
  readonly hasAddresses: boolean;
  readonly hasWildcards: boolean;
}

export interface ActualLine {
  readonly text: string;
  /** Address tokens by start offset. */
  readonly addressesAt: ReadonlyMap<number, AddressToken>;
  /** Number tokens by start offset (only filled for match=number). */
  readonly numbersAt: ReadonlyMap<number, NumberToken>;
}

export interface TokenOptions {
  /** Decimal ids are addresses (the cell calls `id(`). */
  readonly decimalIds: boolean;
  /** `...` is a wildcard (match=ellipsis). */
  readonly ellipsis: boolean;
  /** Numbers are compared with a tolerance (match=number). */
  readonly numbers: boolean;
}

export const ELLIPSIS = "...";

export function compilePattern(source: ExpectedLine, options: TokenOptions): LinePattern {
  if (options.ellipsis && source.text === ELLIPSIS) {
    return { source, elements: [], lineWildcard: true, hasAddresses: false, hasWildcards: true };
  }
  const elements: PatternElement[] = [];
  let cursor = 0;
  const pushText = (text: string): void => {
    if (!options.ellipsis) {
      if (text !== "") elements.push({ kind: "literal", text });
      return;
    }
    text.split(ELLIPSIS).forEach((piece, pieceIndex) => {
      if (pieceIndex > 0 && elements[elements.length - 1]?.kind !== "wildcard") elements.push({ kind: "wildcard" });
      if (piece !== "") elements.push({ kind: "literal", text: piece });
    });
  };
  for (const token of tokensOf(source.text, options)) {
    pushText(source.text.slice(cursor, token.start));
    elements.push(isAddress(token) ? { kind: "address", token } : { kind: "number", token });
    cursor = token.end;
  }
  pushText(source.text.slice(cursor));
  return {
    source,
    elements,
    lineWildcard: false,
    hasAddresses: elements.some((element) => element.kind === "address"),
    hasWildcards: elements.some((element) => element.kind === "wildcard"),
  };
}

export function readActualLine(text: string, options: TokenOptions): ActualLine {
  const addressesAt = new Map<number, AddressToken>();
  const numbersAt = new Map<number, NumberToken>();
  for (const token of tokensOf(text, options)) {
    if (isAddress(token)) addressesAt.set(token.start, token);
    else numbersAt.set(token.start, token);
  }
  return { text, addressesAt, numbersAt };
}

/** Addresses first; numbers (when wanted) only where no address is. Sorted by offset. */
function tokensOf(text: string, options: TokenOptions): (AddressToken | NumberToken)[] {
  const addresses = findAddresses(text, options);
  if (!options.numbers) return addresses;
  const numbers = findNumbers(text).filter(
    (number) => !addresses.some((address) => address.start < number.end && number.start < address.end),
  );
  return [...addresses, ...numbers].sort((a, b) => a.start - b.start);
}

function isAddress(token: AddressToken | NumberToken): token is AddressToken {
  return "form" in token;
}

/**
 * A line's shape with addresses blanked out: lines of equal shape differ only in addresses.
 * Used to group lines for match=unordered.
 */
export function shapeOf(pattern: LinePattern): string {
  return pattern.elements
    .map((element) => {
      switch (element.kind) {
        case "literal":
          return element.text;
        case "address":
          return `\u0000${element.token.form}\u0000`;
        case "number":
          return element.token.text;
        case "wildcard":
          return ELLIPSIS;
      }
    })
    .join("");
}

export function actualShapeOf(line: ActualLine): string {
  let shape = "";
  let cursor = 0;
  for (const token of [...line.addressesAt.values()].sort((a, b) => a.start - b.start)) {
    shape += `${line.text.slice(cursor, token.start)}\u0000${token.form}\u0000`;
    cursor = token.end;
  }
  return shape + line.text.slice(cursor);
}
