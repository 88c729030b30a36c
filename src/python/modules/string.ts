// The string module: its constants, capwords() and Template, written in Python as CPython's
// string.py is (so they are Python functions and classes with Python's argument errors).
// Template finds its placeholders with a hand-written scanner instead of CPython's regular
// expression (the simulator has no re module), so subclasses that change the pattern, flags or
// identifier pattern, and the `pattern`/`flags` attributes, are refused; a custom delimiter
// works. Formatter needs the formatter parser: refused.
import type { ModuleDefinition } from "./module-builder.js";
import type { MethodDef } from "../runtime/method-def.js";
import { rt } from "../runtime/state.js";
import { Unsupported } from "../runtime/errors.js";
import { PyStr } from "../runtime/types/str.js";

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

/** string.Template on the running version: signature style, metaclass (≤3.8), identifier pattern. */
function templateSource(minor: number): string {
  const idpattern = minor <= 6 ? "(?-i:[_a-zA-Z][_a-zA-Z0-9]*)" : "(?a:[_a-z][_a-z0-9]*)";
  // The mapping argument is positional-only from 3.8; before, (*args, **kws) as string.py had.
  const signature = (name: string): string =>
    minor >= 8
      ? `    def ${name}(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
`
      : `    def ${name}(*args, **kws):
        if not args:
            raise TypeError("descriptor '${name}' of 'Template' object needs an argument")
        self, *args = args
        if len(args) > 1:
            raise TypeError('Too many positional arguments')
        if not args:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, args[0])
        else:
            mapping = args[0]
`;
  const classLine = minor <= 8 ? "class Template(metaclass=_TemplateMetaclass):" : "class Template:";
  const metaclass =
    minor <= 8
      ? `
class _TemplateMetaclass(type):
    def __init__(cls, name, bases, dct):
        super(_TemplateMetaclass, cls).__init__(name, bases, dct)
        if bases:
            _check_template_subclass(dct)

`
      : "\n";
  const initSubclass =
    minor >= 9
      ? `
    def __init_subclass__(cls):
        super().__init_subclass__()
        _check_template_subclass(cls.__dict__)
`
      : "";
  return String.raw`
class _Chain:
    """Keyword arguments first, then the mapping (as collections.ChainMap looks keys up)."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        for mapping in (self.first, self.second):
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)


class _RefusedAttribute:
    """A class attribute the simulator cannot provide (it would be a compiled regex or re flag)."""

    def __init__(self, what):
        self.what = what

    def __get__(self, instance, owner=None):
        _refuse(self.what)


def _check_template_subclass(namespace):
    for name in ('pattern', 'flags', 'idpattern', 'braceidpattern'):
        if name in namespace:
            _refuse('string.Template subclasses that set ' + name + ' (the simulator has no re module)')


_sentinel_dict = {}
_ID_START = '_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_ID_CHARS = _ID_START + '0123456789'

${metaclass}
${classLine}
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'${idpattern}'
${minor >= 7 ? "    braceidpattern = None\n" : ""}    flags = _RefusedAttribute('string.Template.flags')
    pattern = _RefusedAttribute('string.Template.pattern')
${initSubclass}
    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        # (start, end, kind, name) for each match of CPython's pattern, left to right: an
        # escaped delimiter, $identifier, $` + "{identifier}" + String.raw`, or an invalid delimiter.
        template = self.template
        delimiter = self.delimiter
        width = len(delimiter)
        at = 0
        found = []
        while True:
            start = template.find(delimiter, at)
            if start < 0:
                return found
            after = start + width
            if template.startswith(delimiter, after):
                found.append((start, after + width, 'escaped', None))
                at = after + width
                continue
            name_end = after
            if name_end < len(template) and template[name_end] in _ID_START:
                name_end += 1
                while name_end < len(template) and template[name_end] in _ID_CHARS:
                    name_end += 1
                found.append((start, name_end, 'named', template[after:name_end]))
                at = name_end
                continue
            if template.startswith('{', after):
                name_end = after + 1
                if name_end < len(template) and template[name_end] in _ID_START:
                    name_end += 1
                    while name_end < len(template) and template[name_end] in _ID_CHARS:
                        name_end += 1
                    if template.startswith('}', name_end):
                        found.append((start, name_end + 1, 'braced', template[after + 1:name_end]))
                        at = name_end + 1
                        continue
            found.append((start, after, 'invalid', None))
            at = after

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

${signature("substitute")}        pieces = []
        at = 0
        for start, end, kind, named in self._placeholders():
            pieces.append(self.template[at:start])
            if named is not None:
                pieces.append(str(mapping[named]))
            elif kind == 'escaped':
                pieces.append(self.delimiter)
            else:
                self._invalid(end)
            at = end
        pieces.append(self.template[at:])
        return ''.join(pieces)

${signature("safe_substitute")}        pieces = []
        at = 0
        for start, end, kind, named in self._placeholders():
            pieces.append(self.template[at:start])
            if named is not None:
                try:
                    pieces.append(str(mapping[named]))
                except KeyError:
                    pieces.append(self.template[start:end])
            elif kind == 'escaped':
                pieces.append(self.delimiter)
            else:
                pieces.append(self.template[start:end])
            at = end
        pieces.append(self.template[at:])
        return ''.join(pieces)
${
  minor >= 11
    ? `
    def is_valid(self):
        for start, end, kind, named in self._placeholders():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, named in self._placeholders():
            if named is not None and named not in ids:
                ids.append(named)
        return ids
`
    : ""
}`;
}

/** _refuse(what): ends the cell as unsupported (for what the Python source cannot provide). */
const REFUSE: MethodDef = {
  name: "_refuse",
  kind: "one",
  impl: (_self, what) => {
    throw new Unsupported(what instanceof PyStr ? what.value : "string");
  },
};

export const STRING_MODULE: ModuleDefinition = {
  name: "string",
  functions: [REFUSE],
  // Built per runtime: Template's source depends on the version.
  get source() {
    return SOURCE + templateSource(rt.profile.minor);
  },
};
