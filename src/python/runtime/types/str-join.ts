// str.join (PyUnicode_Join): one exact str item is returned itself; the rest is a new str.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError, PyRaise, raisedIs, discardRaise } from "../errors.js";
import { PyStr, newStr, newLatin1StrObject, newAsciiStr, decimalLength } from "./str.js";
import { PyList } from "./list.js";
import { PyTuple } from "./tuple.js";
import { getIter } from "../abstract/iteration.js";
import { collectItems } from "./sequence-helpers.js";
import { freshStr } from "./str-text.js";
import { checkJoinedPieces } from "./str-surrogates.js";
import { refusePartialListing } from "../../modules/partial-listings.js";

/** PySequence_Fast(iterable, "can only join an iterable"): the items as new references. */
export function itemsOf(iterable: PyObject): PyObject[] {
  if (iterable instanceof PyList || iterable instanceof PyTuple) return collectItems(iterable);
  let iterator: PyObject;
  try {
    iterator = getIter(iterable);
  } catch (error) {
    if (error instanceof PyRaise && raisedIs(error, rt.exc.TypeError)) {
      discardRaise(error);
      throw typeError("can only join an iterable");
    }
    throw error;
  }
  try {
    return collectItems(iterator);
  } finally {
    decref(iterator);
  }
}

/**
 * separator.join(iterable): a new reference. A list or tuple is read in place, as
 * PySequence_Fast hands back the sequence itself: nothing here runs Python code, so no item
 * can go away while it is read, and the items' counts are left alone as CPython leaves them.
 */
export function joinStrings(separator: PyStr, iterable: PyObject): PyObject {
  refusePartialListing(iterable, "str.join()");
  if (iterable instanceof PyList || iterable instanceof PyTuple) return joinItems(separator, iterable.items);
  const items = itemsOf(iterable);
  try {
    return joinItems(separator, items);
  } finally {
    for (let i = 0; i < items.length; i++) decref(items[i]!);
  }
}

/** PyUnicode_Join over borrowed items: one exact str item is returned itself. */
function joinItems(separator: PyStr, items: readonly PyObject[]): PyObject {
  const count = items.length;
  if (count === 0) return newStr("");
  if (count === 1 && items[0]!.type === rt.types.str) {
    items[0]!.refcount++;
    return items[0]!;
  }
  // The widest part decides the result's storage width; all kind 1 means no rescan is needed.
  // Wider parts take the scanning path (surrogates can pair up across a boundary in JS text).
  let allLatin1 = count === 1 || separator.kind === 1;
  let length = count === 1 ? 0 : separator.value.length * (count - 1);
  const str = rt.types.str;
  for (let index = 0; index < count; index++) {
    const item = items[index]!;
    if (item.type !== str && !(item instanceof PyStr)) throw typeError(`sequence item ${index}: expected str instance, ${item.type.name} found`);
    if ((item as PyStr).kind !== 1) allLatin1 = false;
    // An int's digits not yet spelled out stay a number here and in joinLatin1 (see PyStr.text).
    const text = (item as PyStr).textOrDigits;
    length += typeof text === "string" ? text.length : decimalLength(text);
  }
  if (length === 0) return newStr("");
  if (allLatin1 && count >= MANY_PARTS) return joinLatin1(separator.value, items as readonly PyStr[], length);
  const parts = new Array<string>(count);
  for (let index = 0; index < count; index++) parts[index] = (items[index] as PyStr).value;
  const text = parts.join(count === 1 ? "" : separator.value);
  if (allLatin1) return newLatin1StrObject(text);
  const result = freshStr(text);
  // Only a result holding a pair can have joined two lone surrogates: then look at the seams.
  if (result.kind === 4) {
    try {
      checkJoinedPieces(parts, count === 1 ? "" : separator.value, "str.join");
    } catch (error) {
      decref(result);
      throw error;
    }
  }
  return result;
}

/** From this many parts on, Latin-1 text is joined in a byte buffer (Array.join is slower there). */
const MANY_PARTS = 64;
/** Parts up to this long are copied unit by unit; longer ones with one native write. */
const SHORT_PART = 16;

/**
 * The join of Latin-1 strs (`length` code units in all) written into one byte buffer, as a
 * new str. Text seen to be ASCII while it is copied is not scanned again for its size.
 */
function joinLatin1(separator: string, items: readonly PyStr[], length: number): PyStr {
  const buffer = Buffer.allocUnsafe(length);
  const separatorLength = separator.length;
  const separatorUnit = separator.charCodeAt(0);
  // The bits of every unit copied one by one; `seenAll` turns false once text is copied natively.
  let units = 0;
  for (let i = 0; i < separatorLength; i++) units |= separator.charCodeAt(i);
  let seenAll = true;
  let at = 0;
  for (let index = 0; index < items.length; index++) {
    if (index !== 0 && separatorLength !== 0) {
      if (separatorLength === 1) buffer[at++] = separatorUnit;
      else at += buffer.write(separator, at, "latin1");
    }
    const text = items[index]!.textOrDigits;
    if (typeof text !== "string") {
      at = writeDecimal(buffer, at, text);
      continue;
    }
    const size = text.length;
    if (size <= SHORT_PART) {
      for (let i = 0; i < size; i++) {
        const unit = text.charCodeAt(i);
        units |= unit;
        buffer[at++] = unit;
      }
    } else {
      at += buffer.write(text, at, "latin1");
      seenAll = false;
    }
  }
  const text = buffer.toString("latin1", 0, length);
  return seenAll && units < 0x80 ? newAsciiStr(text) : newLatin1StrObject(text);
}

/** Writes the decimal digits of an int32 (ASCII) at `at`; returns the offset after them. */
function writeDecimal(buffer: Buffer, at: number, number: number): number {
  const end = at + decimalLength(number);
  let rest = number;
  if (rest < 0) {
    buffer[at] = 0x2d; // '-'
    rest = -rest;
  }
  // `rest` is at most 2**31, so each quotient is an int32 again.
  for (let position = end - 1; rest >= 10; position--) {
    const quotient = (rest / 10) | 0;
    buffer[position] = 0x30 + rest - quotient * 10;
    rest = quotient;
  }
  buffer[number < 0 ? at + 1 : at] = 0x30 + rest;
  return end;
}
