// The result rule of CPython's _PyUnicodeWriter, for str.format and %.
// A whole str written last into an empty writer is returned itself; anything else becomes a new
// str ('' and one Latin-1 character are singletons).
import { decref, type PyObject } from "../object.js";
import { PyStr, newStr } from "./str.js";
import { checkSurrogateJoin } from "./str-surrogates.js";

export class StrWriter {
  private readonly parts: string[] = [];
  /**
   * Set while the only thing written is a whole str object (CPython's readonly buffer). The
   * writer owns a reference, as CPython's does: the str written may be a temporary (a field's
   * repr) that its producer releases right after writing it.
   */
  private whole: PyStr | null = null;
  private empty = true;

  /** `operation` names what is refused when a lone high surrogate would meet a lone low one. */
  constructor(private readonly operation: string) {}

  /**
   * Appends the text of `str` (borrowed). `last` says nothing else will be written: only then
   * does CPython keep the object instead of copying it (its writer stops over-allocating).
   */
  writeStr(str: PyStr, last: boolean): void {
    if (str.length === 0) return;
    this.checkJoin(str.value);
    // The readonly buffer keeps any str, subclass instances included (S('ab').format() is S).
    if (this.empty && last) {
      str.refcount++;
      this.whole = str;
    } else {
      this.dropWhole();
    }
    this.empty = false;
    this.parts.push(str.value);
  }

  writeText(text: string): void {
    if (text.length === 0) return;
    this.checkJoin(text);
    this.dropWhole();
    this.empty = false;
    this.parts.push(text);
  }

  /** The result: a new reference. */
  finish(): PyObject {
    if (this.whole !== null) {
      const whole = this.whole;
      this.whole = null;
      return whole;
    }
    return newStr(this.parts.join(""));
  }

  /** Refuses `next` after a text that ends with a lone high surrogate when it starts with a low one. */
  private checkJoin(next: string): void {
    const parts = this.parts;
    if (parts.length > 0) checkSurrogateJoin(parts[parts.length - 1]!, next, this.operation);
  }

  private dropWhole(): void {
    if (this.whole === null) return;
    const whole = this.whole;
    this.whole = null;
    decref(whole);
  }
}
