// Reads JSON text, turning a syntax error into a place (line, column) in the text.
import { LineIndex } from "../lesson/line-index.js";
import { findJsonError } from "./json-error-place.js";

export type JsonReadResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly reason: string };

export function readJson(text: string): JsonReadResult {
  // A byte order mark is legal at the start of a file but not in JSON.parse's input.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const shift = body.length === text.length ? 0 : 1;
    // JSON.parse does not always give a position ("Unexpected token ','"): find it ourselves.
    const place = findJsonError(body) ?? { offset: body.length, reason: error.message };
    const { line, column } = new LineIndex(text).position(place.offset + shift);
    const reason = place.reason;
    return { ok: false, line, column, reason };
  }
}
