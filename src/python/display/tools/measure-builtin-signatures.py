# Measures how IPython 8 names built-in callables (`<function NAME(SIGNATURE)>`) on every
# installed CPython, and writes src/python/display/builtin-signature-data.ts from the results.
#
# Run with any python3 from the repository root:
#     python3 src/python/display/tools/measure-builtin-signatures.py
# It re-runs itself under each ~/.pyenv/versions/3.X interpreter (mode "measure") and merges.
# Facts measured (no text copied from elsewhere):
#   - module functions: the text IPython shows inside `<function ...>` (module prefix + name +
#     str(inspect.signature(f)), or no signature when inspect raises ValueError);
#   - methods bound to instances or classes of built-in types: the signature only (the shown
#     name depends on the bound object's type and is computed by the simulator);
#   - static methods of built-in types: the shown text, as for module functions.
import glob
import json
import os
import subprocess
import sys

# The modules the simulator implements or plans to (DESIGN.md, "modules").
MODULES = ["builtins", "sys", "gc", "math", "time", "string", "copy", "weakref", "_weakref", "ctypes", "_ctypes"]


def shown_name(function):
    name = getattr(function, "__qualname__", function.__name__)
    module = function.__module__
    if module and module not in ("__builtin__", "builtins", "exceptions"):
        name = module + "." + name
    return name


def signature_text(function):
    import inspect
    try:
        text = str(inspect.signature(function))
    except ValueError:
        return None
    except TypeError:
        return "!unsupported"
    # A default shown with its address is no fact of the version: left out of the table.
    return "!unsupported" if " at 0x" in text else text


def with_signature(shown, signature):
    """The text inside `<function ...>`: the name, then the signature when there is one."""
    if signature == "!unsupported":
        return signature
    return shown if signature is None else shown + signature


def is_function(value):
    import types
    return isinstance(value, (types.FunctionType, types.BuiltinFunctionType))


def sample_types():
    """Built-in types (and their instances when one is cheap to make) worth measuring."""
    import builtins
    import types
    samples = {}
    for value in vars(builtins).values():
        if isinstance(value, type):
            samples.setdefault(value, [])
    for value in vars(types).values():
        if isinstance(value, type):
            samples.setdefault(value, [])
    def generator():
        yield 1
    instances = [
        1, True, 1.5, 1j, "a", b"a", bytearray(b"a"), [], (), {}, set(), frozenset(), range(1),
        slice(1), object(), iter([]), reversed([]), iter(()), iter(range(1)), iter("a"), iter({}),
        iter({}.values()), iter({}.items()), iter(set()), {}.keys(), {}.values(), {}.items(),
        enumerate([]), zip(), map(len, []), filter(None, []), reversed(range(1)), generator(),
        generator, generator.__code__, sys, type.__dict__, super(int, 1), property(), sys.stdout,
        sys.version_info, memoryview(b""), ValueError(), iter(b""), iter(bytearray()),
        (lambda: 0).__get__(1), sys.flags, sys.float_info, sys.hash_info, sys.int_info,
    ]
    try:
        import ctypes
        instances += [ctypes.c_long(0), ctypes.c_int(0), ctypes.c_ssize_t(0), ctypes.c_uint(0),
                      ctypes.c_ulong(0), ctypes.c_char(b"a"), ctypes.c_double(0.0), ctypes.py_object(1),
                      ctypes.c_byte(0), ctypes.c_short(0), ctypes.c_longlong(0), ctypes.c_size_t(0),
                      ctypes.c_void_p(0), ctypes.c_bool(False), ctypes.c_float(0.0)]
        samples.setdefault(ctypes._SimpleCData, [])
    except ImportError:
        pass
    import weakref
    class Target(object):
        pass
    target = Target()
    instances.append(weakref.ref(target))
    for instance in instances:
        samples.setdefault(type(instance), []).append(instance)
    for klass in list(samples):
        for base in klass.__mro__:
            samples.setdefault(base, [])
    return samples, target


def defining_class(mro, name):
    for klass in mro:
        if name in vars(klass):
            return klass
    return None


def type_key(klass):
    module = getattr(klass, "__module__", None)
    return "%s.%s" % (module, klass.__qualname__)


def measure():
    import importlib
    import warnings
    warnings.simplefilter("ignore")
    functions = {}
    for module_name in MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for attribute in sorted(dir(module)):
            try:
                value = getattr(module, attribute)
            except Exception:
                continue
            if not is_function(value):
                continue
            signature = signature_text(value)
            shown = shown_name(value)
            functions[module_name + "." + attribute] = with_signature(shown, signature)
    methods = {}
    samples, _keep = sample_types()
    builtin_function = type(len)
    for klass, instances in samples.items():
        metaclass = type(klass)
        for name in sorted(set(dir(klass)) | set(dir(metaclass))):
            # Bound to the class itself: classmethods and static methods (recorded under the class
            # that defines them), metaclass methods (under `type`, or under the bound class when
            # the metaclass is a special one such as ctypes' PyCSimpleType).
            try:
                value = getattr(klass, name)
            except Exception:
                value = None
            if isinstance(value, builtin_function) and value.__self__ is None:
                # A static method (str.maketrans): shown by its own qualified name.
                owner = defining_class(klass.__mro__, name)
                if owner is not None and isinstance(vars(owner)[name], staticmethod):
                    methods["static:" + type_key(owner) + "." + name] = with_signature(shown_name(value), signature_text(value))
            if isinstance(value, builtin_function) and value.__self__ is klass:
                owner = defining_class(klass.__mro__, name)
                if owner is None:
                    owner = defining_class(metaclass.__mro__, name)
                    if owner is not type:
                        owner = klass
                methods["class:" + type_key(owner) + "." + name] = signature_text(value)
            for instance in instances[:1]:
                try:
                    value = getattr(instance, name)
                except Exception:
                    continue
                if isinstance(value, builtin_function) and value.__self__ is instance:
                    owner = defining_class(klass.__mro__, name) or klass
                    methods["instance:" + type_key(owner) + "." + name] = signature_text(value)
    return {"version": "%d.%d" % sys.version_info[:2], "functions": functions, "methods": methods}


def interpreters():
    found = {}
    for path in glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python")):
        version = path.split("/versions/")[1].split("/")[0]
        minor = int(version.split(".")[1])
        found.setdefault(minor, path)
    return [found[minor] for minor in sorted(found)]


def ts_string(value):
    return json.dumps(value, ensure_ascii=False)


def merge(results, output_path):
    minors = [int(result["version"].split(".")[1]) for result in results]
    lines = []
    lines.append("// Generated by tools/measure-builtin-signatures.py from CPython 3.%d-3.%d: how IPython 8 shows" % (min(minors), max(minors)))
    lines.append("// built-in callables (module functions: shown name and signature; methods: signature).")
    lines.append("/** Minor versions measured; others are unknown (the display refuses them). */")
    lines.append("export const MEASURED_MINORS: readonly number[] = %s;" % json.dumps(minors))
    for table, title in (("functions", "MODULE_FUNCTIONS"), ("methods", "BOUND_METHODS")):
        keys = sorted(set(key for result in results for key in result[table]))
        lines.append("")
        if table == "functions":
            lines.append("/** `module.attribute` -> [[firstMinor, lastMinor, shown text]]; absent in a range = not in that version. */")
        else:
            lines.append("/** `class:|instance:` + `module.Type.name` -> [[firstMinor, lastMinor, signature or null]]; `static:` -> shown text. */")
        lines.append("export const %s: readonly (readonly [string, readonly (readonly [number, number, string | null])[]])[] = [" % title)
        for key in keys:
            runs = []
            for minor, result in zip(minors, results):
                if key not in result[table]:
                    continue
                value = result[table][key]
                if value == "!unsupported":
                    continue
                if runs and runs[-1][2] == value and runs[-1][1] == minor - 1:
                    runs[-1][1] = minor
                else:
                    runs.append([minor, minor, value])
            if runs:
                lines.append("  [%s, [%s]]," % (ts_string(key), ", ".join("[%d, %d, %s]" % (a, b, ts_string(v)) for a, b, v in runs)))
        lines.append("];")
    with open(output_path, "w") as handle:
        handle.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        json.dump(measure(), sys.stdout)
        return
    results = []
    for executable in interpreters():
        text = subprocess.check_output([executable, os.path.abspath(__file__), "measure"], env=dict(os.environ, PYTHONHASHSEED="0"))
        results.append(json.loads(text))
    output = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "builtin-signature-data.ts")
    merge(results, output)
    print("wrote", output)


if __name__ == "__main__":
    main()
