// print(*objects, sep=' ', end='\n', file=None, flush=False), writing piece by piece as CPython
// does: each str() is taken just before it is written, so an error midway leaves the earlier
// pieces printed, and a file object sees one write() per piece.
import { refuseLoneSurrogateOutput } from "../runtime/types/str-surrogates.js";
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import { typeError, runtimeError } from "../runtime/errors.js";
import { newNone } from "../runtime/values.js";
import { PyStr, newStr, internName } from "../runtime/types/str.js";
import { dictGetItem } from "../runtime/types/dict.js";
import { positionalArgumentTuple } from "../runtime/argument-tuple.js";
import { str as strOf, call } from "../runtime/abstract/object-protocol.js";
import { getAttr } from "../runtime/abstract/attributes.js";
import { isTrue } from "../runtime/abstract/truth.js";
import { PyStream } from "./streams.js";
import { writeOutput } from "./output.js";
import { refusePartialListing } from "./partial-listings.js";
import { splitArguments, checkKeywords } from "./arguments.js";

const PRINT_KEYWORDS = ["sep", "end", "file", "flush"];

/** sys.stdout as the running program sees it (borrowed), or null when it is missing. */
function currentStdout(): PyObject | null {
  const key = internName("stdout");
  try {
    return dictGetItem(rt.sys.dict, key);
  } finally {
    decref(key);
  }
}

/** sep/end: None or a str (subclasses included), as print() checks before writing anything. */
function textArgument(value: PyObject | undefined, what: string): PyStr | null {
  if (value === undefined || value === rt.None) return null;
  if (!value.type.isSubtypeOf(rt.types.str)) throw typeError(`${what} must be None or a string, not ${value.type.name}`);
  return value as PyStr;
}

/** PyFile_WriteObject(text, file, Py_PRINT_RAW): one file.write(str) call. */
function writeTo(file: PyObject, text: PyStr): void {
  if (file instanceof PyStream) {
    refuseLoneSurrogateOutput(text.value, text.kind);
    writeOutput(file.stream, text.value);
    return;
  }
  const key = internName("write");
  let write: PyObject;
  try {
    write = getAttr(file, key);
  } finally {
    decref(key);
  }
  try {
    decref(call(write, { values: [text], kwnames: null }));
  } finally {
    decref(write);
  }
}

function writeText(file: PyObject, text: string): void {
  const object = newStr(text);
  try {
    writeTo(file, object);
  } finally {
    decref(object);
  }
}

function flush(file: PyObject): void {
  if (file instanceof PyStream) return;
  const key = internName("flush");
  let method: PyObject;
  try {
    method = getAttr(file, key);
  } finally {
    decref(key);
  }
  try {
    decref(call(method, { values: [], kwnames: null }));
  } finally {
    decref(method);
  }
}

export function print(_self: PyObject, args: CallArgs): PyObject {
  // 3.11–3.13's Argument Clinic print gathers *args into a tuple that holds the objects while
  // they are written (measured: the refcount inside __str__ is one higher than on 3.10).
  const minor = rt.profile.minor;
  if (minor < 11 || minor > 13) return printObjects(args);
  const gathered = positionalArgumentTuple(args.values, args.values.length - (args.kwnames?.length ?? 0));
  try {
    return printObjects(args);
  } finally {
    decref(gathered);
  }
}

function printObjects(args: CallArgs): PyObject {
  const { positional, keywords } = splitArguments(args);
  checkKeywords("print", keywords, PRINT_KEYWORDS);
  for (const value of positional) refusePartialListing(value, "print()");
  const fileArgument = keywords.get("file");
  const file = fileArgument === undefined || fileArgument === rt.None ? currentStdout() : fileArgument;
  if (file === null) throw runtimeError("lost sys.stdout");
  // sys.stdout set to None: print() does nothing (pythonw and closed streams).
  if (file === rt.None) return newNone();
  const separator = textArgument(keywords.get("sep"), "sep");
  const end = textArgument(keywords.get("end"), "end");
  file.refcount++;
  try {
    positional.forEach((value, index) => {
      if (index > 0) {
        if (separator === null) writeText(file, " ");
        else writeTo(file, separator);
      }
      const text = strOf(value);
      try {
        writeTo(file, text);
      } finally {
        decref(text);
      }
    });
    if (end === null) writeText(file, "\n");
    else writeTo(file, end);
    const flushArgument = keywords.get("flush");
    if (flushArgument !== undefined && isTrue(flushArgument)) flush(file);
  } finally {
    decref(file);
  }
  return newNone();
}
