// str(inspect.signature(f)) for a Python function, as IPython shows it in `<function f(x, y=1)>`:
// parameters from the code object, defaults from __defaults__/__kwdefaults__, annotations.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyType } from "../runtime/type.js";
import { Unsupported } from "../runtime/errors.js";
import { getAttrString } from "../runtime/abstract/attributes.js";
import { reprText, strText } from "../runtime/abstract/object-protocol.js";
import { CodeFlags } from "../runtime/types/code.js";
import type { PyFunction } from "../runtime/types/function.js";
import { PyDict, dictGetItem } from "../runtime/types/dict.js";
import { PyTuple } from "../runtime/types/tuple.js";
import { internName } from "../runtime/types/str.js";
import { attributeOrNull, textOf } from "./python-access.js";
import { displayFacts, type DisplayFacts } from "./display-facts.js";

const enum Kind {
  PositionalOnly,
  PositionalOrKeyword,
  VarPositional,
  KeywordOnly,
  VarKeyword,
}

interface Parameter {
  readonly name: string;
  readonly kind: Kind;
  /** Borrowed for the duration of formatting. */
  readonly annotation: PyObject | null;
  readonly defaultValue: PyObject | null;
}

/**
 * The signature text, e.g. `(a, /, b: int = 2, *args, c, **kw) -> str`, or null where inspect
 * raises ValueError (IPython then shows the name alone).
 */
export function functionSignatureText(func: PyFunction): string | null {
  refuseSignatureOverrides(func);
  const code = func.code.info;
  const annotationsObject = getAttrString(func, "__annotations__");
  const defaultsObject = getAttrString(func, "__defaults__");
  const keywordDefaultsObject = getAttrString(func, "__kwdefaults__");
  try {
    // get_annotations (3.10+) and older inspect both insist on a dict (or None).
    if (annotationsObject !== rt.None && !(annotationsObject instanceof PyDict)) return null;
    const annotations = annotationsObject instanceof PyDict ? annotationsObject : null;
    const defaults = defaultsObject instanceof PyTuple ? defaultsObject.items : [];
    const keywordDefaults = keywordDefaultsObject instanceof PyDict ? keywordDefaultsObject : null;
    const lookup = (table: PyDict | null, name: string): PyObject | null => {
      if (table === null) return null;
      const key = internName(name);
      try {
        return dictGetItem(table, key);
      } finally {
        decref(key);
      }
    };
    const names = code.varnames;
    const positionalCount = code.argCount;
    const keywordOnlyCount = code.keywordOnlyCount;
    if (defaults.length > positionalCount) throw new Unsupported("IPython display of a function with more __defaults__ than parameters");
    const parameters: Parameter[] = [];
    const firstDefault = positionalCount - defaults.length;
    for (let index = 0; index < positionalCount; index++) {
      const name = names[index]!;
      parameters.push({
        name,
        kind: index < code.positionalOnlyCount ? Kind.PositionalOnly : Kind.PositionalOrKeyword,
        annotation: lookup(annotations, name),
        defaultValue: index >= firstDefault ? defaults[index - firstDefault]! : null,
      });
    }
    let next = positionalCount + keywordOnlyCount;
    if ((code.flags & CodeFlags.VarArgs) !== 0) {
      const name = names[next++]!;
      parameters.push({ name, kind: Kind.VarPositional, annotation: lookup(annotations, name), defaultValue: null });
    }
    for (let index = positionalCount; index < positionalCount + keywordOnlyCount; index++) {
      const name = names[index]!;
      parameters.push({ name, kind: Kind.KeywordOnly, annotation: lookup(annotations, name), defaultValue: lookup(keywordDefaults, name) });
    }
    if ((code.flags & CodeFlags.VarKeywords) !== 0) {
      const name = names[next]!;
      parameters.push({ name, kind: Kind.VarKeyword, annotation: lookup(annotations, name), defaultValue: null });
    }
    return formatSignature(parameters, lookup(annotations, "return"), displayFacts());
  } finally {
    decref(annotationsObject);
    decref(defaultsObject);
    decref(keywordDefaultsObject);
  }
}

/** inspect.signature follows `__wrapped__` and honours `__signature__`: not modelled. */
function refuseSignatureOverrides(func: PyFunction): void {
  for (const name of ["__wrapped__", "__signature__"]) {
    const found = attributeOrNull(func, name);
    if (found !== null) {
      decref(found);
      throw new Unsupported(`IPython display of a function with ${name}`);
    }
  }
}

/** inspect.Signature.__str__. */
function formatSignature(parameters: readonly Parameter[], returnAnnotation: PyObject | null, facts: DisplayFacts): string {
  const parts: string[] = [];
  let pendingSlash = false;
  let needStar = true;
  for (const parameter of parameters) {
    const formatted = formatParameter(parameter, facts);
    if (parameter.kind === Kind.PositionalOnly) pendingSlash = true;
    else if (pendingSlash) {
      parts.push("/");
      pendingSlash = false;
    }
    if (parameter.kind === Kind.VarPositional) needStar = false;
    else if (parameter.kind === Kind.KeywordOnly && needStar) {
      parts.push("*");
      needStar = false;
    }
    parts.push(formatted);
  }
  if (pendingSlash) parts.push("/");
  let rendered = `(${parts.join(", ")})`;
  if (returnAnnotation !== null) rendered += ` -> ${formatAnnotation(returnAnnotation, facts)}`;
  return rendered;
}

/** inspect.Parameter.__str__. */
function formatParameter(parameter: Parameter, facts: DisplayFacts): string {
  let formatted = parameter.name;
  if (parameter.annotation !== null) {
    formatted += (facts.spacedAnnotations ? ": " : ":") + formatAnnotation(parameter.annotation, facts);
  }
  if (parameter.defaultValue !== null) {
    const value = reprText(parameter.defaultValue);
    formatted += parameter.annotation !== null && facts.spacedAnnotations ? ` = ${value}` : `=${value}`;
  }
  if (parameter.kind === Kind.VarPositional) return `*${formatted}`;
  if (parameter.kind === Kind.VarKeyword) return `**${formatted}`;
  return formatted;
}

/** inspect.formatannotation (no base module). */
function formatAnnotation(annotation: PyObject, facts: DisplayFacts): string {
  const moduleObject = attributeOrNull(annotation, "__module__");
  const module = textOf(moduleObject);
  if (moduleObject !== null) decref(moduleObject);
  if (module === "typing") throw new Unsupported("IPython display of a signature with typing annotations");
  if (facts.genericAliasByStr && annotation.type.name === "GenericAlias" && annotation.type.module === "types") return strText(annotation);
  if (annotation instanceof PyType) {
    const qualnameObject = getAttrString(annotation, "__qualname__");
    const qualname = textOf(qualnameObject) ?? "";
    decref(qualnameObject);
    // `annotation.__module__ in ('builtins', None)`
    if (module === "builtins" || moduleObject === rt.None) return qualname;
    if (module === null) throw new Unsupported("IPython display of an annotation class whose __module__ is not a str");
    return `${module}.${qualname}`;
  }
  return reprText(annotation);
}
