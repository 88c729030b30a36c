# Dumps what CPython's str methods say about every code point, for str-unicode-gen.mjs.
#
# Run once per interpreter: python3.X str-unicode-gen.py OUT.jsonl
# Each line: [code point, general category, predicate letters, {method: result}] for every
# code point that is assigned or has a property. Letters: a isalpha, d isdecimal, g isdigit,
# n isnumeric, l islower, u isupper, t istitle, s isspace, p isprintable, i isidentifier,
# x 'a'+c isidentifier (identifier continuation), c cased (what title() tests: 'a'+c+'a' keeps
# the last 'a' lower case only after a cased character).
import json
import sys
import unicodedata

PREDICATES = (
    ("a", str.isalpha), ("d", str.isdecimal), ("g", str.isdigit), ("n", str.isnumeric),
    ("l", str.islower), ("u", str.isupper), ("t", str.istitle), ("s", str.isspace),
    ("p", str.isprintable), ("i", str.isidentifier), ("x", lambda c: ("a" + c).isidentifier()),
    ("c", lambda c: ("a" + c + "a").title()[-1] == "a"),
)

with open(sys.argv[1], "w") as out:
    for code in range(0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        letters = "".join(letter for letter, test in PREDICATES if test(char))
        mappings = {}
        for name in ("lower", "upper", "title", "casefold"):
            mapped = getattr(char, name)()
            if mapped != char:
                mappings[name] = mapped
        if category != "Cn" or letters or mappings:
            out.write(json.dumps([code, category, letters, mappings]) + "\n")
