// BaseException and its subclasses: args, context/cause, traceback entries, str/repr per class.
import { AttributedObject, type PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyType } from "../type.js";
import { PyTuple, newTuple, newTupleStealing } from "./tuple.js";
import { newStr, PyStr } from "./str.js";
import { reprText, strText } from "../abstract/object-protocol.js";
import { attributesOf, initInstanceAttributes, setInstanceAttribute, instanceAttribute, releaseAttributes, traverseAttributes } from "../instance-attributes.js";
import { internName } from "./str.js";
import { newList, type PyList } from "./list.js";
import { typeError } from "../errors.js";
import { newTraceback, type PyTraceback } from "./traceback.js";
import { linkCaller, type PyFrame } from "./frame.js";
import { unicodeErrorStrText } from "./unicode-errors.js";
import { structFields, fieldValue, setFieldValue, releaseFields } from "./exception-fields.js";

export class PyBaseException extends AttributedObject {
  /** args (owned tuple). */
  args: PyTuple;
  /** __cause__, __context__ (owned) or null. */
  cause: PyObject | null;
  context: PyObject | null;
  suppressContext: boolean;
  /** __traceback__ (owned): the entry of the outermost frame the exception passed through, or null. */
  tracebackObject: PyTraceback | null;
  /** StopIteration.value (owned): its own reference to the first argument, beside `args`. */
  stopValue: PyObject | null;
  /** The class's own struct members (NameError.name, ImportError.path, …; see exception-fields.ts), owned. */
  fields: Map<string, PyObject> | null;

  constructor(type: PyType, args: PyTuple) {
    super(type);
    this.args = args;
    this.cause = null;
    this.context = null;
    this.suppressContext = false;
    this.tracebackObject = null;
    this.stopValue = null;
    this.fields = null;
  }
}

/**
 * PyOSErrorObject: BaseException's fields plus errno, strerror, filename, filename2 (owned or
 * null, NULL in CPython: the attribute reads None) and `written` (BlockingIOError's
 * characters_written, -1 when unset).
 */
export class PyOSError extends PyBaseException {
  errno: PyObject | null = null;
  strerror: PyObject | null = null;
  filename: PyObject | null = null;
  filename2: PyObject | null = null;
  written = -1;
}

/**
 * PyBaseExceptionObject on 64-bit: dict, args, traceback, context, cause, suppress_context, and
 * from 3.11 notes.
 */
export function exceptionObjectSize(minor: number): number {
  return minor >= 11 ? 72 : 64;
}

/** PyOSErrorObject adds myerrno, strerror, filename, filename2 and written (Py_ssize_t). */
export function osErrorObjectSize(minor: number): number {
  return exceptionObjectSize(minor) + 40;
}

/** The bytes an instance takes: its class's tp_basicsize (fields of the class and of heap subclasses). */
function instanceSize(exception: PyBaseException): number {
  return exception.type.layout.basicSize;
}

/** A new exception instance of `type` with the given args (steals the tuple). */
export function newExceptionObject(type: PyType, args: PyTuple): PyBaseException {
  return initExceptionObject(new PyBaseException(type, args));
}

/** A new OSError-family instance (its fields still unset) with the given args (steals the tuple). */
export function newOSErrorObject(type: PyType, args: PyTuple): PyOSError {
  return initExceptionObject(new PyOSError(type, args));
}

function initExceptionObject<T extends PyBaseException>(exception: T): T {
  const type = exception.type;
  const args = exception.args;
  allocateObject(exception, instanceSize(exception));
  if (type.heapType) type.refcount++;
  initInstanceAttributes(exception);
  if (type.isSubtypeOf(rt.exc.StopIteration)) {
    // StopIteration_init keeps the first argument (or None) in its own field.
    const value = args.items[0] ?? rt.None;
    value.refcount++;
    exception.stopValue = value;
  }
  rt.gc.countAllocation();
  gcTrack(exception);
  return exception;
}

export function newExceptionWithMessage(type: PyType, message: string): PyBaseException {
  const text = newStr(message);
  return newExceptionObject(type, newTupleStealing([text]));
}

export function newExceptionWithArgs(type: PyType, args: readonly PyObject[]): PyBaseException {
  return newExceptionObject(type, newTuple(args));
}

export function exceptionDealloc(self: PyObject): void {
  const exception = self as PyBaseException;
  const type = exception.type;
  if (type.finalize !== null && !rt.gc.finalized.has(self)) {
    rt.gc.finalized.add(self);
    self.refcount = 1;
    type.finalize(self);
    if (--self.refcount !== 0) return;
  }
  gcUntrack(exception);
  rt.clearWeakrefs(exception);
  // BaseException_dealloc: BaseException_clear (dict, args, traceback, cause, context), then free.
  releaseReferences(exception, true);
  freeObjectMemory(exception, instanceSize(exception));
  rt.gc.countDeallocation();
  if (type.heapType && --type.refcount === 0) type.type.dealloc(type);
}

/**
 * BaseException_clear's order: __dict__, args, __traceback__, __cause__, __context__; OSError_clear
 * first drops errno, strerror, filename and filename2.
 */
function releaseReferences(exception: PyBaseException, dying: boolean): void {
  // ImportError_clear, SyntaxError_clear, …: the class's members go first.
  releaseFields(exception);
  if (exception instanceof PyOSError) {
    const fields = [exception.errno, exception.strerror, exception.filename, exception.filename2];
    exception.errno = exception.strerror = exception.filename = exception.filename2 = null;
    for (const field of fields) if (field !== null && --field.refcount === 0) field.type.dealloc(field);
  }
  releaseAttributes(exception);
  const args = exception.args;
  const traceback = exception.tracebackObject;
  const cause = exception.cause;
  const context = exception.context;
  const stopValue = exception.stopValue;
  exception.stopValue = null;
  if (!dying) {
    rt.emptyTuple.refcount++;
    exception.args = rt.emptyTuple;
  }
  exception.tracebackObject = null;
  exception.cause = null;
  exception.context = null;
  for (const reference of [args, traceback, cause, context, stopValue]) if (reference !== null && --reference.refcount === 0) reference.type.dealloc(reference);
}

export function exceptionTraverse(self: PyObject, visit: (child: PyObject) => void): void {
  const exception = self as PyBaseException;
  if (exception.type.heapType) visit(exception.type);
  // The built-in class's own struct first (OSError_traverse, StopIteration_traverse,
  // ImportError_traverse...), then BaseException_traverse: dict, args, traceback, cause, context.
  if (exception instanceof PyOSError) {
    for (const field of [exception.errno, exception.strerror, exception.filename, exception.filename2]) if (field !== null) visit(field);
  }
  if (exception.stopValue !== null) visit(exception.stopValue);
  const fields = exception.fields;
  if (fields !== null) {
    const order = structFields(exception.type);
    if (order === null) for (const value of fields.values()) visit(value);
    else {
      for (const name of order) {
        const value = fields.get(name);
        if (value !== undefined) visit(value);
      }
      for (const [name, value] of fields) if (!order.includes(name)) visit(value);
    }
  }
  const attributes = attributesOf(exception);
  if (attributes !== null) traverseAttributes(attributes, visit);
  visit(exception.args);
  if (exception.tracebackObject !== null) visit(exception.tracebackObject);
  if (exception.cause !== null) visit(exception.cause);
  if (exception.context !== null) visit(exception.context);
}

export function exceptionClear(self: PyObject): void {
  releaseReferences(self as PyBaseException, false);
}

/**
 * PyTraceback_Here: the exception passed through `frame` at `line`; the new entry goes in front
 * of the existing ones. The frame the exception came from learns its caller (f_back).
 */
export function addTracebackEntry(exception: PyBaseException, frame: PyFrame, line: number): void {
  const previous = exception.tracebackObject;
  exception.tracebackObject = newTraceback(previous, frame, line);
  if (previous === null) return;
  const callee = previous.frame;
  if (callee !== null && callee !== frame && callee.depth >= frame.depth) linkCaller(callee, frame);
  if (--previous.refcount === 0) previous.type.dealloc(previous);
}

/** The frame of the outermost traceback entry (borrowed), or null. */
export function outermostFrame(exception: PyObject): PyFrame | null {
  return exception instanceof PyBaseException ? exception.tracebackObject?.frame ?? null : null;
}

/** str(exception) per class: KeyError shows the key's repr, others the args. */
export function exceptionStrText(exception: PyBaseException): string {
  // BaseExceptionGroup_str: "message (n sub-exceptions)".
  const groupMembers = exception.fields?.get("exceptions");
  const groupMessage = exception.fields?.get("message");
  if (groupMembers instanceof PyTuple && groupMessage instanceof PyStr) {
    const count = groupMembers.items.length;
    return `${groupMessage.value} (${count} sub-exception${count > 1 ? "s" : ""})`;
  }
  if (exception.type.isSubtypeOf(rt.exc.SyntaxError)) {
    const text = syntaxErrorStrText(exception);
    if (text !== null) return text;
  }
  if (exception instanceof PyOSError) {
    const text = osErrorStrText(exception);
    if (text !== null) return text;
  }
  if (exception.type.isSubtypeOf(rt.exc.UnicodeError)) {
    const text = unicodeErrorStrText(exception);
    if (text !== null) return text;
  }
  const items = exception.args.items;
  if (exception.type.isSubtypeOf(rt.exc.KeyError) && items.length === 1) return reprText(items[0]!);
  if (items.length === 0) return "";
  if (items.length === 1) return strText(items[0]!);
  return reprText(exception.args);
}

/** OSError_str: "[Errno 2] No such file: 'name'" (-> 'other'); null to fall back on the args. */
function osErrorStrText(exception: PyOSError): string | null {
  const orNone = (value: PyObject | null): PyObject => value ?? rt.None;
  const errno = orNone(exception.errno);
  const strerror = orNone(exception.strerror);
  if (exception.filename !== null) {
    const head = `[Errno ${strText(errno)}] ${strText(strerror)}: ${reprText(exception.filename)}`;
    return exception.filename2 !== null ? `${head} -> ${reprText(exception.filename2)}` : head;
  }
  if (exception.errno !== null && exception.strerror !== null) return `[Errno ${strText(errno)}] ${strText(strerror)}`;
  return null;
}

/**
 * SyntaxError_str for errors the simulator raised with their attributes (compile errors of
 * eval/exec sources): "msg (file, line N)", the file's base name only; null when no msg is set.
 */
function syntaxErrorStrText(exception: PyBaseException): string | null {
  const message = exceptionAttribute(exception, "msg");
  if (message === null) return null;
  const filenameObject = exceptionAttribute(exception, "filename");
  const linenoObject = exceptionAttribute(exception, "lineno");
  const filename = filenameObject instanceof PyStr ? filenameObject.value.slice(filenameObject.value.lastIndexOf("/") + 1) : null;
  const lineno = linenoObject !== null && linenoObject.type === rt.types.int ? reprText(linenoObject) : null;
  const text = strText(message);
  if (filename !== null && lineno !== null) return `${text} (${filename}, line ${lineno})`;
  if (filename !== null) return `${text} (${filename})`;
  if (lineno !== null) return `${text} (line ${lineno})`;
  return text;
}

/** repr(exception): ValueError('boom'); 3.6 keeps the one-element tuple's comma. */
export function exceptionReprText(exception: PyBaseException): string {
  const name = exception.type.name;
  const items = exception.args.items;
  if (items.length === 1) {
    const inner = reprText(items[0]!);
    return rt.profile.minor <= 6 ? `${name}(${inner},)` : `${name}(${inner})`;
  }
  return `${name}${reprText(exception.args)}`;
}

/** The last line of a traceback: "Type: message" or "Type". */
export function exceptionSummary(exception: PyBaseException): string {
  const type = exception.type;
  const module = type.module;
  const name = module === "builtins" || module === "__main__" ? type.qualname : `${module}.${type.qualname}`;
  let message: string;
  try {
    const syntaxMessage = type.isSubtypeOf(rt.exc.SyntaxError) ? exceptionAttribute(exception, "msg") : null;
    message = syntaxMessage instanceof PyStr ? syntaxMessage.value : exceptionStrText(exception);
  } catch {
    message = `<exception str() failed>`;
  }
  return message === "" ? name : `${name}: ${message}`;
}

/**
 * Sets an attribute the interpreter gives an exception it raises (NameError.name,
 * AttributeError.obj, SyntaxError.lineno, …): a member of the class's struct, else an entry of
 * the instance's __dict__. Before 3.10 NameError and AttributeError have no such members and
 * CPython records nothing.
 */
export function setExceptionAttribute(exception: PyObject, name: string, value: PyObject): void {
  if (exception instanceof PyBaseException) {
    const fields = structFields(exception.type);
    if (fields !== null && fields.includes(name)) {
      setFieldValue(exception, name, value);
      return;
    }
    if (isInterpreterOnlyName(exception, name)) return;
  }
  if (attributesOf(exception) === null) return;
  const key = internName(name);
  setInstanceAttribute(exception, key, value);
  key.refcount--;
  if (key.refcount === 0) key.type.dealloc(key);
}

/** NameError.name and AttributeError.name/obj of ≤3.9, which CPython does not have. */
function isInterpreterOnlyName(exception: PyBaseException, name: string): boolean {
  if (rt.profile.minor >= 10 || (name !== "name" && name !== "obj")) return false;
  return exception.type.isSubtypeOf(rt.exc.NameError) || exception.type.isSubtypeOf(rt.exc.AttributeError);
}

/** Reads such an attribute (borrowed), or null. */
export function exceptionAttribute(exception: PyObject, name: string): PyObject | null {
  if (exception instanceof PyBaseException) {
    const fields = structFields(exception.type);
    if (fields !== null && fields.includes(name)) return fieldValue(exception, name);
  }
  if (attributesOf(exception) === null) return null;
  const key = internName(name);
  try {
    return instanceAttribute(exception, key);
  } finally {
    if (--key.refcount === 0) key.type.dealloc(key);
  }
}

/** BaseException.add_note (3.11+): appends to __notes__. */
export function addExceptionNote(exception: PyBaseException, note: PyObject): void {
  if (!(note instanceof PyStr)) throw typeError(`note must be a str, not '${note.type.name}'`);
  let notes = exceptionAttribute(exception, "__notes__");
  if (notes === null) {
    notes = newList([]);
    setExceptionAttribute(exception, "__notes__", notes);
    notes.refcount--;
  }
  note.refcount++;
  (notes as PyList).items.push(note);
}

export function isException(object: PyObject): object is PyBaseException {
  return object instanceof PyBaseException;
}

export { PyStr };
