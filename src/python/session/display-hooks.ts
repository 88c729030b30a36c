// What happens to a displayed value: IPython's DisplayHook (Out, _N, _, __, ___ and their
// references, FACTS §6.2) or the plain interpreter's sys.displayhook (builtins._).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { newDict, dictSetItem, type PyDict } from "../runtime/types/dict.js";
import { newInt } from "../runtime/types/int.js";
import { newStr } from "../runtime/types/str.js";
import type { PyList } from "../runtime/types/list.js";
import { reprText } from "../runtime/abstract/object-protocol.js";
import { formatForDisplay } from "../display/display-formatter.js";
import { setNamespaceValue } from "./namespace.js";
import { refusePartialListing } from "../modules/partial-listings.js";
import { writeOutput } from "../modules/output.js";

export interface DisplayHook {
  beginCell(count: number, source: string): void;
  endCell(): void;
}

/** True when the cell's last statement ends with `;` (IPython then shows nothing). */
function endsWithSemicolon(source: string): boolean {
  const lines = source.split("\n").map((line) => line.replace(/#.*$/, "").trimEnd()).filter((line) => line.length > 0);
  const last = lines[lines.length - 1];
  return last !== undefined && last.endsWith(";");
}

/**
 * IPython's display hook. References a displayed value gains: Out[N] (1); `_N` in the user
 * namespace and in the hidden namespace (2); `_` as the hook's attribute, in the user and the
 * hidden namespace (3); the last execution result until the next cell starts (1).
 */
export class IPythonDisplay implements DisplayHook {
  private readonly out: PyDict;
  /** IPython's user_ns_hidden: the same names pushed with interactive=False. */
  private readonly hidden: PyDict;
  private underscore: PyObject;
  private doubleUnderscore: PyObject;
  private tripleUnderscore: PyObject;
  private lastResult: PyObject | null = null;
  /** The value displayed by the running cell, if any. */
  private cellResult: PyObject | null = null;
  private count = 0;
  private quiet = false;

  constructor(
    private readonly namespace: PyDict,
    private readonly inputs: PyList,
  ) {
    this.out = newDict();
    this.hidden = newDict();
    // init_user_ns's order: _ih, _oh, (_dh, the kernel's working directory: not simulated), In, Out.
    for (const [name, value] of [["_ih", inputs], ["_oh", this.out], ["In", inputs], ["Out", this.out]] as const) {
      value.refcount++;
      setNamespaceValue(namespace, name, value);
    }
    const empty = (): PyObject => newStr("");
    this.underscore = empty();
    this.doubleUnderscore = empty();
    this.tripleUnderscore = empty();
    for (const name of ["_", "__", "___", "_i", "_ii", "_iii"]) setNamespaceValue(namespace, name, empty());
    rt.ops.displayHook = (value) => this.show(value);
  }

  beginCell(count: number, source: string): void {
    this.count = count;
    this.quiet = endsWithSemicolon(source);
    rt.ops.displayHook = (value) => this.show(value);
    // store_inputs: In[N], _i, _ii, _iii, _iN.
    const text = newStr(source);
    this.inputs.items.push(text);
    const history = this.inputs.items;
    const previous = (back: number): PyObject => {
      const item = history[history.length - 1 - back] ?? newStr("");
      if (history[history.length - 1 - back] !== undefined) item.refcount++;
      return item;
    };
    setNamespaceValue(this.namespace, "_iii", previous(3));
    setNamespaceValue(this.namespace, "_ii", previous(2));
    setNamespaceValue(this.namespace, "_i", previous(1));
    text.refcount++;
    setNamespaceValue(this.namespace, `_i${count}`, text);
  }

  endCell(): void {
    // IPython's last_execution_result: a cell's result stays referenced until the next cell
    // ends (then that cell's result, or nothing, replaces it).
    const previous = this.lastResult;
    this.lastResult = this.cellResult;
    this.cellResult = null;
    if (previous !== null) decref(previous);
  }

  private push(name: string, value: PyObject): void {
    value.refcount += 2;
    setNamespaceValue(this.namespace, name, value);
    setNamespaceValue(this.hidden, name, value);
  }

  private show(value: PyObject): void {
    try {
      if (value === rt.None || this.quiet) return;
      refusePartialListing(value, "the display");
      // A formatter that raises still leaves the value in the history (IPython shows the
      // traceback after storing it), so the error is re-raised at the end.
      // What IPython's formatters hold of the value while they run is not modelled.
      const outer = rt.refcountsUnknownWhile;
      rt.refcountsUnknownWhile = "while IPython formats a displayed value";
      let outcome;
      try {
        outcome = formatForDisplay(value);
      } finally {
        rt.refcountsUnknownWhile = outer;
      }
      if (outcome.text !== null) writeOutput("stdout", outcome.text + "\n");
      // update_user_ns: rotate _, __, ___ then store _N and Out[N].
      const oldTriple = this.tripleUnderscore;
      this.tripleUnderscore = this.doubleUnderscore;
      this.doubleUnderscore = this.underscore;
      value.refcount++;
      this.underscore = value;
      decref(oldTriple);
      this.push("_", this.underscore);
      this.push("__", this.doubleUnderscore);
      this.push("___", this.tripleUnderscore);
      this.push(`_${this.count}`, value);
      const key = newInt(this.count);
      dictSetItem(this.out, key, value);
      decref(key);
      value.refcount++;
      this.cellResult = value;
      if (outcome.error !== null) throw outcome.error;
    } finally {
      decref(value);
    }
  }
}

/** `python -i`: sys.displayhook prints repr(value) and stores it in builtins._. */
export class ReplDisplay implements DisplayHook {
  constructor() {
    rt.ops.displayHook = (value) => this.show(value);
  }

  beginCell(): void {
    rt.ops.displayHook = (value) => this.show(value);
  }

  endCell(): void {}

  private show(value: PyObject): void {
    try {
      if (value === rt.None) return;
      refusePartialListing(value, "the display");
      rt.None.refcount++;
      setNamespaceValue(rt.builtins.dict, "_", rt.None);
      // sys.displayhook writes the repr and the newline as two writes.
      writeOutput("stdout", reprText(value));
      writeOutput("stdout", "\n");
      value.refcount++;
      setNamespaceValue(rt.builtins.dict, "_", value);
    } finally {
      decref(value);
    }
  }
}
