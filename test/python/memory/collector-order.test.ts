// The order the cycle collector leaves its generation lists in, as gc.get_objects() shows it,
// against CPython: younger generations merged after the collected one, survivors in place,
// objects rescued by move_unreachable moved to the end, and resurrected objects not counted.
import { agreesWithCPython } from "../../support/agreement.js";

const TAGGED = [
  "import gc",
  "gc.disable()",
  "class T:",
  "    def __init__(self, tag): self.tag = tag",
  "def tags():",
  "    return ''.join(o.tag for o in gc.get_objects() if type(o) is T)",
  "collected_at_start = gc.collect()",
].join("\n");

const GENERATIONS = [
  "a = T('a'); b = T('b'); c = T('c'); c.me = c",
  "gc.collect(0)\nd = T('d'); e = T('e'); e.me = e; del e\nf = T('f')",
  "gc.collect(1)\ng = T('g'); h = T('h'); h.me = h; del h\ndel c\ni = T('i')\nprint(tags())",
  "print(gc.collect(2), tags())",
  "j = T('j'); k = T('k'); k.me = k; del k; del b\nprint(gc.collect(0), tags())",
  "l = T('l'); m = T('m'); m.me = m\nprint(gc.collect(1), tags())",
  "del m; del a\nprint(gc.collect(2), tags())",
];

// A chain found unreachable first and rescued later in the walk (its holder comes after it).
const RESCUED = [
  "x = T('x'); y = T('y'); z = T('z'); y.next = x; z.next = y; x.back = z\nholder = T('w')\nholder.keep = z\ndel x, y, z",
  "print(gc.collect(), tags())",
  "n = T('n'); o = T('o'); o.peer = n; n.peer = o\nholder.keep = o\nprint(gc.collect(0), tags())",
];

// A finalizer that resurrects its object: the resurrected cycle is not counted.
const RESURRECTED = [
  "saved = []\nclass Phoenix(T):\n    def __del__(self):\n        saved.append(self)\n        print('finalizing', self.tag)",
  "p = Phoenix('p'); q = T('q'); p.q = q; q.p = p\ndel p, q\nprint(gc.collect(), tags(), [s.tag for s in saved])",
  "saved.clear()\nprint(gc.collect(), tags())",
];

agreesWithCPython("collector list order across generations", [TAGGED, ...GENERATIONS], ["3.8", "3.10", "3.11", "3.12", "3.13"]);
agreesWithCPython("collector list order after rescued objects", [TAGGED, ...RESCUED], ["3.8", "3.11", "3.13"]);
agreesWithCPython("collector with a resurrecting finalizer", [TAGGED, ...RESURRECTED], ["3.8", "3.11", "3.13"]);
