// The str methods format, format_map and __format__.
import { rt } from "../state.js";
import { typeError } from "../errors.js";
import { PyStr, newStr } from "./str.js";
import { splitArgs } from "../spec-helpers.js";
import { ONE, conventions, type MethodSpec } from "./str-method-kit.js";
import { formatTemplate, formatExactStr } from "./str-format-method.js";
import { unchangedStr } from "./str-text.js";
import { callThroughArgumentTuple } from "../argument-tuple.js";

export const STR_FORMAT_METHODS: readonly MethodSpec[] = [
  {
    name: "format",
    history: conventions([6, { kind: "any" }]),
    // METH_VARARGS | METH_KEYWORDS on every version: the call packs the arguments into a tuple
    // (and the keywords into a dict) that hold them while the template is filled.
    impl: (self, _args, call) => {
      const { positional, keywords } = splitArgs(call);
      return callThroughArgumentTuple(call, positional.length, () => formatTemplate(self as PyStr, { positional, names: keywords }));
    },
  },
  {
    name: "format_map",
    history: ONE,
    impl: (self, [mapping]) => formatTemplate(self as PyStr, { positional: null, names: mapping! }),
  },
  {
    name: "__format__",
    history: conventions([6, { kind: "varargs", min: 1, max: 1 }], [7, { kind: "one" }]),
    impl: (self, [spec]) => {
      if (!(spec instanceof PyStr)) {
        throw typeError(rt.profile.minor >= 7 ? `__format__() argument must be str, not ${spec!.type.name}` : `__format__() argument 1 must be str, not ${spec!.type.name}`);
      }
      const str = self as PyStr;
      const formatted = formatExactStr(str, spec.value);
      return formatted === null ? unchangedStr(str) : newStr(formatted);
    },
  },
];

