# Oracle for the set/dict differential tests: runs op scenarios, reports order and getsizeof.
import ctypes
import json
import sys

SIZEOF = sys.getsizeof


def set_internals(target):
    """fill and mask of a PySetObject (refcnt, type, fill, used, mask: same layout 3.6-3.13)."""
    read = ctypes.c_ssize_t.from_address
    return read(id(target) + 16).value, read(id(target) + 32).value


def dict_internals(target):
    """dk_usable and dk_nentries of a dict's keys object (ma_keys at offset 32 in 3.6-3.13;
    the keys header is 5 words up to 3.10, refcnt/bytes/version/usable/nentries from 3.11)."""
    read = ctypes.c_ssize_t.from_address
    keys = ctypes.c_void_p.from_address(id(target) + 32).value
    if sys.version_info >= (3, 11):
        return read(keys + 16).value, read(keys + 24).value
    return read(keys + 24).value, read(keys + 32).value


def decode(tagged):
    kind, payload = tagged
    return payload if kind == "s" else int(payload)


def encode(value):
    return ["s", value] if isinstance(value, str) else ["i", str(value)]


def set_display(keys, constant):
    if not keys:
        return set()
    if constant:
        return eval("{" + ", ".join(repr(key) for key in keys) + "}")
    names = {"v%d" % index: key for index, key in enumerate(keys)}
    return eval("{" + ", ".join(names) + "}", {}, names)


def dict_display(keys, constant):
    if constant:
        return eval("{" + ", ".join("%r: %d" % (key, index) for index, key in enumerate(keys)) + "}")
    names = {"v%d" % index: key for index, key in enumerate(keys)}
    return eval("{" + ", ".join("%s: %d" % (name, index) for index, name in enumerate(names)) + "}", {}, names)


def frozen_rebuilds(keys, got):
    """Which constant-folding path built a display: True when the frozenset constant was
    rebuilt a second time (interning swapped a str), False when not, None when both agree."""
    first = frozenset(tuple(keys))
    second = frozenset(tuple(first))
    third = frozenset(tuple(second))
    once, twice = set(), set()
    once.update(second)
    twice.update(third)
    matches_once, matches_twice = list(once) == got, list(twice) == got
    if matches_once == matches_twice:
        return None
    return matches_twice


def run_set_scenario(ops):
    env = {}
    snapshots = []
    for op in ops:
        kind = op[0]
        popped = None
        hint = None
        if kind == "new":
            env[op[1]] = set()
        elif kind == "add":
            env[op[1]].add(decode(op[2]))
        elif kind == "discard":
            env[op[1]].discard(decode(op[2]))
        elif kind == "pop":
            try:
                popped = encode(env[op[1]].pop())
            except KeyError:
                popped = None
        elif kind == "clear":
            env[op[1]].clear()
        elif kind == "display":
            keys = [decode(key) for key in op[2]]
            env[op[1]] = set_display(keys, True)
            hint = frozen_rebuilds(keys, list(env[op[1]]))
        elif kind == "displayVars":
            env[op[1]] = set_display([decode(key) for key in op[2]], False)
        elif kind == "fromList":
            env[op[1]] = set([decode(key) for key in op[2]])
        elif kind == "fromDict":
            env[op[1]] = set({decode(key): None for key in op[2]})
        elif kind == "copy":
            env[op[1]] = env[op[2]].copy()
        elif kind == "setOf":
            env[op[1]] = set(env[op[2]])
        elif kind == "or":
            env[op[1]] = env[op[2]] | env[op[3]]
        elif kind == "and":
            env[op[1]] = env[op[2]] & env[op[3]]
        elif kind == "sub":
            env[op[1]] = env[op[2]] - env[op[3]]
        elif kind == "xor":
            env[op[1]] = env[op[2]] ^ env[op[3]]
        elif kind == "ior":
            env[op[1]] |= env[op[2]]
        elif kind == "iand":
            env[op[1]] &= env[op[2]]
        elif kind == "isub":
            env[op[1]] -= env[op[2]]
        elif kind == "ixor":
            env[op[1]] ^= env[op[2]]
        elif kind == "updateList":
            env[op[1]].update([decode(key) for key in op[2]])
        elif kind == "differenceUpdateList":
            env[op[1]].difference_update([decode(key) for key in op[2]])
        elif kind == "intersectionUpdateList":
            env[op[1]].intersection_update([decode(key) for key in op[2]])
        elif kind == "symmetricDifferenceUpdateList":
            env[op[1]].symmetric_difference_update([decode(key) for key in op[2]])
        elif kind == "updateDict":
            env[op[1]].update({decode(key): None for key in op[2]})
        elif kind == "symmetricDifferenceUpdateDict":
            env[op[1]].symmetric_difference_update({decode(key): None for key in op[2]})
        elif kind == "differenceDict":
            env[op[1]] = env[op[2]].difference({decode(key): None for key in op[3]})
        elif kind == "intersectionList":
            env[op[1]] = env[op[2]].intersection([decode(key) for key in op[3]])
        elif kind == "differenceList":
            env[op[1]] = env[op[2]].difference([decode(key) for key in op[3]])
        else:
            raise ValueError(kind)
        target = env[op[1]]
        fill, mask = set_internals(target)
        snapshots.append({"keys": [encode(key) for key in target], "size": SIZEOF(target), "fill": fill, "mask": mask,
                          "popped": popped, "hint": hint})
    return snapshots


def run_dict_scenario(ops):
    env = {}
    snapshots = []
    for step, op in enumerate(ops):
        kind = op[0]
        result = None
        if kind == "literal":
            env[op[1]] = {}
        elif kind == "display":
            env[op[1]] = dict_display([decode(key) for key in op[2]], True)
        elif kind == "displayVars":
            env[op[1]] = dict_display([decode(key) for key in op[2]], False)
        elif kind == "comp":
            env[op[1]] = {decode(key): index for index, key in enumerate(op[2])}
        elif kind == "pairs":
            env[op[1]] = dict([(decode(key), index) for index, key in enumerate(op[2])])
        elif kind == "kw":
            env[op[1]] = eval("dict(" + ", ".join("%s=%d" % (name, index) for index, name in enumerate(op[2])) + ")")
        elif kind == "kwSplat":
            kw = {name: index for index, name in enumerate(op[2])}
            env[op[1]] = dict(**kw)
        elif kind == "fromkeysList":
            env[op[1]] = dict.fromkeys([decode(key) for key in op[2]], 0)
        elif kind == "fromkeysDict":
            env[op[1]] = dict.fromkeys(env[op[2]], 0)
        elif kind == "fromkeysSet":
            env[op[1]] = dict.fromkeys(set([decode(key) for key in op[2]]), 0)
        elif kind == "dictOf":
            env[op[1]] = dict(env[op[2]])
        elif kind == "copy":
            env[op[1]] = env[op[2]].copy()
        elif kind == "set":
            env[op[1]][decode(op[2])] = step
        elif kind == "del":
            key = decode(op[2])
            if key in env[op[1]]:
                del env[op[1]][key]
        elif kind == "pop":
            value = env[op[1]].pop(decode(op[2]), None)
            result = None if value is None else value
        elif kind == "popitem":
            try:
                key, value = env[op[1]].popitem()
                result = [encode(key), value]
            except KeyError:
                result = None
        elif kind == "clear":
            env[op[1]].clear()
        elif kind == "update":
            env[op[1]].update(env[op[2]])
        else:
            raise ValueError(kind)
        target = env[op[1]]
        items = [[encode(key), value] for key, value in target.items()]
        usable, nentries = dict_internals(target)
        snapshots.append({"items": items, "size": SIZEOF(target), "usable": usable, "nentries": nentries,
                          "result": result})
    return snapshots


def run_instance_scenario(ops):
    classes = {}
    objects = {}
    snapshots = []
    for step, op in enumerate(ops):
        kind = op[0]
        if kind == "class":
            classes[op[1]] = type(op[1], (), {})
        elif kind == "new":
            objects[op[1]] = classes[op[2]]()
        elif kind == "setattr":
            setattr(objects[op[1]], op[2], step)
        elif kind == "delattr":
            try:
                delattr(objects[op[1]], op[2])
            except AttributeError:
                pass
        elif kind == "dictSet":
            objects[op[1]].__dict__[op[2]] = step
        elif kind == "dict":
            d = objects[op[1]].__dict__
            snapshots.append({"items": [[key, value] for key, value in d.items()], "size": SIZEOF(d)})
            del d
        elif kind == "dictCopy":
            # The copy shares the keys table; free it at once so its reference goes away.
            d = objects[op[1]].__dict__.copy()
            snapshots.append({"items": [[key, value] for key, value in d.items()], "size": SIZEOF(d)})
            del d
        else:
            raise ValueError(kind)
    return snapshots


def main():
    request = json.loads(sys.stdin.read())
    runners = {"sets": run_set_scenario, "dicts": run_dict_scenario, "instances": run_instance_scenario}
    answer = {}
    for kind, scenarios in request.items():
        answer[kind] = [runners[kind](ops) for ops in scenarios]
    sys.stdout.write(json.dumps(answer))


main()
