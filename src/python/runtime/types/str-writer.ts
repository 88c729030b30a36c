// The result rule of CPython's _PyUnicodeWriter, for str.format and %.
// A whole str written last into an empty writer is returned itself; anything else becomes a new
// str ('' and one Latin-1 character are singletons).
import { decref, type PyObject } from "../object.js";
import { PyStr, newStr } from "./str.js";

export class StrWriter {
  private readonly parts: string[] = [];
  /**
   * Set while the only thing written is a whole str object (CPython's readonly buffer). The
   * writer owns a reference, as CPython's does: the str written may be a temporary (a field's
   * repr) that its producer releases right after writing it.
   */
  private whole: PyStr | null = null;
  private empty = true;

  /**
   * Appends the text of `str` (borrowed). `last` says nothing else will be written: only then
   * does CPython keep the object instead of copying it (its writer stops over-allocating).
   */
  writeStr(str: PyStr, last: boolean): void {
    if (str.length === 0) return;
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

  private dropWhole(): void {
    if (this.whole === null) return;
    const whole = this.whole;
    this.whole = null;
    decref(whole);
  }
}
