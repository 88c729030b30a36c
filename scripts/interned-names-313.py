#!/usr/bin/env python3
"""Writes src/python/profiles/interned-names-313.ts: what the simulator knows of the strs CPython
3.13 holds interned immortal in a kernel.

Usage (with the CPython 3.13.0 interpreter itself):
    python3.13 scripts/interned-names-313.py > src/python/profiles/interned-names-313.ts

STARTUP: the strs immortal in every 3.13 process before user code runs. Candidates are every
str reachable in a process that imported many modules (objects, types, module dicts, frozen code
objects) and the static identifiers of the interpreter's pycore_global_strings.h; each is tested
in a bare process (isolated, no site-packages: `-I -S` and `import site`, which every kernel
runs too) whose own code uses only names immortal there anyway: a candidate is kept when
sys.intern() of a run-time copy returns an immortal str. Names it misses (never a candidate)
are refused by the simulator, never answered wrong. One-character Latin-1 strs are static
singletons (the simulator's own rule) and paths depend on the installation: neither is listed.

DIGIT_NAMES: the names with a digit that the standard library (its Python modules, tests and
IDLE aside, and its extension modules) and the emulated kernel's driver could intern as names,
beyond STARTUP: a kernel that imported the module holds them immortal.
"""
import json
import os
import re
import subprocess
import sys
import sysconfig
import types

COLLECT = r"""
import sys, gc, _imp, types
for name in sys.argv[1:]:
    try:
        __import__(name)
    except Exception:
        pass
found, seen, stack = set(), set(), []
def push(o):
    if id(o) not in seen:
        seen.add(id(o))
        stack.append(o)
for o in gc.get_objects():
    push(o)
for m in list(sys.modules.values()):
    push(m)
types_left = [object]
while types_left:
    t = types_left.pop()
    push(t)
    try:
        types_left.extend(type.__subclasses__(t))
    except TypeError:
        pass
for name in list(sys.modules):
    if _imp.is_frozen(name):
        push(_imp.get_frozen_object(name))
while stack:
    o = stack.pop()
    if type(o) is str:
        found.add(o)
        continue
    if isinstance(o, types.CodeType):
        for field in (o.co_names, o.co_varnames, o.co_cellvars, o.co_freevars, o.co_consts):
            for item in field:
                push(item)
        for text in (o.co_name, o.co_qualname, o.co_filename):
            push(text)
        continue
    if isinstance(o, type):
        for key, value in type.__dict__['__dict__'].__get__(o).items():
            push(key)
            push(value)
    if isinstance(o, dict):
        for key, value in o.items():
            push(key)
            push(value)
    for attribute in ('__name__', '__qualname__', '__module__', '__dict__'):
        try:
            push(object.__getattribute__(o, attribute))
        except Exception:
            pass
    for referent in gc.get_referents(o):
        push(referent)
print('\0'.join(found), end='')
"""

# Only names a bare 3.13 process holds immortal already (site, sys, open, read, ...).
TEST = r"""
import site, sys
for name in sys.stdin.read().split('\0'):
    if sys.getrefcount(sys.intern(name)) > 4000000000:
        print(name, end='\0')
"""

RICH_IMPORTS = (
    "ast json re traceback types collections inspect linecache codeop tokenize hashlib warnings datetime "
    "asyncio signal faulthandler ctypes gc weakref copy string math enum functools itertools operator "
    "threading socket selectors subprocess dis textwrap"
).split()


def run(args, stdin=""):
    env = {"LC_ALL": "C.UTF-8", "PATH": os.environ.get("PATH", "")}
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, check=True).stdout


DIGIT = re.compile(r"[0-9]")
NAME_CHARS = re.compile(r"^[A-Za-z0-9_]+$")
SKIPPED_LIBRARY_PARTS = ("site-packages", "test", "tests", "idlelib", "turtledemo")
DRIVER = os.path.join(os.path.dirname(__file__), "..", "src", "runners", "python", "driver.py")


def code_names(code, into):
    """Every str a code object's creation interns: names, qualified name, name-like constants."""
    into.update(code.co_names, code.co_varnames, code.co_cellvars, code.co_freevars, (code.co_name, code.co_qualname))
    constants = list(code.co_consts)
    while constants:
        constant = constants.pop()
        if isinstance(constant, str) and NAME_CHARS.match(constant):
            into.add(constant)
        elif isinstance(constant, (tuple, frozenset)):
            constants.extend(constant)
        elif isinstance(constant, types.CodeType):
            code_names(constant, into)


def library_names():
    names = set()
    library = os.path.dirname(os.__file__)
    for root, folders, files in os.walk(library):
        folders[:] = [folder for folder in folders if folder not in SKIPPED_LIBRARY_PARTS]
        for file in files:
            if file.endswith(".py"):
                path = os.path.join(root, file)
                # A module's name, and its attribute name on its package, are interned too.
                dotted = os.path.relpath(path, library)[:-3].replace(os.sep, ".").removesuffix(".__init__")
                names.update((dotted, dotted.rpartition(".")[2]))
                try:
                    code_names(compile(open(path, "rb").read(), path, "exec"), names)
                except (SyntaxError, ValueError):
                    pass
    code_names(compile(open(DRIVER, "rb").read(), DRIVER, "exec"), names)
    extensions = [file.split(".")[0] for file in os.listdir(os.path.join(library, "lib-dynload"))]
    for module_name in sorted(set(extensions) | set(sys.builtin_module_names)):
        if module_name.startswith(("_test", "xx", "_xx", "_ctypes_test")):
            continue
        try:
            module = __import__(module_name)
        except ImportError:
            continue
        names.add(module_name)
        for name, value in vars(module).items():
            names.add(name)
            if isinstance(value, type):
                names.update(vars(value))
    return names


def ts_set(name, comment, strs):
    lines, line = [], ""
    for text in strs:
        item = json.dumps(text, ensure_ascii=True) + ","
        if len(line) + 1 + len(item) > 100:
            lines.append(line)
            line = ""
        line = f"{line} {item}" if line else item
    lines.append(line)
    print(comment)
    print(f"export const {name}: ReadonlySet<string> = new Set([")
    for line in lines:
        print(f"  {line}")
    print("]);")


def main():
    if sys.version_info[:3] != (3, 13, 0):
        sys.exit("run this with CPython 3.13.0")
    header = os.path.join(sysconfig.get_paths()["include"], "internal", "pycore_global_strings.h")
    text = open(header, encoding="utf-8").read()
    candidates = set(re.findall(r"STRUCT_FOR_ID\((\w+)\)", text)) | set(re.findall(r'STRUCT_FOR_STR\(\w+, "([^"]*)"\)', text))
    for imports in ([], RICH_IMPORTS):
        candidates.update(run(["-I", "-c", COLLECT, *imports]).split("\0"))
    candidates = sorted(c for c in candidates if "\0" not in c)
    immortal = run(["-I", "-S", "-c", TEST], "\0".join(candidates)).split("\0")
    startup = sorted(s for s in immortal if s != "" and "/" not in s and not (len(s) == 1 and ord(s) < 256))
    known = set(startup)
    digit_names = sorted(name for name in library_names() if DIGIT.search(name) and name not in known)
    print("// What the simulator knows of the strs CPython 3.13.0 holds interned immortal in a kernel")
    print("// (generated by scripts/interned-names-313.py, which says how they were measured).")
    print()
    ts_set("STARTUP_IMMORTAL_NAMES_313", f"/** Immortal in every 3.13 process before user code runs ({len(startup)} strs). */", startup)
    print()
    ts_set("LIBRARY_DIGIT_NAMES_313", f"/** Names with a digit the standard library or the kernel driver may intern immortal ({len(digit_names)}). */", digit_names)

main()
