// IPython's helper objects for call-shaped displays: CallExpression (`Name(arg, key=value)`,
// wrapped like a call) and RawText (text shown as is).
import type { PyObject } from "../runtime/object.js";
import type { PrettyHelper, RepresentationPrinter } from "./representation-printer.js";
import { pythonLength } from "./layout.js";

/** A value inside a call expression: a Python object (pretty-printed) or a helper. */
export type Shown = PyObject | PrettyHelper;

function isHelper(value: Shown): value is PrettyHelper {
  return typeof (value as Partial<PrettyHelper>).prettyInto === "function";
}

export function showValue(printer: RepresentationPrinter, value: Shown): void {
  if (isHelper(value)) printer.prettyHelper(value);
  else printer.pretty(value);
}

/** `p.pretty(RawText(value))`: the text itself. */
export class RawText implements PrettyHelper {
  constructor(readonly value: string) {}

  prettyInto(printer: RepresentationPrinter): void {
    printer.text(this.value);
  }
}

/** IPython.lib.pretty.CallExpression: arguments are borrowed for as long as it is shown. */
export class CallExpression implements PrettyHelper {
  constructor(
    readonly name: string,
    readonly args: readonly Shown[],
    readonly keywords: readonly (readonly [string, Shown])[] = [],
  ) {}

  prettyInto(printer: RepresentationPrinter): void {
    let started = false;
    const newItem = (): void => {
      if (started) {
        printer.text(",");
        printer.breakable();
      }
      started = true;
    };
    const prefix = `${this.name}(`;
    const step = pythonLength(prefix);
    printer.beginGroup(step, prefix);
    try {
      for (const arg of this.args) {
        newItem();
        showValue(printer, arg);
      }
      for (const [name, value] of this.keywords) {
        newItem();
        const argumentPrefix = `${name}=`;
        const argumentStep = pythonLength(argumentPrefix);
        printer.beginGroup(argumentStep, argumentPrefix);
        try {
          showValue(printer, value);
        } finally {
          printer.endGroup(argumentStep);
        }
      }
    } finally {
      printer.endGroup(step, ")");
    }
  }
}
