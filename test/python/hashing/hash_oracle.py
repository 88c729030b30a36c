# Oracle for the hash differential test: reads tagged values as JSON, prints their CPython hashes.
import json
import struct
import sys


def decode(tagged):
    kind, payload = tagged
    if kind == "s":
        return payload
    if kind == "b":
        return bytes.fromhex(payload)
    if kind == "i":
        return int(payload)
    if kind == "f":
        return struct.unpack(">d", bytes.fromhex(payload))[0]
    if kind == "c":
        return complex(decode(payload[0]), decode(payload[1]))
    if kind == "t":
        return tuple(decode(item) for item in payload)
    if kind == "fs":
        return frozenset(decode(item) for item in payload)
    if kind == "bool":
        return bool(payload)
    raise ValueError(kind)


def main():
    request = json.loads(sys.stdin.read())
    hashes = [str(hash(decode(tagged))) for tagged in request["values"]]
    keep = []
    objects = []
    for _ in range(request["objects"]):
        obj = object()
        keep.append(obj)
        objects.append([str(id(obj)), str(hash(obj))])
    nan = float("nan")
    nan_complex = complex(nan, 1.0)
    identity = {
        "none": [str(id(None)), str(hash(None))],
        "nan": [str(id(nan)), str(hash(nan))],
        "nanComplex": [str(id(nan_complex)), str(hash(nan_complex))],
    }
    # A str with lone surrogates cannot travel through JSON into every version the same way,
    # so build them here from code points.
    lone = ["".join(chr(code) for code in codes) for codes in request["codePoints"]]
    lone_hashes = [str(hash(text)) for text in lone]
    sys.stdout.write(json.dumps({"hashes": hashes, "objects": objects, "identity": identity, "codePointHashes": lone_hashes}))


main()
