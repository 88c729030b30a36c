// sys.stdout and sys.stderr: objects whose write() appends to the cell's output.
import { refuseLoneSurrogateOutput } from "../runtime/types/str-surrogates.js";
import { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { BuiltinTypeSpec } from "../runtime/type-spec.js";
import { textSlot } from "../runtime/spec-helpers.js";
import { PyStr, newStr } from "../runtime/types/str.js";
import { newInt } from "../runtime/types/int.js";
import { newNone, newBool } from "../runtime/values.js";
import { typeError } from "../runtime/errors.js";
import { writeOutput } from "./output.js";

export class PyStream extends PyObject {
  constructor(readonly stream: "stdout" | "stderr") {
    super(rt.types.TextIOWrapper);
  }
}

export function newStreamObject(stream: "stdout" | "stderr"): PyObject {
  const object = new PyStream(stream);
  object.address = rt.staticAddress(208);
  rt.registerStatic(object, 208);
  return object;
}

export const STREAM_SPEC: BuiltinTypeSpec = {
  name: "TextIOWrapper",
  module: "_io",
  layout: { basicSize: 208, itemSize: 0, gc: false, preHeader: false },
  slots: {
    dealloc: () => undefined,
    repr: textSlot((self) => `<_io.TextIOWrapper name='<${(self as PyStream).stream}>' mode='w' encoding='utf-8'>`),
  },
  methods: [
    {
      name: "write",
      kind: "one",
      impl: (self, text) => {
        if (!(text instanceof PyStr)) throw typeError(`write() argument must be str, not ${text.type.name}`);
        refuseLoneSurrogateOutput(text.value, text.kind);
        writeOutput((self as PyStream).stream, text.value);
        return newInt(text.length);
      },
    },
    { name: "flush", kind: "noargs", impl: () => newNone() },
    { name: "isatty", kind: "noargs", impl: () => newBool(false) },
  ],
  getsets: [{ name: "encoding", get: () => newStr("utf-8") }],
};
