// Which printer shows which class: IPython's type printers (by class), its deferred printers (by
// module and name, moved to the type table on first use, per session) and the PlainTextFormatter
// override for float.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { PyType } from "../runtime/type.js";
import type { Runtime } from "../runtime/runtime.js";
import { Unsupported } from "../runtime/errors.js";
import { decref } from "../runtime/object.js";
import type { RepresentationPrinter } from "./representation-printer.js";
import { printRepr } from "./repr-printers.js";
import { printMapping, printSequence, printSet } from "./container-printers.js";
import { printType } from "./type-printer.js";
import { printFunction } from "./function-printer.js";
import { printException, printSimpleNamespace, printSuper } from "./special-printers.js";
import { printCounter, printDefaultdict, printDeque, printOrderedDict, printUserList } from "./collections-printers.js";
import { safeAttribute, textOf } from "./python-access.js";

/** A printer: shows `value` (borrowed); `cycle` is true when `value` is already being printed. */
export type Printer = (value: PyObject, printer: RepresentationPrinter, cycle: boolean) => void;

interface NamedPrinter {
  readonly printer: Printer;
  /**
   * IPython registers these by the class object itself; the simulator matches them by name, and
   * only on built-in (static) classes so that a user class of the same name is not taken for them.
   */
  readonly builtinClassOnly: boolean;
}

function refuse(what: string): Printer {
  return () => {
    throw new Unsupported(`IPython display of ${what}`);
  };
}

function namedPrinters(): Map<string, NamedPrinter> {
  const deferred = (printer: Printer): NamedPrinter => ({ printer, builtinClassOnly: false });
  const byClass = (printer: Printer): NamedPrinter => ({ printer, builtinClassOnly: true });
  return new Map<string, NamedPrinter>([
    // IPython's _deferred_type_pprinters (for_type_by_name).
    [key("collections", "defaultdict"), deferred(printDefaultdict)],
    [key("collections", "OrderedDict"), deferred(printOrderedDict)],
    [key("collections", "deque"), deferred(printDeque)],
    [key("collections", "Counter"), deferred(printCounter)],
    [key("collections", "UserList"), deferred(printUserList)],
    // IPython's _type_pprinters entries for classes of modules the simulator may not have.
    [key("types", "SimpleNamespace"), byClass(printSimpleNamespace)],
    [key("datetime", "datetime"), byClass(printRepr)],
    [key("datetime", "timedelta"), byClass(printRepr)],
    [key("re", "Pattern"), byClass(refuse("re.Pattern (re.compile(...) layout)"))],
    [key("os", "_Environ"), { printer: printMapping("environ{", "}"), builtinClassOnly: false }],
  ]);
}

function key(module: string, name: string): string {
  return `${module}\u0000${name}`;
}

/** The printer tables of one session (IPython's PlainTextFormatter keeps them per shell). */
export class PrinterTables {
  private readonly byClass: Map<PyType, Printer>;
  private readonly byName = namedPrinters();

  constructor() {
    const types = rt.types;
    this.byClass = new Map<PyType, Printer>([
      [types.int, printRepr],
      // PlainTextFormatter replaces IPython.lib.pretty's float printer by '%r' % obj: a repr.
      [types.float, printRepr],
      [types.str, printRepr],
      [types.tuple, printSequence("(", ")")],
      [types.list, printSequence("[", "]")],
      [types.dict, printMapping("{", "}")],
      [types.set, printSet("{", "}")],
      [types.frozenset, printSet("frozenset({", "})")],
      [types.super, printSuper],
      [types.type, printType],
      [types.function, printFunction],
      [types.builtin_function_or_method, printFunction],
      [types.method, printRepr],
      [rt.exc.BaseException, printException],
      [types.mappingproxy, printMapping("mappingproxy({", "})")],
      [types.slice, printRepr],
      [types.range, printRepr],
      [types.bytes, printRepr],
    ]);
  }

  /** The printer registered for `klass` itself (not its bases), or null. */
  printerFor(klass: PyType): Printer | null {
    const registered = this.byClass.get(klass);
    if (registered !== undefined) return registered;
    if (this.byName.size === 0) return null;
    const [module, name] = moduleAndName(klass);
    if (module === null || name === null) return null;
    const entry = this.byName.get(key(module, name));
    if (entry === undefined || (entry.builtinClassOnly && klass.heapType)) return null;
    if (!entry.builtinClassOnly) {
      // _in_deferred_types: the printer moves to the type table, which keeps the class alive.
      this.byName.delete(key(module, name));
      klass.refcount++;
    }
    this.byClass.set(klass, entry.printer);
    return entry.printer;
  }
}

/** `(_safe_getattr(cls, '__module__'), _safe_getattr(cls, '__name__'))` as texts (null: not a str). */
function moduleAndName(klass: PyType): [string | null, string | null] {
  if (!klass.heapType) return [klass.module, klass.name];
  const read = (attribute: string): string | null => {
    const value = safeAttribute(klass, attribute);
    const text = textOf(value);
    if (value !== null) decref(value);
    return text;
  };
  return [read("__module__"), read("__name__")];
}

const tablesByRuntime = new WeakMap<Runtime, PrinterTables>();

/** The active runtime's tables, created on first display. */
export function printerTables(): PrinterTables {
  let tables = tablesByRuntime.get(rt);
  if (tables === undefined) {
    tables = new PrinterTables();
    tablesByRuntime.set(rt, tables);
  }
  return tables;
}
