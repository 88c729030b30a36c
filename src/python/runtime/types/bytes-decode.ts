// str(bytes, encoding): decoding as UTF-8 (the only codec the simulator models).
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { PyBytes } from "./bytes.js";
import { newStr } from "./str.js";
import { typeError, pyError } from "../errors.js";

export function decodeBytesArgument(argument: PyObject | undefined): PyObject {
  if (!(argument instanceof PyBytes)) throw typeError(`decoding to str: need a bytes-like object, ${argument?.type.name ?? "NoneType"} found`);
  try {
    return newStr(new TextDecoder("utf-8", { fatal: true }).decode(argument.value));
  } catch {
    throw pyError(rt.exc.UnicodeError, "'utf-8' codec can't decode bytes");
  }
}
