// The printer object a user's `_repr_pretty_(self, p, cycle)` receives: IPython's
// RepresentationPrinter API (text, breakable, break_, begin_group, end_group, group, indent,
// pretty, flush, indentation, …) over the simulator's layout engine, plus the context manager
// that `p.group(...)` and `p.indent(...)` return.
import { PyObject, decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { Runtime } from "../runtime/runtime.js";
import type { PyType } from "../runtime/type.js";
import { Unsupported, typeError } from "../runtime/errors.js";
import type { CallArgs } from "../runtime/slots.js";
import type { BuiltinTypeSpec, GetSetDef } from "../runtime/type-spec.js";
import type { MethodDef } from "../runtime/method-def.js";
import { allocateBuiltinType, completeBuiltinType } from "../runtime/type-factory.js";
import { allocateObject, freeObjectMemory } from "../runtime/memory/object-memory.js";
import { indexNumber } from "../runtime/abstract/conversions.js";
import { newInt } from "../runtime/types/int.js";
import { newStr } from "../runtime/types/str.js";
import type { RepresentationPrinter } from "./representation-printer.js";
import { callWith, textOf } from "./python-access.js";

/** An instance of a plain Python class with a __dict__ (the size only shapes addresses). */
const PRINTER_OBJECT_SIZE = 48;

class PyPrinterObject extends PyObject {
  constructor(
    type: PyType,
    readonly printer: RepresentationPrinter,
  ) {
    super(type);
  }
}

type ContextKind = { readonly kind: "group"; readonly indent: number; readonly open: string; readonly close: string } | { readonly kind: "indent"; readonly indent: number };

class PyContextObject extends PyObject {
  constructor(
    type: PyType,
    readonly printer: RepresentationPrinter,
    readonly context: ContextKind,
  ) {
    super(type);
  }
}

/** Binds positional and keyword arguments to named parameters with defaults, like a def would. */
function bind(functionName: string, args: CallArgs, parameters: readonly (readonly [string, PyObject | null])[]): PyObject[] {
  const kwnames = args.kwnames ?? [];
  const positionalCount = args.values.length - kwnames.length;
  if (positionalCount > parameters.length) {
    throw typeError(`${functionName}() takes ${parameters.length + 1} positional arguments but ${positionalCount + 1} were given`);
  }
  const bound: (PyObject | null)[] = parameters.map(([, fallback]) => fallback);
  for (let index = 0; index < positionalCount; index++) bound[index] = args.values[index]!;
  kwnames.forEach((name, offset) => {
    const position = parameters.findIndex(([parameter]) => parameter === name);
    if (position < 0) throw typeError(`${functionName}() got an unexpected keyword argument '${name}'`);
    if (position < positionalCount) throw typeError(`${functionName}() got multiple values for argument '${name}'`);
    bound[position] = args.values[positionalCount + offset]!;
  });
  const missing = parameters.filter((_, index) => bound[index] === null).map(([name]) => `'${name}'`);
  if (missing.length > 0) {
    throw typeError(`${functionName}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${missing.join(" and ")}`);
  }
  return bound as PyObject[];
}

function text(value: PyObject, what: string): string {
  const found = textOf(value);
  if (found === null) throw new Unsupported(`IPython printer ${what} with a ${value.type.name}`);
  return found;
}

function printerOf(self: PyObject): RepresentationPrinter {
  return (self as PyPrinterObject).printer;
}

function none(): PyObject {
  rt.None.refcount++;
  return rt.None;
}

const EMPTY = (): PyObject => newStr("");
const ZERO = (): PyObject => newInt(0);

/** A method taking keyword-capable parameters: `parameters` are [name, default factory or null]. */
function method(name: string, parameters: readonly (readonly [string, (() => PyObject) | null])[], body: (self: PyObject, values: PyObject[]) => PyObject): MethodDef {
  return {
    name,
    kind: "keywords",
    impl: (self, args) => {
      const defaults = parameters.map(([parameter, fallback]) => [parameter, fallback === null ? null : fallback()] as const);
      try {
        return body(self, bind(`RepresentationPrinter.${name}`, args, defaults));
      } finally {
        for (const [, value] of defaults) if (value !== null) decref(value);
      }
    },
  };
}

const PRINTER_METHODS: readonly MethodDef[] = [
  method("text", [["obj", null]], (self, [value]) => {
    printerOf(self).text(text(value!, "text()"));
    return none();
  }),
  method("breakable", [["sep", () => newStr(" ")]], (self, [separator]) => {
    printerOf(self).breakable(text(separator!, "breakable()"));
    return none();
  }),
  method("break_", [], (self) => {
    printerOf(self).forceBreak();
    return none();
  }),
  method(
    "begin_group",
    [
      ["indent", ZERO],
      ["open", EMPTY],
    ],
    (self, [indent, open]) => {
      printerOf(self).beginGroup(indexNumber(indent!), text(open!, "begin_group()"));
      return none();
    },
  ),
  method(
    "end_group",
    [
      ["dedent", ZERO],
      ["close", EMPTY],
    ],
    (self, [dedent, close]) => {
      printerOf(self).endGroup(indexNumber(dedent!), text(close!, "end_group()"));
      return none();
    },
  ),
  method(
    "group",
    [
      ["indent", ZERO],
      ["open", EMPTY],
      ["close", EMPTY],
    ],
    (self, [indent, open, close]) =>
      newContext(printerOf(self), { kind: "group", indent: indexNumber(indent!), open: text(open!, "group()"), close: text(close!, "group()") }),
  ),
  method("indent", [["indent", null]], (self, [indent]) => newContext(printerOf(self), { kind: "indent", indent: indexNumber(indent!) })),
  method("pretty", [["obj", null]], (self, [value]) => {
    printerOf(self).pretty(value!);
    return none();
  }),
  method("flush", [], (self) => {
    printerOf(self).flush();
    return none();
  }),
  method("_enumerate", [["seq", null]], () => {
    throw new Unsupported("IPython printer _enumerate()");
  }),
];

const PRINTER_GETSETS: readonly GetSetDef[] = [
  {
    name: "indentation",
    get: (self) => newInt(printerOf(self).indentation),
    set: (self, value) => {
      if (value === null) throw new Unsupported("del p.indentation");
      printerOf(self).indentation = indexNumber(value);
    },
  },
  { name: "max_width", get: (self) => newInt(printerOf(self).maxWidth) },
  { name: "max_seq_length", get: (self) => newInt(printerOf(self).maxSeqLength) },
  { name: "output_width", get: (self) => newInt(printerOf(self).widths.output) },
  { name: "buffer_width", get: (self) => newInt(printerOf(self).widths.buffer) },
  { name: "verbose", get: () => (rt.False.refcount++, rt.False) },
  { name: "newline", get: () => newStr("\n") },
];

/** __enter__ runs the generator's start (begin the group, add the indentation). */
function enterContext(self: PyObject): PyObject {
  const { printer, context } = self as PyContextObject;
  if (context.kind === "group") printer.beginGroup(context.indent, context.open);
  else printer.indentation += context.indent;
  return none();
}

/** __exit__ runs its `finally` (end the group, remove the indentation); exceptions propagate. */
function exitContext(self: PyObject): PyObject {
  const { printer, context } = self as PyContextObject;
  if (context.kind === "group") printer.endGroup(context.indent, context.close);
  else printer.indentation -= context.indent;
  rt.False.refcount++;
  return rt.False;
}

function objectDealloc(size: number): (self: PyObject) => void {
  return (self) => {
    freeObjectMemory(self, size);
    const type = self.type;
    if (--type.refcount === 0) throw new Error("simulator bug: display printer type freed");
  };
}

const PRINTER_SPEC: BuiltinTypeSpec = {
  name: "RepresentationPrinter",
  module: "IPython.lib.pretty",
  layout: { basicSize: PRINTER_OBJECT_SIZE, itemSize: 0, gc: false, preHeader: false },
  slots: { dealloc: objectDealloc(PRINTER_OBJECT_SIZE) },
  methods: PRINTER_METHODS,
  getsets: PRINTER_GETSETS,
};

const CONTEXT_SPEC: BuiltinTypeSpec = {
  name: "_GeneratorContextManager",
  module: "contextlib",
  layout: { basicSize: PRINTER_OBJECT_SIZE, itemSize: 0, gc: false, preHeader: false },
  slots: { dealloc: objectDealloc(PRINTER_OBJECT_SIZE) },
  methods: [
    { name: "__enter__", kind: "noargs", impl: enterContext },
    { name: "__exit__", kind: "positional", impl: (self) => exitContext(self) },
  ],
};

interface PrinterTypes {
  readonly printer: PyType;
  readonly context: PyType;
}

const typesByRuntime = new WeakMap<Runtime, PrinterTypes>();

/** The two classes, made the first time a `_repr_pretty_` runs in a runtime. */
function printerTypes(): PrinterTypes {
  let types = typesByRuntime.get(rt);
  if (types === undefined) {
    const make = (spec: BuiltinTypeSpec): PyType => {
      const type = allocateBuiltinType(spec);
      completeBuiltinType(type, spec, rt.types.object);
      rt.registerStatic(type, 408);
      return type;
    };
    types = { printer: make(PRINTER_SPEC), context: make(CONTEXT_SPEC) };
    typesByRuntime.set(rt, types);
  }
  return types;
}

function newContext(printer: RepresentationPrinter, context: ContextKind): PyObject {
  const type = printerTypes().context;
  type.refcount++;
  const object = new PyContextObject(type, printer, context);
  allocateObject(object, PRINTER_OBJECT_SIZE);
  return object;
}

/** The Python object standing for `printer` (new reference); one per display, as in IPython. */
export function newPrinterObject(printer: RepresentationPrinter): PyObject {
  const type = printerTypes().printer;
  type.refcount++;
  const object = new PyPrinterObject(type, printer);
  allocateObject(object, PRINTER_OBJECT_SIZE);
  return object;
}

/** `meth(obj, p, cycle)` for a `_repr_pretty_` found on the class; its result is dropped. */
export function callReprPretty(method: PyObject, value: PyObject, printer: RepresentationPrinter, cycle: boolean): void {
  const printerObject = printer.pythonHandle();
  const result = callWith(method, [value, printerObject, cycle ? rt.True : rt.False]);
  decref(result);
}
