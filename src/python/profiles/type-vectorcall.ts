// Which built-in types and functions are called without an argument tuple, from which version on.
//
// Calling a type that has no tp_vectorcall goes through tp_call, which takes the positional
// arguments as a new tuple (and keywords as a new dict): _PyObject_MakeTpCall from 3.8,
// _PyObject_FastCallKeywords before. Those objects hold references to the arguments while the
// type builds its object, and their allocation shows in gc.get_count() and in address reuse.
// Measured on CPython 3.6–3.13 (a 1-tuple left on the free list by the call; an argument's
// refcount inside its __iter__/__index__/__str__ hook). Heap types never have tp_vectorcall.

/** Type name → first minor version whose tp_vectorcall takes any arguments. */
const VECTORCALL_SINCE: ReadonlyMap<string, number> = new Map([
  ["list", 9],
  ["tuple", 9],
  ["dict", 9],
  ["set", 9],
  ["frozenset", 9],
  ["range", 9],
  ["float", 10],
  ["bool", 10],
  ["map", 10],
  ["filter", 10],
  ["reversed", 10],
  ["enumerate", 11],
  ["super", 11],
  ["int", 13],
  ["str", 13],
]);

/** 3.10+: type's tp_vectorcall answers type(x) alone; other calls of `type` build the tuple. */
const ONE_ARGUMENT_TYPE_VECTORCALL_SINCE = 10;

/**
 * Whether calling the built-in type `name` (module builtins) with these arguments on CPython
 * 3.`minor` builds an argument tuple.
 */
export function builtinTypeCallBuildsTuple(name: string, minor: number, positionalCount: number, hasKeywords: boolean): boolean {
  if (name === "type") return !(minor >= ONE_ARGUMENT_TYPE_VECTORCALL_SINCE && positionalCount === 1 && !hasKeywords);
  const since = VECTORCALL_SINCE.get(name);
  if (since === undefined || minor < since) return true;
  return hasKeywords && KEYWORDS_TAKE_TP_CALL.has(name);
}

/** Types whose vectorcall hands a call with keywords to tp_call (`int(s, base=2)`, `str(b, encoding=…)`). */
const KEYWORDS_TAKE_TP_CALL: ReadonlySet<string> = new Set(["int", "str"]);

/** 3.6 builds the keyword dict before the argument tuple; 3.7+ the tuple first. */
export function keywordDictBeforeTuple(minor: number): boolean {
  return minor <= 6;
}

/**
 * Functions of the builtins module called with METH_VARARGS (an argument tuple) after 3.6:
 * name → first minor version that passes the arguments without one. On 3.6 every builtins
 * function taking more than one fixed argument (not METH_O/METH_NOARGS) got a tuple (measured
 * for print, sorted, isinstance, getattr, hasattr, setattr, delattr, format, round, next,
 * divmod, pow, iter, dir). min/max (a tuple until 3.13) iterate it too: not modelled here.
 */
const VARARGS_BUILTINS_UNTIL: ReadonlyMap<string, number> = new Map([["iter", 8]]);

/** Whether calling the builtins-module function `name` (neither METH_O nor METH_NOARGS) builds a tuple. */
export function builtinFunctionCallBuildsTuple(name: string, minor: number): boolean {
  if (minor <= 6) return true;
  const until = VARARGS_BUILTINS_UNTIL.get(name);
  return until !== undefined && minor < until;
}
