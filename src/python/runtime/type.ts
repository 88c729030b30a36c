// PyType: class objects (built-in and user-defined), their MRO, attribute lookup and slots.
import { PyObject } from "./object.js";
import type { CallArgs, CompareOp, Visitor } from "./slots.js";
import type { PyHash } from "./hashing/hash-value.js";
import type { PyDict } from "./types/dict.js";
import type { PyTuple } from "./types/tuple.js";

/** Binary operators in one numbering shared by slots, dunder names and the compiler. */
export const enum BinaryOp {
  Add,
  Sub,
  Mul,
  MatMul,
  TrueDiv,
  FloorDiv,
  Mod,
  Pow,
  LShift,
  RShift,
  And,
  Xor,
  Or,
}
export const BINARY_OP_COUNT = 13;

/** a OP b, with a and b borrowed; returns a new reference or NotImplemented (new). */
export type BinarySlot = (a: PyObject, b: PyObject) => PyObject;
export type UnarySlot = (a: PyObject) => PyObject;

/** How instances of a type are laid out in memory, for addresses and sys.getsizeof. */
export interface InstanceLayout {
  /** tp_basicsize in bytes (64-bit). */
  basicSize: number;
  /** tp_itemsize in bytes (0 when not variable-sized). */
  itemSize: number;
  /** Instances carry a GC header (Py_TPFLAGS_HAVE_GC). */
  gc: boolean;
  /** 3.11+ managed dict / weakref pre-header in front of the GC header. */
  preHeader: boolean;
  /**
   * 3.11+: object.__new__ gives instances inline values (a managed dict; from 3.13 only when the
   * class adds nothing to object's layout, Py_TPFLAGS_INLINE_VALUES). Absent elsewhere: the
   * instances keep a real __dict__ from their first attribute, as every instance up to 3.10.
   */
  inlineValues?: boolean;
}

/**
 * A class object. Built-in types are created per runtime from their specs; heap types by
 * `class` statements. Slots are JavaScript functions; for heap types they dispatch to the
 * dunder methods found on the MRO (see runtime/heap-type-slots.ts).
 */
export class PyType extends PyObject {
  name: string;
  /** __qualname__ */
  qualname: string;
  /** __module__ for heap types; "builtins" for built-ins (not shown in their repr). */
  module: string;
  /** tp_base: the "solid" base whose layout instances share (a counted reference for heap types). */
  base: PyType | null;
  /** The items of __bases__, for fast walks (borrowed from `basesTuple`). */
  bases: PyType[];
  /** The items of __mro__, starting with this type (borrowed from `mroTuple`). */
  mro: PyType[];
  /**
   * Index of the namespace by attribute name, for typeLookup. For heap types the values are
   * borrowed from `dict`, which owns them (runtime/type-namespace.ts keeps both in step); for
   * built-in types this Map owns them and `dict` is a static copy made when first asked for.
   */
  namespace: Map<string, PyObject>;
  /** tp_dict: the namespace as a dict object (owned; null until a built-in type needs one). */
  dict: PyDict | null;
  /** tp_mro and tp_bases as tuple objects (owned; built-in types get static ones on demand). */
  mroTuple: PyTuple | null;
  basesTuple: PyTuple | null;
  /**
   * tp_subclasses: {id(subclass): weakref to it} (owned; runtime/type-subclasses.ts), made for
   * the first subclass. `subclasses` lists the same classes in order.
   */
  subclassDict: PyDict | null;
  /** True for classes made by `class` statements (Py_TPFLAGS_HEAPTYPE). */
  heapType: boolean;
  /** Python code may subclass it (Py_TPFLAGS_BASETYPE). */
  subclassable: boolean;
  layout: InstanceLayout;
  /** Instances of heap types get attribute storage (a __dict__); false with __slots__ only. */
  instancesHaveDict: boolean;
  /** Instances of heap types can be weakly referenced (a __weakref__ slot or, 3.12+, pre-header). */
  instancesHaveWeakrefs: boolean;
  /** Names of __slots__ declared by this class (not inherited). */
  slotNames: string[];
  /** Attribute cache: name → found object (borrowed) or null, valid for `cacheEpoch`. */
  attributeCache: Map<string, PyObject | null>;
  cacheEpoch: number;
  /**
   * Whether __new__ (bit 1) and __init__ (bit 2) resolve to object's own, valid for
   * `objectSlotsEpoch`: object() checks both on every instance creation with arguments.
   */
  objectSlotFlags: number;
  objectSlotsEpoch: number;
  /** Direct subclasses in creation order (borrowed; the index of `subclassDict`). */
  subclasses: PyType[];
  /** tp_version_tag, as far as call sites need it: bumped when the class or a base changes. */
  versionTag: number;
  /** CACHED_KEYS: the attribute-name table instances share (tables/instance-dicts.ts). */
  keysCache: unknown;
  /** Names of abstract methods left unimplemented (abc), or null. */
  abstractMethods: string[] | null;
  /**
   * Whether calling this class goes through tp_call with an argument tuple on the runtime's
   * version (profiles/type-vectorcall.ts); null until the first call asks (types/type-object.ts).
   */
  callBuildsTuple: boolean | null;
  /**
   * A built-in type whose __init__ is object's while its __new__ is not (str, int, ...): object's
   * __init__ has checked once that it accepts the arguments (types/object-spec.ts).
   */
  objectInitAcceptsArguments: boolean;

  // ---- slots (see slots.ts for the discipline)
  dealloc: (self: PyObject) => void;
  traverse: ((self: PyObject, visit: Visitor) => void) | null;
  clear: ((self: PyObject) => void) | null;
  finalize: ((self: PyObject) => void) | null;
  repr: ((self: PyObject) => PyObject) | null;
  str: ((self: PyObject) => PyObject) | null;
  /** tp_hash: a signed 64-bit hash (number when a safe integer); null = unhashable. */
  hash: ((self: PyObject) => PyHash) | null;
  richcompare: ((self: PyObject, other: PyObject, op: CompareOp) => PyObject) | null;
  getattro: ((self: PyObject, name: PyObject) => PyObject | null) | null;
  setattro: ((self: PyObject, name: PyObject, value: PyObject | null) => void) | null;
  call: ((self: PyObject, args: CallArgs) => PyObject) | null;
  descrGet: ((self: PyObject, instance: PyObject | null, owner: PyType) => PyObject) | null;
  descrSet: ((self: PyObject, instance: PyObject, value: PyObject | null) => void) | null;
  iter: ((self: PyObject) => PyObject) | null;
  iternext: ((self: PyObject) => PyObject | null) | null;
  new_: ((type: PyType, args: CallArgs) => PyObject) | null;
  init: ((self: PyObject, args: CallArgs) => void) | null;
  /** nb_* binary slots indexed by BinaryOp. */
  binary: (BinarySlot | null)[];
  /** nb_inplace_* slots indexed by BinaryOp. */
  inplace: (BinarySlot | null)[];
  negative: UnarySlot | null;
  positive: UnarySlot | null;
  invert: UnarySlot | null;
  absolute: UnarySlot | null;
  /** nb_bool; null falls back to length, then true. */
  bool: ((self: PyObject) => boolean) | null;
  /** nb_int / nb_float / nb_index. */
  int: UnarySlot | null;
  float: UnarySlot | null;
  index: UnarySlot | null;
  /** sq_length / mp_length. */
  length: ((self: PyObject) => number) | null;
  /** mp_subscript / sq_item. */
  getitem: ((self: PyObject, key: PyObject) => PyObject) | null;
  /** mp_ass_subscript (value null = delete). */
  setitem: ((self: PyObject, key: PyObject, value: PyObject | null) => void) | null;
  /** sq_contains; null falls back to iteration. */
  contains: ((self: PyObject, item: PyObject) => boolean) | null;
  /** sq_concat / sq_repeat: the sequence fallbacks of `+` and `*`. */
  concat: BinarySlot | null;
  repeat: ((self: PyObject, count: PyObject) => PyObject) | null;
  inplaceConcat: BinarySlot | null;
  inplaceRepeat: ((self: PyObject, count: PyObject) => PyObject) | null;

  constructor(metatype: PyType | null, name: string) {
    // The metatype of `type` itself is filled in by the runtime after creation.
    super(metatype as PyType);
    this.name = name;
    this.qualname = name;
    this.module = "builtins";
    this.base = null;
    this.bases = [];
    this.mro = [this];
    this.namespace = new Map();
    this.dict = null;
    this.mroTuple = null;
    this.basesTuple = null;
    this.subclassDict = null;
    this.heapType = false;
    this.subclassable = true;
    this.layout = { basicSize: 16, itemSize: 0, gc: false, preHeader: false };
    this.instancesHaveDict = false;
    this.instancesHaveWeakrefs = false;
    this.slotNames = [];
    this.attributeCache = new Map();
    this.cacheEpoch = -1;
    this.objectSlotFlags = 0;
    this.objectSlotsEpoch = -1;
    this.subclasses = [];
    this.versionTag = 0;
    this.keysCache = null;
    this.abstractMethods = null;
    this.callBuildsTuple = null;
    this.objectInitAcceptsArguments = false;
    this.dealloc = unsetDealloc;
    this.traverse = null;
    this.clear = null;
    this.finalize = null;
    this.repr = null;
    this.str = null;
    this.hash = null;
    this.richcompare = null;
    this.getattro = null;
    this.setattro = null;
    this.call = null;
    this.descrGet = null;
    this.descrSet = null;
    this.iter = null;
    this.iternext = null;
    this.new_ = null;
    this.init = null;
    this.binary = new Array<BinarySlot | null>(BINARY_OP_COUNT).fill(null);
    this.inplace = new Array<BinarySlot | null>(BINARY_OP_COUNT).fill(null);
    this.negative = null;
    this.positive = null;
    this.invert = null;
    this.absolute = null;
    this.bool = null;
    this.int = null;
    this.float = null;
    this.index = null;
    this.length = null;
    this.getitem = null;
    this.setitem = null;
    this.contains = null;
    this.concat = null;
    this.repeat = null;
    this.inplaceConcat = null;
    this.inplaceRepeat = null;
  }

  /** True when `this` is `other` or a subclass of it (PyType_IsSubtype, by MRO). */
  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 1; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }
}

function unsetDealloc(self: PyObject): void {
  throw new Error(`simulator bug: type ${self.type.name} has no dealloc slot`);
}

/** The dunder names of each BinaryOp: [forward, reflected, in-place]. */
export const BINARY_DUNDERS: readonly (readonly [string, string, string])[] = [
  ["__add__", "__radd__", "__iadd__"],
  ["__sub__", "__rsub__", "__isub__"],
  ["__mul__", "__rmul__", "__imul__"],
  ["__matmul__", "__rmatmul__", "__imatmul__"],
  ["__truediv__", "__rtruediv__", "__itruediv__"],
  ["__floordiv__", "__rfloordiv__", "__ifloordiv__"],
  ["__mod__", "__rmod__", "__imod__"],
  ["__pow__", "__rpow__", "__ipow__"],
  ["__lshift__", "__rlshift__", "__ilshift__"],
  ["__rshift__", "__rrshift__", "__irshift__"],
  ["__and__", "__rand__", "__iand__"],
  ["__xor__", "__rxor__", "__ixor__"],
  ["__or__", "__ror__", "__ior__"],
];

/** The operator symbols, for "unsupported operand type(s) for +: 'int' and 'str'". */
export const BINARY_SYMBOLS: readonly string[] = ["+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "&", "^", "|"];
