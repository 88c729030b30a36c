// The string module: its constants and capwords(), written in Python as CPython's string.py is
// (so capwords is a Python function with Python's argument errors). Template and Formatter need
// the re module and the formatter parser, which the simulator does not have: refused.
import type { ModuleDefinition } from "./module-builder.js";

const SOURCE = String.raw`"""Common string constants and capwords()."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_${"`"}{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word, and join the words with sep (or a space)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))
`;

export const STRING_MODULE: ModuleDefinition = {
  name: "string",
  functions: [],
  source: SOURCE,
  unsupported: ["Template", "Formatter"],
};
