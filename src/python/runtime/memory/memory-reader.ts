// What a ctypes read at an address finds: an object's header words, or what freeing left there.
import type { PyObject } from "../object.js";
import { IMMORTAL_MARK } from "../object.js";
import { rt } from "../state.js";
import { Unsupported } from "../errors.js";
import { ParkedBlock } from "./object-memory.js";
import { PyList } from "../types/list.js";
import { PyTuple } from "../types/tuple.js";
import { PyInt } from "../types/int.js";
import { digitCount, sign } from "../types/int-value.js";
import { PyStr, InternState } from "../types/str.js";
import { PyType } from "../type.js";
import { isExecutingFrame } from "../types/live-frames.js";
import { PyModule, isSimulatorModule } from "../types/module.js";

/** The refcount an object shows through sys.getrefcount and in memory (immortality per version). */
export function reportedRefcount(object: PyObject): number {
  refuseUnknownRefcount(object);
  if (object.refcount < IMMORTAL_MARK) return object.refcount;
  const immortality = rt.profile.immortality;
  switch (immortality.kind) {
    case "fixed":
    case "split":
      return immortality.reported;
    default:
      return object.refcount - IMMORTAL_MARK;
  }
}

/** Ends the cell when `object`'s count is one the simulator cannot tell now (see Runtime). */
function refuseUnknownRefcount(object: PyObject): void {
  if (rt.refcountsUnknownWhile !== null) throw new Unsupported(`reference counts read ${rt.refcountsUnknownWhile}`);
  // ≤3.10 an executing frame object is also held by its evaluation and by each callee frame's
  // f_back, which the simulator's frame views do not count.
  if (object.type === rt.types.frame && rt.profile.minor <= 10 && isExecutingFrame(object)) throw new Unsupported("the reference count of a frame that is still executing (3.10 and older)");
  // sys.modules, the import system's records and the interpreter's own references count too.
  if (object instanceof PyModule && isSimulatorModule(object)) throw new Unsupported(`the reference count of module '${object.name}' (CPython's import system holds references the simulator does not model)`);
  if (object === rt.refcountUnknownOf) throw new Unsupported(rt.refcountUnknownWhy);
  // _PyType_Lookup stores each name it looks up (an exact str of up to 100 characters) with a
  // reference in a 4096-entry cache, until a lookup hashed to the same entry replaces it: which
  // of the kernel's own lookups do that cannot be followed (up to 3.10 the entry even follows
  // the name's hash, which the kernel's hash seed randomises).
  if (object instanceof PyStr && object.wasLookupName && object.refcount < IMMORTAL_MARK && object.length <= 100) {
    throw new Unsupported(`the reference count of the str '${object.value}' once used as an attribute name by getattr(), hasattr(), setattr() or delattr() (CPython's type attribute cache may hold a reference to it)`);
  }
  if (object instanceof PyStr && object.interned === InternState.Mortal && object.refcount < IMMORTAL_MARK && !isKnownUnshared(object.value)) {
    const why = rt.profile.interning === "counted" ? "on 3.11 and older (the code of the kernel and of the modules it loaded holds it too where they use it)" : "on 3.13+ (immortal in CPython when the kernel or a module it loaded uses it as a name)";
    throw new Unsupported(`the reference count of the interned str '${object.value}' ${why}`);
  }
}

/**
 * Whether CPython's process surely holds no interned str of this text besides the lesson's, so
 * the lesson's references are all its count has (see KernelNames): a name with a digit that
 * neither the startup modules nor the standard library use.
 */
function isKnownUnshared(text: string): boolean {
  const known = rt.profile.kernelNames;
  return /[0-9]/.test(text) && !known.libraryDigitNames.has(text) && !known.atStartup.has(text);
}

/** Runs `run` with `object`'s count refused (see Runtime.refcountUnknownOf), `why` naming that count. */
export function whileRefcountUnknown<T>(object: PyObject, why: string, run: () => T): T {
  const outer = rt.refcountUnknownOf;
  const outerWhy = rt.refcountUnknownWhy;
  rt.refcountUnknownOf = object;
  rt.refcountUnknownWhy = why;
  try {
    return run();
  } finally {
    rt.refcountUnknownOf = outer;
    rt.refcountUnknownWhy = outerWhy;
  }
}

/** The 8-byte word at the start of an object: ob_refcnt (and 3.14's flag bits). */
function refcountWord(object: PyObject): bigint {
  refuseUnknownRefcount(object);
  if (object.refcount < IMMORTAL_MARK) return BigInt(object.refcount);
  const immortality = rt.profile.immortality;
  if (immortality.kind === "fixed") return BigInt(immortality.memoryWord);
  if (immortality.kind === "split") return BigInt(rt.isStaticObject(object) ? immortality.staticMemoryWord : immortality.runtimeMemoryWord);
  return BigInt(object.refcount - IMMORTAL_MARK);
}

/** ob_size for variable-size objects (PyVarObject), the third word. */
function sizeWord(object: PyObject): bigint | null {
  if (object instanceof PyList) return BigInt(object.storage.length);
  if (object instanceof PyTuple) return BigInt(object.items.length);
  if (object instanceof PyInt && rt.profile.minor < 12) return BigInt(sign(object.value) * digitCount(object.value));
  if (object instanceof PyStr) return BigInt(object.length);
  return null;
}

/** The 8-byte word at `offset` bytes into `object`, when the simulator models it. */
function objectWord(object: PyObject, offset: number): bigint {
  if (offset === 0) return refcountWord(object);
  if (offset === 8) return BigInt(object.type.address);
  if (offset === 16) {
    const size = sizeWord(object);
    if (size !== null) return size;
  }
  throw new Unsupported(`reading memory ${offset} bytes into a '${object.type.name}' object`);
}

function wordAt(address: number): bigint {
  const located = rt.allocator.locate(address);
  if (located.kind === "object") {
    const occupant = located.object;
    if (occupant instanceof ParkedBlock) return located.offset === 0 ? BigInt(occupant.firstWord) : 0n;
    if (typeof occupant === "object" && occupant !== null && "refcount" in occupant && "type" in occupant) return objectWord(occupant as PyObject, located.offset);
    // An object's separate buffer (list items, dict tables): not modelled byte by byte.
    throw new Unsupported("reading memory inside a container's item buffer");
  }
  if (located.kind === "free") return BigInt(located.word);
  const staticObject = rt.staticObjectAt(address);
  if (staticObject !== null) return objectWord(staticObject.object, staticObject.offset);
  throw new Unsupported(`reading memory at 0x${address.toString(16)}, which holds no simulated object`);
}

/**
 * Reads `size` bytes (4 or 8) at `address` as an unsigned integer, little-endian like x86-64.
 * Four-byte reads take the low or high half of the surrounding 8-byte word.
 */
export function readMemory(address: number, size: 4 | 8): bigint {
  const aligned = address - (address % 8);
  const word = wordAt(aligned);
  if (size === 8) {
    if (aligned !== address) throw new Unsupported("an unaligned 8-byte memory read");
    return BigInt.asUintN(64, word);
  }
  const shift = BigInt((address - aligned) * 8);
  return (BigInt.asUintN(64, word) >> shift) & 0xffffffffn;
}

export { PyType };
