// Static descriptions of built-in types, turned into per-runtime PyType objects at bootstrap.
import type { Profile } from "../profiles/profile.js";
import type { PyObject } from "./object.js";
import type { InstanceLayout, PyType } from "./type.js";
import type { MethodDef } from "./method-def.js";

/** The slot fields a spec may set (see PyType). */
export type SlotFields = Pick<
  PyType,
  | "dealloc"
  | "traverse"
  | "clear"
  | "finalize"
  | "repr"
  | "str"
  | "hash"
  | "richcompare"
  | "getattro"
  | "setattro"
  | "call"
  | "descrGet"
  | "descrSet"
  | "iter"
  | "iternext"
  | "new_"
  | "init"
  | "negative"
  | "positive"
  | "invert"
  | "absolute"
  | "bool"
  | "int"
  | "float"
  | "index"
  | "length"
  | "getitem"
  | "setitem"
  | "contains"
  | "concat"
  | "repeat"
  | "inplaceConcat"
  | "inplaceRepeat"
>;

/** A computed attribute of a built-in type (PyGetSetDef). Results are new references. */
export interface GetSetDef {
  readonly name: string;
  /** A PyMemberDef in CPython (a member_descriptor, listed before the getsets in the type's dict). */
  readonly member?: true;
  /** The first minor version that has the attribute (default: every version). */
  readonly since?: number;
  readonly get: (self: PyObject) => PyObject;
  readonly set?: (self: PyObject, value: PyObject | null) => void;
}

export interface BuiltinTypeSpec {
  readonly name: string;
  /** Qualified name when it differs from the name (e.g. "builtin_function_or_method"). */
  readonly qualname?: string;
  /** Shown in reprs for non-builtins types, e.g. "collections" or "_ctypes". */
  readonly module?: string;
  /** The base type's name in the registry; "object" when absent (object itself has none). */
  readonly base?: string | null;
  readonly layout: InstanceLayout | ((profile: Profile) => InstanceLayout);
  readonly subclassable?: boolean;
  readonly slots?: Partial<SlotFields>;
  /** nb_* binary slots and their in-place forms, indexed by BinaryOp. */
  readonly binary?: ReadonlyMap<number, (a: PyObject, b: PyObject) => PyObject>;
  readonly inplace?: ReadonlyMap<number, (a: PyObject, b: PyObject) => PyObject>;
  readonly methods?: readonly MethodDef[];
  readonly getsets?: readonly GetSetDef[];
  /** Class attributes that are plain values, built per runtime (new references). */
  readonly attributes?: (self: PyType) => ReadonlyMap<string, PyObject>;
}
