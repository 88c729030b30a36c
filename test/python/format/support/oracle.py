# Differential-test oracle: evaluates JSON-described cases in a real CPython, answers in JSON.
# Runs on 3.6+ (no walrus, no match). Floats travel as IEEE-754 bit patterns in hex.
import json
import struct
import sys


def decode_float(text):
    return struct.unpack(">d", bytes.fromhex(text))[0]


def encode_float(x):
    return struct.pack(">d", x).hex()


def unlimited_int(text):
    # Test values may exceed the 4300-digit limit that the cases themselves probe.
    setter = getattr(sys, "set_int_max_str_digits", None)
    if setter is None:
        return int(text)
    previous = sys.get_int_max_str_digits()
    setter(0)
    try:
        return int(text)
    finally:
        setter(previous)


def unlimited_str(value):
    setter = getattr(sys, "set_int_max_str_digits", None)
    if setter is None:
        return str(value)
    previous = sys.get_int_max_str_digits()
    setter(0)
    try:
        return str(value)
    finally:
        setter(previous)


def decode(value):
    if isinstance(value, dict):
        if "f" in value:
            return decode_float(value["f"])
        if "i" in value:
            return unlimited_int(value["i"])
        if "s" in value:
            return value["s"]
        if "b" in value:
            return bool(value["b"])
        if "n" in value:
            return None
        if "c" in value:
            return complex(decode_float(value["c"][0]), decode_float(value["c"][1]))
        if "l" in value:
            return [decode(item) for item in value["l"]]
        if "t" in value:
            return tuple(decode(item) for item in value["t"])
        if "d" in value:
            return dict((key, decode(item)) for key, item in value["d"])
    return value


def encode(value):
    if isinstance(value, bool):
        return {"b": value}
    if isinstance(value, int):
        return {"i": unlimited_str(value)}
    if isinstance(value, float):
        return {"f": encode_float(value)}
    if isinstance(value, complex):
        return {"complex": True}
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    raise TypeError("cannot encode %r" % (value,))


def power(base, exponent):
    # A negative float to a fractional power is complex; the kernel only reports that case, so
    # a complex result and complex pow's own overflow both count as "complex".
    try:
        return base ** exponent
    except OverflowError as error:
        if str(error) == "complex exponentiation":
            return 1j
        raise


def percent(template, args):
    return template % decode(args)


OPERATIONS = {
    "repr": lambda x: repr(decode(x)),
    "format": lambda value, spec: format(decode(value), spec),
    "percent": percent,
    "float": lambda text: float(text),
    "int": lambda text, base: int(text, base),
    "str": lambda value: str(decode(value)),
    "bin": lambda value: bin(decode(value)),
    "oct": lambda value: oct(decode(value)),
    "hex": lambda value: hex(decode(value)),
    "truediv": lambda a, b: decode(a) / decode(b),
    "floordiv": lambda a, b: decode(a) // decode(b),
    "mod": lambda a, b: decode(a) % decode(b),
    "divmod": lambda a, b: divmod(decode(a), decode(b)),
    "pow": lambda a, b: power(decode(a), decode(b)),
    "powmod": lambda a, b, m: pow(decode(a), decode(b), decode(m)),
    "round": lambda x: round(decode(x)),
    "round2": lambda x, n: round(decode(x), decode(n)),
    "tofloat": lambda value: float(decode(value)),
    "toint": lambda value: int(decode(value)),
    "ratio": lambda x: decode(x).as_integer_ratio(),
    "isint": lambda x: decode(x).is_integer(),
    "floathex": lambda x: decode(x).hex(),
}


def run(case):
    try:
        return {"ok": encode(OPERATIONS[case["op"]](*case["args"]))}
    except Exception as error:  # the error itself is the expected result
        return {"err": [type(error).__name__, str(error)]}


def main():
    cases = json.loads(sys.stdin.read())
    results = [run(case) for case in cases]
    sys.stdout.write(json.dumps({"version": list(sys.version_info[:3]), "results": results}))


main()
