// IPython's DisplayFormatter.format reduced to what a notebook's text shows: `_ipython_display_`,
// `_repr_mimebundle_`'s text/plain, the pretty printer, and the calls IPython makes to the other
// formatters' `_repr_*_` methods (their side effects show; their results do not).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyType } from "../runtime/type.js";
import { PyRaise, Unsupported, discardRaise, raisedIs } from "../runtime/errors.js";
import { callable } from "../runtime/abstract/object-protocol.js";
import { PyDict, dictGetItem } from "../runtime/types/dict.js";
import { PyTuple } from "../runtime/types/tuple.js";
import { newStr } from "../runtime/types/str.js";
import { attributeOrNull, callWith, isCatchableException, textOf } from "./python-access.js";
import { prettyText } from "./pretty.js";
import { printerTables } from "./printer-tables.js";
import { classOf } from "./representation-printer.js";

/** What a display shows: the text/plain (null: nothing), and the first formatter error. */
export interface DisplayOutcome {
  readonly text: string | null;
  /** An exception a formatter raised: IPython shows its traceback and goes on. Owned. */
  readonly error: PyRaise | null;
}

/** The formatters after text/plain, in IPython's order: method name and accepted result types. */
const OTHER_FORMATTERS: readonly (readonly [string, string, readonly ("str" | "bytes" | "list" | "dict")[]])[] = [
  ["text/html", "_repr_html_", ["str"]],
  ["text/markdown", "_repr_markdown_", ["str"]],
  ["image/svg+xml", "_repr_svg_", ["str"]],
  ["image/png", "_repr_png_", ["bytes", "str"]],
  ["application/pdf", "_repr_pdf_", ["bytes", "str"]],
  ["image/jpeg", "_repr_jpeg_", ["bytes", "str"]],
  ["text/latex", "_repr_latex_", ["str"]],
  ["application/json", "_repr_json_", ["list", "dict"]],
  ["application/javascript", "_repr_javascript_", ["str"]],
];

const CANARY = "_ipython_canary_method_should_not_exist_";

/**
 * IPython.utils.dir2.get_real_method: the callable attribute `name` of `value`, or null when the
 * object claims every attribute (the canary), the lookup fails, or `value` is a class and the
 * attribute is not a bound method. New reference.
 */
function realMethod(value: PyObject, name: string): PyObject | null {
  const canary = swallowing(() => attributeOrNull(value, CANARY));
  if (canary === undefined) return null;
  if (canary !== null) {
    const claimed = canary !== rt.None;
    decref(canary);
    if (claimed) return null;
  }
  const found = swallowing(() => attributeOrNull(value, name));
  if (found === undefined || found === null) return null;
  if ((value instanceof PyType && found.type !== rt.types.method) || !callable(found)) {
    decref(found);
    return null;
  }
  return found;
}

/** `try: … except Exception: …` returning undefined for the except branch. */
function swallowing<T>(body: () => T): T | undefined {
  try {
    return body();
  } catch (error) {
    if (isCatchableException(error)) {
      discardRaise(error);
      return undefined;
    }
    throw error;
  }
}

/** One formatter call under `catch_format_error`: NotImplementedError is silent, other errors kept. */
class FormatterRun {
  error: PyRaise | null = null;

  run<T>(body: () => T): T | null {
    try {
      return body();
    } catch (error) {
      if (!isCatchableException(error)) throw error;
      if (raisedIs(error, rt.exc.NotImplementedError) || this.error !== null) discardRaise(error);
      else this.error = error;
      return null;
    }
  }
}

function isOfKind(value: PyObject, kinds: readonly ("str" | "bytes" | "list" | "dict")[]): boolean {
  const types = rt.types;
  return kinds.some((kind) => value.type.isSubtypeOf(kind === "str" ? types.str : kind === "bytes" ? types.bytes : kind === "list" ? types.list : types.dict));
}

/** BaseFormatter._check_return: None, the right type, or a tuple starting with it; else a warning. */
function checkReturn(result: PyObject, kinds: readonly ("str" | "bytes" | "list" | "dict")[], mime: string): void {
  if (result === rt.None || isOfKind(result, kinds)) return;
  if (result instanceof PyTuple && result.items.length > 0 && isOfKind(result.items[0]!, kinds)) return;
  throw new Unsupported(`IPython's FormatterWarning (${mime} formatter returned a ${result.type.name})`);
}

/** `_repr_mimebundle_(include=None, exclude=None)` as MimeBundleFormatter returns it: the data dict. */
function mimeBundle(value: PyObject, formatters: FormatterRun): PyDict | null {
  return formatters.run(() => {
    const method = realMethod(value, "_repr_mimebundle_");
    if (method === null) return null;
    let result: PyObject;
    try {
      result = callWith(method, [], [
        ["include", rt.None],
        ["exclude", rt.None],
      ]);
    } finally {
      decref(method);
    }
    try {
      checkReturn(result, ["dict"], "text/plain");
      const data = result instanceof PyTuple ? result.items[0]! : result;
      if (data === rt.None) return null;
      if (!(data instanceof PyDict)) throw new Unsupported("IPython display of a _repr_mimebundle_ result that is not a dict");
      data.refcount++;
      return data;
    } finally {
      decref(result);
    }
  });
}

function bundleEntry(bundle: PyDict | null, mime: string): PyObject | null {
  if (bundle === null) return null;
  const key = newStr(mime);
  try {
    return dictGetItem(bundle, key);
  } finally {
    decref(key);
  }
}

/** PlainTextFormatter.lookup(obj) succeeds: a singleton or a registered class on the MRO. */
function hasPlainTextPrinter(value: PyObject): boolean {
  if (value === rt.None || value === rt.True || value === rt.False || value === rt.Ellipsis || value === rt.NotImplemented) return true;
  const klass = classOf(value);
  try {
    const tables = printerTables();
    return klass.mro.some((base) => tables.printerFor(base) !== null);
  } finally {
    decref(klass);
  }
}

/** What IPython's display hook shows for `value` (borrowed), and the first formatter error. */
export function formatForDisplay(value: PyObject): DisplayOutcome {
  const formatters = new FormatterRun();
  const handledItself = formatters.run(() => {
    const method = realMethod(value, "_ipython_display_");
    if (method === null) return false;
    try {
      decref(callWith(method, []));
    } finally {
      decref(method);
    }
    return true;
  });
  if (handledItself === true) return { text: null, error: formatters.error };
  const bundle = mimeBundle(value, formatters);
  try {
    let text: string | null;
    const bundledText = bundleEntry(bundle, "text/plain");
    if (bundledText !== null && !hasPlainTextPrinter(value)) {
      text = textOf(bundledText);
      if (text === null) throw new Unsupported("IPython display of a non-str text/plain from _repr_mimebundle_");
    } else {
      text = formatters.run(() => prettyText(value));
    }
    for (const [mime, methodName, kinds] of OTHER_FORMATTERS) {
      if (bundleEntry(bundle, mime) !== null) continue;
      formatters.run(() => {
        const method = realMethod(value, methodName);
        if (method === null) return;
        try {
          const result = callWith(method, []);
          try {
            checkReturn(result, kinds, mime);
          } finally {
            decref(result);
          }
        } finally {
          decref(method);
        }
      });
    }
    return { text, error: formatters.error };
  } finally {
    if (bundle !== null) decref(bundle);
  }
}
