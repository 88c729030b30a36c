# lessonkit's CPython driver: runs a lesson's cells in one interpreter, answering over JSON lines.
#
# Runs unchanged on CPython 3.6-3.13 with the standard library only (IPython is used when asked).
# Started by src/runners/python/process.ts as `python driver.py '<options json>'`.
#
# Channels (see protocol.ts for the messages):
#   - commands arrive on the process's original stdin and replies leave on its original stdout,
#     both moved at start-up to private non-inheritable descriptors; fd 0 then reads /dev/null and
#     fd 1 is joined to fd 2, so neither user code nor its subprocesses can touch the protocol;
#   - fd 2 carries "stray" output written below Python (C code, subprocesses, faulthandler); after
#     every reply-worthy event the driver writes a boundary marker there so the runner knows
#     which cell the stray text belongs to.
#
# Cells run under one of three rule sets:
#   - "ipython": a real IPython InteractiveShell (run_cell with history), its display hook
#     subclassed only to capture text/plain, so Out/_N/_/__/___ bookkeeping is IPython's own;
#   - "emulated": IPython's execution rules reproduced here (one code object per top-level
#     statement, the cell's AST alive until the cell ends, IPython's pretty printer and output
#     cache holding exactly IPython's references);
#   - "repl": `python -i` echo rules (each statement compiled in 'single' mode, builtins._).
#
# Exceptions are reported as type, message and a Python-style traceback without the driver's
# frames, where a cell's frames read `Cell In[N], line M, in <name>` (IPython's label).

import ast
import builtins
import codecs
import codeop
import functools
import io
import json
import linecache
import os
import re
import sys
import time
import traceback
import types
from collections import deque

DRIVER_FILE = os.path.abspath(__file__)
PY_VERSION = sys.version_info
CO_COROUTINE = 0x0080
TOP_LEVEL_AWAIT_FLAG = getattr(ast, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 0)
MODULE_HAS_TYPE_IGNORES = "type_ignores" in ast.Module._fields


# ----------------------------------------------------------------------------------------------
# Protocol channel


class Channel(object):
    """JSON lines in and out on private descriptors; every line is one message."""

    def __init__(self, command_fd, reply_fd, boundary):
        self.commands = os.fdopen(command_fd, "rb")
        self.reply_fd = reply_fd
        self.boundary = boundary.encode("ascii")
        self.sending = False

    def receive(self):
        """The next command, or None when the runner closed the channel."""
        line = self.commands.readline()
        if not line:
            return None
        return json.loads(line.decode("utf-8"))

    def send(self, message):
        # ensure_ascii: the runner can split lines on bytes without decoding first.
        data = (json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")
        view = memoryview(data)
        self.sending = True
        try:
            while view:
                written = os.write(self.reply_fd, view)
                view = view[written:]
        finally:
            self.sending = False

    def mark_boundary(self):
        """Ends the stray output of the current step; False when fd 2 is no longer writable."""
        for stream in (sys.__stdout__, sys.__stderr__):
            try:
                if stream is not None:
                    stream.flush()
            except Exception:
                pass
        try:
            os.write(2, self.boundary)
            return True
        except OSError:
            return False


def open_private_channel(boundary):
    # os.dup returns non-inheritable descriptors (PEP 446): user subprocesses do not get them.
    command_fd = os.dup(0)
    reply_fd = os.dup(1)
    null_fd = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null_fd, 0)
    os.close(null_fd)
    os.dup2(2, 1)
    return Channel(command_fd, reply_fd, boundary)


def install_flush_request_handler(channel, sink):
    """SIGUSR1 asks for the running cell's output so far: the runner sends it just before it kills
    a cell that timed out, so that what the cell printed is not lost with the process."""
    import signal

    if not hasattr(signal, "SIGUSR1"):
        return

    def on_flush_request(signum, frame):
        # A handler runs between bytecodes; never interleave with a message being written.
        if channel.sending:
            return
        cell_id = sink.cell_id
        sink.flush_partial()
        channel.send({"event": "flushed", "id": cell_id})

    signal.signal(signal.SIGUSR1, on_flush_request)


# ----------------------------------------------------------------------------------------------
# Output capture


class OutputSink(object):
    """What a cell shows, in write order; keeps the first `limit` UTF-8 bytes, counts the rest.

    While a cell runs, text is forwarded to the runner every `flush_interval` seconds, so a cell
    that is killed for a timeout still shows what it printed.
    """

    def __init__(self, channel, limit, flush_interval):
        self.channel = channel
        self.limit = limit
        self.flush_interval = flush_interval
        self.cell_id = None
        self.parts = []
        self.kept_bytes = 0
        self.cut_bytes = 0
        self.last_flush = time.monotonic()

    def begin(self, cell_id):
        self.cell_id = cell_id
        self.parts = []
        self.kept_bytes = 0
        self.cut_bytes = 0
        self.last_flush = time.monotonic()

    def write(self, text, size=None):
        if not text:
            return
        if size is None:
            size = utf8_size(text)
        room = self.limit - self.kept_bytes
        if size <= room:
            self.parts.append(text)
            self.kept_bytes += size
        elif room <= 0:
            self.cut_bytes += size
        else:
            encoded = text.encode("utf-8", "surrogatepass")
            # "ignore" drops a character cut in half at the limit.
            head = encoded[:room].decode("utf-8", "ignore")
            if head:
                self.parts.append(head)
            head_size = utf8_size(head)
            self.kept_bytes += head_size
            self.cut_bytes += size - head_size
        if self.cell_id is not None and time.monotonic() - self.last_flush >= self.flush_interval:
            self.flush_partial()

    def flush_partial(self):
        self.last_flush = time.monotonic()
        if self.parts and self.cell_id is not None:
            text = "".join(self.parts)
            self.parts = []
            self.channel.send({"event": "output", "id": self.cell_id, "text": text})

    def finish(self):
        """The text not yet forwarded and the number of bytes cut; ends the cell."""
        text = "".join(self.parts)
        cut = self.cut_bytes
        self.parts = []
        self.cell_id = None
        return text, cut


def utf8_size(text):
    if PY_VERSION >= (3, 7) and text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


class CapturedStream(io.TextIOBase):
    """sys.stdout / sys.stderr for user code: a UTF-8 text stream that writes into the sink."""

    def __init__(self, sink, name, errors):
        super(CapturedStream, self).__init__()
        self._sink = sink
        self._name = name
        self._errors = errors
        self._buffer = CapturedBytes(self)

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return self._errors

    @property
    def name(self):
        return self._name

    @property
    def buffer(self):
        return self._buffer

    @property
    def line_buffering(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return True

    def seekable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        raise io.UnsupportedOperation("fileno")

    def write(self, text):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if self._errors == "strict":
            # Raises UnicodeEncodeError for lone surrogates, as a UTF-8 stdout does.
            size = utf8_size(text) if PY_VERSION >= (3, 7) and text.isascii() else len(text.encode("utf-8"))
        else:
            text = text.encode("utf-8", self._errors).decode("utf-8")
            size = None
        self._sink.write(text, size)
        return len(text)

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        # An explicit flush hands the text to the runner now, so it survives a crash.
        self._sink.flush_partial()


class CapturedBytes(object):
    """`sys.stdout.buffer`: bytes written here are decoded as UTF-8 into the text stream."""

    def __init__(self, text_stream):
        self._text = text_stream
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data):
        text = self._decoder.decode(bytes(data))
        if text:
            self._text.write(text)
        return len(data)

    def flush(self):
        self._text.flush()

    def writable(self):
        return True

    def isatty(self):
        return False


# ----------------------------------------------------------------------------------------------
# Exception reports


class CellLabels(object):
    """Maps the file name a cell was compiled under to its number, for `Cell In[N]` labels."""

    def __init__(self, mapping=None):
        self.mapping = {} if mapping is None else mapping

    def relabel(self, text):
        for filename, number in list(self.mapping.items()):
            pattern = 'File "%s", line ' % filename
            if pattern in text:
                text = text.replace(pattern, "Cell In[%s], line " % number)
        return text


def exception_type_name(exception_type):
    """The name the last traceback line shows: qualified unless defined in __main__/builtins."""
    name = getattr(exception_type, "__qualname__", None) or exception_type.__name__
    module = getattr(exception_type, "__module__", None)
    if module not in ("__main__", "builtins"):
        if not isinstance(module, str):
            module = "<unknown>"
        name = module + "." + name
    return name


def exception_message(value):
    """str(exception); a SyntaxError's bare `msg` (its str() also names the file and line)."""
    if isinstance(value, SyntaxError):
        message = value.msg if value.msg is not None else ""
        return message if isinstance(message, str) else str(message)
    try:
        return str(value)
    except Exception:
        return "<exception str() failed>"


class FrameFilter(object):
    """Leading traceback frames that belong to the driver (or to IPython's machinery)."""

    def __init__(self):
        self.prefixes = []

    def hide_package(self, module):
        folder = os.path.dirname(os.path.abspath(getattr(module, "__file__", "") or ""))
        if folder:
            self.prefixes.append(folder + os.sep)

    def is_hidden(self, filename):
        if filename == DRIVER_FILE:
            return True
        for prefix in self.prefixes:
            if filename.startswith(prefix):
                return True
        return False


def describe_exception(value, tb, labels, frames):
    """Type, message and traceback text of `value`, without the driver's leading frames."""
    try:
        report = traceback.TracebackException(type(value), value, tb, limit=None)
        drop_hidden_frames(report, frames)
        if isinstance(value, SyntaxError) and not any(entry.filename in labels.mapping for entry in report.stack):
            # Raised while compiling the cell: the frames are the compiler's, not the user's.
            report.stack = traceback.StackSummary.from_list([])
            if getattr(report, "exc_traceback", None) is not None:
                report.exc_traceback = None
        text = "".join(report.format())
    except Exception as failure:  # a hostile __str__ or __repr__ must not break the driver
        text = "Traceback could not be formatted (%s: %s)\n%s\n" % (
            type(failure).__name__,
            failure,
            exception_type_name(type(value)),
        )
    return {
        "type": exception_type_name(type(value)),
        "message": exception_message(value),
        "traceback": labels.relabel(text),
    }


def drop_hidden_frames(report, frames):
    pending = [report]
    seen = set()
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        stack = list(current.stack)
        start = 0
        while start < len(stack) and frames.is_hidden(stack[start].filename):
            start += 1
        if start:
            current.stack = traceback.StackSummary.from_list(stack[start:])
        if not current.stack and getattr(current, "exc_traceback", None) is not None:
            current.exc_traceback = None  # 3.6/3.7 print the header whenever a traceback exists
        pending.append(getattr(current, "__cause__", None))
        pending.append(getattr(current, "__context__", None))
        pending.extend(getattr(current, "exceptions", None) or [])


def touch_shown_frame_locals(value, tb):
    """Reads `f_locals` of every frame IPython's traceback formatter reads.

    IPython looks up `__tracebackhide__` in each shown frame's f_locals; on 3.12 and older that
    snapshots a function frame's locals into a dict owned by the frame, which sys.last_traceback
    keeps alive, so an object passed to a failed call has one more reference under IPython.
    The first entry of the outermost traceback is the driver's own frame (IPython's run_code),
    which IPython skips.
    """
    seen = set()
    current = value
    entry = tb.tb_next if tb is not None else None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        while entry is not None:
            entry.tb_frame.f_locals
            entry = entry.tb_next
        cause = getattr(current, "__cause__", None)
        if cause is None and not getattr(current, "__suppress_context__", False):
            cause = getattr(current, "__context__", None)
        current = cause
        entry = current.__traceback__ if current is not None else None


def fill_syntax_error_text(value):
    """IPython re-reads a SyntaxError's line from linecache (code compiled from an AST has none)."""
    if isinstance(value, SyntaxError) and isinstance(value.filename, str) and isinstance(value.lineno, int):
        linecache.checkcache(value.filename)
        line = linecache.getline(value.filename, value.lineno)
        if line:
            value.text = line


def remember_last_exception(exception_type, value, tb):
    """What the REPL and IPython leave behind after an exception (pdb and lessons read them)."""
    sys.last_type = exception_type
    sys.last_value = value
    sys.last_traceback = tb
    if PY_VERSION >= (3, 12):
        sys.last_exc = value


# ----------------------------------------------------------------------------------------------
# IPython-compatible pretty printer (the layout of IPython.lib.pretty, written for this driver)


class _Run(object):
    """Literal text waiting in the pending queue."""

    __slots__ = ("parts", "width")

    def __init__(self):
        self.parts = []
        self.width = 0


class _Gap(object):
    """A place that prints `sep` or, once its group is broken, a newline and indentation."""

    __slots__ = ("sep", "width", "indentation", "group")

    def __init__(self, sep, indentation, group):
        self.sep = sep
        self.width = len(sep)
        self.indentation = indentation
        self.group = group


class _Group(object):
    __slots__ = ("depth", "gaps", "broken")

    def __init__(self, depth):
        self.depth = depth
        self.gaps = deque()
        self.broken = False


class PrettyPrinter(object):
    """Lays out text within `max_width` columns the way IPython's RepresentationPrinter does.

    Text is queued until the line overflows; then the outermost group that still has gaps is
    broken, and every gap of a broken group becomes a newline. The public method names are
    IPython's, because user `_repr_pretty_(self, p, cycle)` methods call them.
    """

    def __init__(self, max_width=79, max_seq_length=1000):
        self.max_width = max_width
        self.max_seq_length = max_seq_length
        self.verbose = False
        self.indentation = 0
        self.chunks = []
        self.column = 0
        self.pending = deque()
        self.pending_width = 0
        root = _Group(0)
        self.open_groups = [root]
        self.levels = [[root]]
        self.printing = []

    # -- layout ---------------------------------------------------------------------------

    def text(self, obj):
        width = len(obj)
        if self.pending:
            last = self.pending[-1]
            if not isinstance(last, _Run):
                last = _Run()
                self.pending.append(last)
            last.parts.append(obj)
            last.width += width
            self.pending_width += width
            self._break_while_too_wide()
        else:
            self.chunks.append(obj)
            self.column += width

    def breakable(self, sep=" "):
        group = self.open_groups[-1]
        if group.broken:
            self._flush_pending()
            self._newline(self.indentation)
        else:
            gap = _Gap(sep, self.indentation, group)
            group.gaps.append(gap)
            self.pending.append(gap)
            self.pending_width += gap.width
            self._break_while_too_wide()

    def break_(self):
        group = self._take_group_to_break()
        if group is not None:
            self._break_group(group)
        self._flush_pending()
        self._newline(self.indentation)

    def begin_group(self, indent=0, open=""):
        if open:
            self.text(open)
        group = _Group(self.open_groups[-1].depth + 1)
        self.open_groups.append(group)
        while len(self.levels) <= group.depth:
            self.levels.append([])
        self.levels[group.depth].append(group)
        self.indentation += indent

    def end_group(self, dedent=0, close=""):
        self.indentation -= dedent
        group = self.open_groups.pop()
        if not group.gaps:
            self._forget(group)
        if close:
            self.text(close)

    def group(self, indent=0, open="", close=""):
        return _GroupContext(self, indent, open, close)

    def indent(self, indent):
        return _IndentContext(self, indent)

    def getvalue(self):
        self._flush_pending()
        return "".join(self.chunks)

    def _newline(self, indentation):
        self.chunks.append("\n" + " " * indentation)
        self.column = indentation
        self.pending_width = 0

    def _emit(self, item):
        if isinstance(item, _Run):
            self.chunks.extend(item.parts)
            self.column += item.width
            return
        group = item.group
        group.gaps.popleft()  # gaps leave the queue in the order they entered their group
        if group.broken:
            self.chunks.append("\n" + " " * item.indentation)
            self.column = item.indentation
        else:
            if not group.gaps:
                self._forget(group)
            self.chunks.append(item.sep)
            self.column += item.width

    def _flush_pending(self):
        while self.pending:
            self._emit(self.pending.popleft())
        self.pending_width = 0

    def _break_while_too_wide(self):
        while self.column + self.pending_width > self.max_width:
            group = self._take_group_to_break()
            if group is None:
                return
            self._break_group(group)

    def _break_group(self, group):
        while group.gaps:
            item = self.pending.popleft()
            self._emit(item)
            self.pending_width -= item.width
        while self.pending and isinstance(self.pending[0], _Run):
            item = self.pending.popleft()
            self._emit(item)
            self.pending_width -= item.width

    def _take_group_to_break(self):
        """The shallowest group with gaps (newest first at its depth), marked broken."""
        for level in self.levels:
            for position in range(len(level) - 1, -1, -1):
                group = level[position]
                if group.gaps:
                    # IPython removes the entry at the mirrored position rather than this one;
                    # done the same way so that both queues always hold the same groups.
                    del level[len(level) - 1 - position]
                    group.broken = True
                    return group
            for group in level:
                group.broken = True
            del level[:]
        return None

    def _forget(self, group):
        if group.depth < len(self.levels):
            level = self.levels[group.depth]
            if group in level:
                level.remove(group)

    # -- objects --------------------------------------------------------------------------

    def _enumerate(self, seq):
        for index, item in enumerate(seq):
            if self.max_seq_length and index >= self.max_seq_length:
                self.text(",")
                self.breakable()
                self.text("...")
                return
            yield index, item

    def pretty(self, obj):
        obj_id = id(obj)
        cycle = obj_id in self.printing
        self.printing.append(obj_id)
        self.begin_group()
        try:
            tables = printer_tables()
            obj_class = safe_getattr(obj, "__class__", None) or type(obj)
            if obj_id in tables.singleton_ids:
                return print_repr(obj, self, cycle)
            for cls in getattr(obj_class, "__mro__", (obj_class,)):
                printer = tables.by_type.get(cls)
                if printer is None:
                    printer = tables.take_deferred(cls)
                if printer is not None:
                    return printer(obj, self, cycle)
                if "_repr_pretty_" in cls.__dict__:
                    method = cls._repr_pretty_
                    if callable(method):
                        return method(obj, self, cycle)
                if cls is not object and callable(cls.__dict__.get("__repr__")):
                    return print_repr(obj, self, cycle)
            return print_default(obj, self, cycle)
        finally:
            self.end_group()
            self.printing.pop()


class _GroupContext(object):
    def __init__(self, printer, indent, open, close):
        self.printer, self.indent, self.open, self.close = printer, indent, open, close

    def __enter__(self):
        self.printer.begin_group(self.indent, self.open)

    def __exit__(self, *exc_info):
        self.printer.end_group(self.indent, self.close)


class _IndentContext(object):
    def __init__(self, printer, indent):
        self.printer, self.amount = printer, indent

    def __enter__(self):
        self.printer.indentation += self.amount

    def __exit__(self, *exc_info):
        self.printer.indentation -= self.amount


def pretty_text(obj):
    printer = PrettyPrinter()
    printer.pretty(obj)
    return printer.getvalue()


def safe_getattr(obj, name, default=None):
    try:
        return getattr(obj, name, default)
    except Exception:
        return default


def sorted_for_display(items):
    items = list(items)
    try:
        return sorted(items)
    except Exception:
        try:
            return sorted(items, key=str)
        except Exception:
            return items


def print_repr(obj, p, cycle):
    lines = repr(obj).splitlines()
    with p.group():
        for index, line in enumerate(lines):
            if index:
                p.break_()
            p.text(line)


def print_default(obj, p, cycle):
    klass = safe_getattr(obj, "__class__", None) or type(obj)
    if safe_getattr(klass, "__repr__", None) is not object.__repr__:
        return print_repr(obj, p, cycle)
    p.begin_group(1, "<")
    p.pretty(klass)
    p.text(" at 0x%x" % id(obj))
    if cycle:
        p.text(" ...")
    p.end_group(1, ">")


def sequence_printer(start, end):
    def print_sequence(obj, p, cycle):
        if cycle:
            return p.text(start + "..." + end)
        step = len(start)
        p.begin_group(step, start)
        for index, item in p._enumerate(obj):
            if index:
                p.text(",")
                p.breakable()
            p.pretty(item)
        if len(obj) == 1 and isinstance(obj, tuple):
            p.text(",")
        p.end_group(step, end)

    return print_sequence


def set_printer(start, end):
    def print_set(obj, p, cycle):
        if cycle:
            return p.text(start + "..." + end)
        if len(obj) == 0:
            return p.text(type(obj).__name__ + "()")
        step = len(start)
        p.begin_group(step, start)
        # Sets are shown sorted when sortable and not too long, as IPython does.
        if p.max_seq_length and len(obj) >= p.max_seq_length:
            items = obj
        else:
            items = sorted_for_display(obj)
        for index, item in p._enumerate(items):
            if index:
                p.text(",")
                p.breakable()
            p.pretty(item)
        p.end_group(step, end)

    return print_set


def mapping_printer(start, end):
    def print_mapping(obj, p, cycle):
        if cycle:
            return p.text("{...}")
        step = len(start)
        p.begin_group(step, start)
        for index, key in p._enumerate(obj.keys()):
            if index:
                p.text(",")
                p.breakable()
            p.pretty(key)
            p.text(": ")
            p.pretty(obj[key])
        p.end_group(step, end)

    return print_mapping


def print_super(obj, p, cycle):
    p.begin_group(8, "<super: ")
    p.pretty(obj.__thisclass__)
    p.text(",")
    p.breakable()
    p.pretty(obj.__self__)
    p.end_group(8, ">")


def print_type(obj, p, cycle):
    # A metaclass with its own __repr__ decides for itself.
    owners = [klass for klass in getattr(type(obj), "__mro__", ()) if "__repr__" in vars(klass)]
    if owners[:1] != [type]:
        return print_repr(obj, p, cycle)
    module = safe_getattr(obj, "__module__", None)
    try:
        name = obj.__qualname__
        if not isinstance(name, str):
            raise TypeError("__qualname__ is not a str")
    except Exception:
        name = obj.__name__
        if not isinstance(name, str):
            name = "<unknown type>"
    if module in (None, "__builtin__", "builtins", "exceptions"):
        p.text(name)
    else:
        p.text(module + "." + name)


def print_function(obj, p, cycle):
    import inspect

    name = safe_getattr(obj, "__qualname__", obj.__name__)
    module = obj.__module__
    if module and module not in ("__builtin__", "builtins", "exceptions"):
        name = module + "." + name
    try:
        shown = name + str(inspect.signature(obj))
    except ValueError:
        shown = name
    p.text("<function %s>" % shown)


def print_exception(obj, p, cycle):
    name = getattr(obj.__class__, "__qualname__", obj.__class__.__name__)
    if obj.__class__.__module__ not in ("exceptions", "builtins"):
        name = "%s.%s" % (obj.__class__.__module__, name)
    p.pretty(CallShape(name, *getattr(obj, "args", ())))


def print_pattern(obj, p, cycle):
    if obj.flags:
        p.pretty(CallShape("re.compile", RawLiteral(obj.pattern), RegexFlags(obj.flags)))
    else:
        p.pretty(CallShape("re.compile", RawLiteral(obj.pattern)))


def print_namespace(obj, p, cycle):
    if cycle:
        p.pretty(CallShape("namespace", PlainText("...")))
    else:
        p.pretty(CallShape("namespace", **obj.__dict__))


def print_defaultdict(obj, p, cycle):
    name = obj.__class__.__name__
    if cycle:
        p.pretty(CallShape(name, PlainText("...")))
    else:
        p.pretty(CallShape(name, obj.default_factory, dict(obj)))


def print_ordereddict(obj, p, cycle):
    name = obj.__class__.__name__
    if cycle:
        p.pretty(CallShape(name, PlainText("...")))
    elif len(obj):
        p.pretty(CallShape(name, list(obj.items())))
    else:
        p.pretty(CallShape(name))


def print_deque(obj, p, cycle):
    name = obj.__class__.__name__
    if cycle:
        p.pretty(CallShape(name, PlainText("...")))
    elif obj.maxlen is not None:
        p.pretty(CallShape(name, list(obj), maxlen=obj.maxlen))
    else:
        p.pretty(CallShape(name, list(obj)))


def print_counter(obj, p, cycle):
    name = obj.__class__.__name__
    if cycle:
        p.pretty(CallShape(name, PlainText("...")))
    elif len(obj):
        p.pretty(CallShape(name, dict(obj)))
    else:
        p.pretty(CallShape(name))


def print_userlist(obj, p, cycle):
    name = obj.__class__.__name__
    if cycle:
        p.pretty(CallShape(name, PlainText("...")))
    else:
        p.pretty(CallShape(name, obj.data))


class CallShape(object):
    """Shows `name(arg, ..., key=value)`, wrapped like a call expression."""

    def __init__(*args, **kwargs):
        self, name = args[0], args[1]
        self.name = name
        self.args = args[2:]
        self.kwargs = kwargs

    def _repr_pretty_(self, p, cycle):
        prefix = self.name + "("
        with p.group(len(prefix), prefix, ")"):
            first = True
            for arg in self.args:
                if not first:
                    p.text(",")
                    p.breakable()
                first = False
                p.pretty(arg)
            for key, value in self.kwargs.items():
                if not first:
                    p.text(",")
                    p.breakable()
                first = False
                key_prefix = key + "="
                with p.group(len(key_prefix), key_prefix):
                    p.pretty(value)


class PlainText(object):
    def __init__(self, value):
        self.value = value

    def _repr_pretty_(self, p, cycle):
        p.text(self.value)


class RawLiteral(object):
    """A pattern shown as a raw string literal: r'\\d+'."""

    def __init__(self, value):
        self.value = value

    def _repr_pretty_(self, p, cycle):
        shown = repr(self.value)
        prefix = "r"
        if shown[:1] in "uU":
            shown = shown[1:]
            prefix = "ur"
        p.text(prefix + shown.replace("\\\\", "\\"))


class RegexFlags(object):
    NAMES = ("TEMPLATE", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "UNICODE", "VERBOSE", "DEBUG")

    def __init__(self, value):
        self.value = value

    def _repr_pretty_(self, p, cycle):
        import warnings

        shown = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in self.NAMES:
                flag = getattr(re, name, 0)
                if flag and self.value & flag:
                    shown.append("re." + name)
        p.text("|".join(shown))


class PrinterTables(object):
    """Which printer shows which type; built on first display (it imports datetime)."""

    def __init__(self):
        import datetime

        self.singleton_ids = set(id(value) for value in (None, True, False, Ellipsis, NotImplemented))
        self.by_type = {
            int: print_repr,
            float: print_repr,
            str: print_repr,
            tuple: sequence_printer("(", ")"),
            list: sequence_printer("[", "]"),
            dict: mapping_printer("{", "}"),
            set: set_printer("{", "}"),
            frozenset: set_printer("frozenset({", "})"),
            super: print_super,
            type(re.compile("")): print_pattern,
            type: print_type,
            types.FunctionType: print_function,
            types.BuiltinFunctionType: print_function,
            types.MethodType: print_repr,
            types.SimpleNamespace: print_namespace,
            datetime.datetime: print_repr,
            datetime.timedelta: print_repr,
            BaseException: print_exception,
            types.MappingProxyType: mapping_printer("mappingproxy({", "})"),
            slice: print_repr,
            range: print_repr,
            bytes: print_repr,
        }
        if type(os.environ) is not dict:
            self.by_type[type(os.environ)] = mapping_printer("environ{", "}")
        # Looked up by (module, name) so that collections need not be imported to know them.
        self.deferred = {
            ("collections", "defaultdict"): print_defaultdict,
            ("collections", "OrderedDict"): print_ordereddict,
            ("collections", "deque"): print_deque,
            ("collections", "Counter"): print_counter,
            ("collections", "UserList"): print_userlist,
        }

    def take_deferred(self, cls):
        key = (safe_getattr(cls, "__module__", None), safe_getattr(cls, "__name__", None))
        try:
            printer = self.deferred.pop(key, None)
        except TypeError:
            return None
        if printer is not None:
            self.by_type[cls] = printer
        return printer


_printer_tables = []


def printer_tables():
    if not _printer_tables:
        _printer_tables.append(PrinterTables())
    return _printer_tables[0]


# ----------------------------------------------------------------------------------------------
# Shared by the kernels


class CellResult(object):
    """What one cell produced besides its output text."""

    def __init__(self):
        self.execution_count = None
        self.exception = None  # the describe_exception() dict of the shown exception


def make_main_module(doc):
    """A fresh __main__ for user code, installed in sys.modules like IPython and the REPL do."""
    module = types.ModuleType("__main__", doc)
    module.__dict__.setdefault("__builtin__", builtins)
    module.__dict__.setdefault("__builtins__", builtins)
    sys.modules["__main__"] = module
    return module


def register_source(filename, source):
    """Lets tracebacks and inspect.getsource() read a cell's lines (never expired by checkcache)."""
    linecache.cache[filename] = (len(source), None, [line + "\n" for line in source.splitlines()], filename)


def module_node(body):
    if MODULE_HAS_TYPE_IGNORES:
        return ast.Module(body=body, type_ignores=[])
    return ast.Module(body=body)


class FlagScope(object):
    """Turns compiler flags on for a while, keeping __future__ flags the code turned on itself."""

    def __init__(self, compiler, flags):
        self.compiler = compiler
        self.flags = flags
        self.added = 0

    def __enter__(self):
        self.added = ~self.compiler.flags & self.flags
        self.compiler.flags |= self.flags

    def __exit__(self, *exc_info):
        self.compiler.flags &= ~self.added


# ----------------------------------------------------------------------------------------------
# The emulated IPython kernel


INDENT_PATTERN = re.compile(r"^[ \t]+")
CLASSIC_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")
CLASSIC_FIRST_PROMPT = re.compile(r"^>>>( |$)")
IPYTHON_PROMPT = re.compile(r"^(((\[nav\]|\[ins\])?\ )?In\ \[\d+\]:\ |\s*\.{3,}:\ ?)")
EXIT_PATTERN = re.compile(r"(exit|quit)(\s*\(.*\))?$")


def transform_like_ipython(raw_cell):
    """IPython's clean-up of a cell before parsing: leading blank lines and indentation, and
    pasted `>>> ` / `In [1]: ` prompts. (Magics and `!` commands are not emulated.)"""
    cell = raw_cell if raw_cell.endswith("\n") else raw_cell + "\n"
    lines = cell.splitlines(True)
    for index, line in enumerate(lines):
        if line and not line.isspace():
            lines = lines[index:]
            break
    match = INDENT_PATTERN.match(lines[0]) if lines else None
    if match:
        space = match.group(0)
        lines = [line[len(space):] if line.startswith(space) else line for line in lines]
    for prompt, first_prompt in ((CLASSIC_PROMPT, CLASSIC_FIRST_PROMPT), (IPYTHON_PROMPT, IPYTHON_PROMPT)):
        if lines and (first_prompt.match(lines[0]) or (len(lines) > 1 and prompt.match(lines[1]))):
            lines = [prompt.sub("", line, count=1) for line in lines]
    return "".join(lines)


def ends_with_semicolon(cell):
    """IPython hides the displayed value when the cell's last token is `;`."""
    import tokenize

    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(cell).readline))
    except Exception:
        return False
    skipped = (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
    for token in reversed(tokens):
        if token[0] in skipped:
            continue
        return token[0] == tokenize.OP and token[1] == ";"
    return False


def ipython_cell_filename(number, source):
    import hashlib

    digest = hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()
    return "<ipython-input-%d-%s>" % (number, digest[:12])


class ExecutionResult(object):
    """IPython's ExecutionResult: the last one stays referenced until the next cell ends."""

    execution_count = None
    error_before_exec = None
    error_in_exec = None
    result = None

    def __init__(self, raw_cell):
        self.info = raw_cell


class OutputCache(object):
    """IPython's DisplayHook: shows the value and keeps it as Out[N], _N, _, __ and ___.

    Reference bookkeeping is IPython's: Out 1, _N 2 (namespace and hidden namespace), _ 3 (this
    object, namespace, hidden namespace), plus the ExecutionResult of the cell.
    """

    cache_size = 1000
    cull_fraction = 0.2

    def __init__(self, shell):
        self.shell = shell
        self.exec_result = None
        setattr(self, "_", "")
        setattr(self, "__", "")
        setattr(self, "___", "")
        shell.user_ns.update({"_": "", "__": "", "___": ""})

    def __call__(self, result=None):
        self.check_for_underscore()
        if result is None or ends_with_semicolon(self.shell.input_history[-1]):
            return
        text = self.shell.text_for_display(result)
        self.update_user_ns(result)
        if self.exec_result is not None:
            self.exec_result.result = result
        if text is not None:
            self.shell.sink.write(text + "\n")
            self.shell.output_reprs[self.shell.execution_count] = text

    def check_for_underscore(self):
        # Something put `_` in builtins (gettext): stop shadowing it with ours.
        if "_" in builtins.__dict__:
            try:
                if self.shell.user_ns["_"] is getattr(self, "_"):
                    del self.shell.user_ns["_"]
            except KeyError:
                pass

    def update_user_ns(self, result):
        shell = self.shell
        user_ns = shell.user_ns
        if result is user_ns["_oh"]:
            return
        if len(user_ns["_oh"]) >= self.cache_size:
            self.cull_cache()
        update_unders = True
        for name in ("_", "__", "___"):
            if name in user_ns and getattr(self, name) is not user_ns.get(name):
                update_unders = False
        setattr(self, "___", getattr(self, "__"))
        setattr(self, "__", getattr(self, "_"))
        setattr(self, "_", result)
        if "_" not in builtins.__dict__ and update_unders:
            shell.push({"_": getattr(self, "_"), "__": getattr(self, "__"), "___": getattr(self, "___")})
        shell.push({"_%s" % shell.execution_count: result})
        user_ns["_oh"][shell.execution_count] = result

    def cull_cache(self):
        import warnings

        history = self.shell.user_ns.get("_oh", {})
        size = len(history)
        cull_count = max(int(size * self.cull_fraction), 2)
        warnings.warn(
            "Output cache limit (currently {size} entries) hit.\n"
            "Flushing oldest {count} entries.".format(size=size, count=cull_count)
        )
        for index, number in enumerate(sorted(history)):
            if index >= cull_count:
                break
            self.shell.user_ns.pop("_%i" % number, None)
            history.pop(number, None)


class ExitAutocall(object):
    """ipykernel's `exit` and `quit` (one object): present in the namespace as IPython puts it there.

    Calling it asks IPython to end the kernel after the cell, which this driver does not do.
    """

    def __call__(self):
        raise NotImplementedError("the emulated kernel cannot end itself (exit/quit)")


ExitAutocall.__module__ = "ipykernel.zmqshell"
ExitAutocall.__name__ = ExitAutocall.__qualname__ = "ZMQExitAutocall"


def make_ipython_open():
    """The `open` IPython 8 puts in the namespace: io.open refusing the process's fds 0-2."""

    @functools.wraps(io.open)
    def open(file, *args, **kwargs):
        if file in {0, 1, 2}:
            raise ValueError(
                "IPython won't let you open fd=%s by default as it is likely to crash IPython. "
                "If you know what you are doing, you can use builtins' open." % (file,)
            )
        return io.open(file, *args, **kwargs)

    return open


class EmulatedKernel(object):
    """IPython's execution rules without IPython (see the module comment)."""

    name = "emulated"

    def __init__(self, sink, frames):
        self.sink = sink
        self.frames = frames
        self.labels = CellLabels()
        self.compiler = codeop.Compile()
        self.execution_count = 1
        self.module = make_main_module("Automatically created module for IPython interactive environment")
        self.user_ns = self.module.__dict__
        self.user_ns_hidden = {}
        self.input_history = [""]
        self.raw_history = [""]
        self.output_reprs = {}
        self.recent_inputs = ["", "", "", ""]  # _i00 (this cell), _i, _ii, _iii
        self.last_execution_result = None
        self.event_loop = None
        self.current = None
        namespace = {
            "_ih": self.input_history,
            "_oh": {},
            "_dh": [os.getcwd()],
            "In": self.input_history,
        }
        namespace["Out"] = namespace["_oh"]
        # IPython's init_user_ns adds these next (open from IPython 8, which needs Python 3.8).
        namespace["get_ipython"] = self.get_ipython
        namespace["exit"] = namespace["quit"] = ExitAutocall()
        if sys.version_info >= (3, 8):
            namespace["open"] = make_ipython_open()
        self.user_ns_hidden.update(namespace)
        self.user_ns.update(namespace)
        self.displayhook = OutputCache(self)
        self.push({"_i": "", "_ii": "", "_iii": ""})
        builtins.display = self.display
        # IPython imports jedi (a dependency, for completion), which raises the limit to 3000.
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))

    def get_ipython(self):
        """The namespace's get_ipython: the running shell."""
        return self

    def push(self, variables):
        """IPython's push(interactive=False): into the namespace, hidden from %who."""
        self.user_ns.update(variables)
        self.user_ns_hidden.update(variables)

    def display(self, *objs, **options):
        """The `display` builtin IPython installs: shows each object's text/plain."""
        for obj in objs:
            text = self.text_for_display(obj)
            if text is not None:
                sys.stdout.write(text + "\n")

    def text_for_display(self, obj):
        """IPython's DisplayFormatter reduced to text/plain; None when nothing is shown."""
        if not isinstance(obj, type):
            if callable(safe_getattr(obj, "_ipython_canary_method_should_not_exist_", None)):
                pass  # an object claiming every attribute: use none of its _ipython_/_repr_ hooks
            else:
                show = safe_getattr(obj, "_ipython_display_", None)
                if callable(show):
                    show()
                    return None
                bundle_method = safe_getattr(obj, "_repr_mimebundle_", None)
                if callable(bundle_method):
                    bundle = bundle_method(include=None, exclude=None)
                    data = bundle[0] if isinstance(bundle, tuple) else bundle
                    if isinstance(data, dict) and "text/plain" in data:
                        return data["text/plain"]
        try:
            return pretty_text(obj)
        except NotImplementedError:
            return None
        except Exception:
            # IPython shows the formatter's traceback and goes on without text/plain.
            self.show_traceback(sys.exc_info(), user_frames_only=False)
            return None

    def store_inputs(self, number, cell, raw_cell):
        source = cell.rstrip("\n")
        source_raw = raw_cell.rstrip("\n")
        if EXIT_PATTERN.match(source_raw.strip()):
            return
        self.input_history.append(source)
        self.raw_history.append(source_raw)
        current, previous, before, _ = self.recent_inputs
        self.recent_inputs = [source_raw, current, previous, before]
        self.push({"_i": current, "_ii": previous, "_iii": before, "_i%s" % number: source_raw})

    def run(self, raw_cell):
        outcome = CellResult()
        self.current = outcome
        result = ExecutionResult(raw_cell)
        if not raw_cell or raw_cell.isspace():
            self.last_execution_result = result
            return outcome
        cell = transform_like_ipython(raw_cell)
        self.compile_for_async_check(cell)
        number = self.execution_count
        result.execution_count = number
        outcome.execution_count = number
        self.store_inputs(number, cell, raw_cell)
        filename = ipython_cell_filename(number, cell)
        self.labels.mapping[filename] = number
        register_source(filename, cell)
        saved_hook = sys.displayhook
        sys.displayhook = self.displayhook
        try:
            try:
                tree = compile(cell, filename, "exec", self.compiler.flags | ast.PyCF_ONLY_AST, True)
            except (OverflowError, SyntaxError, ValueError, TypeError, MemoryError) as error:
                self.show_traceback(sys.exc_info(), user_frames_only=False)
                result.error_before_exec = error
                self.last_execution_result = result
                self.execution_count += 1
                return outcome
            self.displayhook.exec_result = result
            # `tree` stays referenced until this call returns: its constant nodes keep the cell's
            # literals alive while the cell runs, as IPython's parsed cell does.
            self.run_ast_nodes(tree.body, filename, result)
            self.last_execution_result = result
            self.displayhook.exec_result = None
        finally:
            sys.displayhook = saved_hook
        self.execution_count += 1
        return outcome

    def compile_for_async_check(self, cell):
        """IPython compiles the whole cell once (as file "<>") to decide whether it needs an event
        loop; compiler warnings such as SyntaxWarning are printed from that pass too."""
        try:
            compile(cell, "<>", "exec", TOP_LEVEL_AWAIT_FLAG)
        except Exception:
            pass

    def run_ast_nodes(self, nodes, filename, result):
        """One code object per top-level statement; a trailing expression in 'single' mode."""
        if not nodes:
            return False
        if isinstance(nodes[-1], ast.Expr):
            to_run = [(node, "exec") for node in nodes[:-1]] + [(nodes[-1], "single")]
        else:
            to_run = [(node, "exec") for node in nodes]
        try:
            for node, mode in to_run:
                if mode == "exec":
                    wrapper = module_node([node])
                else:
                    wrapper = ast.Interactive(body=[node])
                with FlagScope(self.compiler, TOP_LEVEL_AWAIT_FLAG):
                    code = self.compiler(wrapper, filename, mode)
                if code.co_flags & CO_COROUTINE == CO_COROUTINE:
                    failed = self.run_async_code(code, result)
                else:
                    failed = self.run_code(code, result)
                if failed:
                    return True
        except BaseException as error:
            # Compiling a parsed statement can still fail ('return' outside a function).
            result.error_before_exec = error
            self.show_traceback(sys.exc_info(), user_frames_only=False)
            return True
        return False

    def run_code(self, code, result):
        # This frame heads the traceback of a failed statement and keeps `code` (and so its
        # constants) alive through sys.last_traceback, like IPython's run_code frame.
        try:
            exec(code, self.user_ns, self.user_ns)
        except BaseException as error:
            result.error_in_exec = error
            self.show_traceback(sys.exc_info(), user_frames_only=True)
            return True
        return False

    def run_async_code(self, code, result):
        if self.event_loop is None:
            import asyncio

            self.event_loop = asyncio.new_event_loop()
        return self.event_loop.run_until_complete(self.await_code(code, result))

    async def await_code(self, code, result):
        try:
            await eval(code, self.user_ns, self.user_ns)
        except BaseException as error:
            result.error_in_exec = error
            self.show_traceback(sys.exc_info(), user_frames_only=True)
            return True
        return False

    def show_traceback(self, exc_info, user_frames_only):
        exception_type, value, tb = exc_info
        remember_last_exception(exception_type, value, tb)
        fill_syntax_error_text(value)
        if user_frames_only and not isinstance(value, SyntaxError):
            touch_shown_frame_locals(value, tb)
        if self.current is not None:
            self.current.exception = describe_exception(value, tb, self.labels, self.frames)


# ----------------------------------------------------------------------------------------------
# The real IPython kernel


class IPythonKernel(object):
    """A real InteractiveShell whose display hook writes text/plain into the sink."""

    name = "ipython"

    def __init__(self, sink, frames):
        import IPython
        from IPython.core.displayhook import DisplayHook
        from IPython.core.interactiveshell import InteractiveShell
        from traitlets import Type
        from traitlets.config import Config

        self.version = IPython.__version__
        self.sink = sink
        self.frames = frames
        frames.hide_package(IPython)
        self.current = None
        kernel = self

        class CapturingDisplayHook(DisplayHook):
            # Only where the text goes changes; caching (update_user_ns) is IPython's own.
            def write_output_prompt(self):
                pass

            def write_format_data(self, format_dict, md_dict=None):
                text = format_dict.get("text/plain")
                if text is not None:
                    kernel.sink.write(text + "\n")

            def finish_displayhook(self):
                pass

        class DriverShell(InteractiveShell):
            displayhook_class = Type(CapturingDisplayHook)

            def _showtraceback(self, etype, evalue, stb):
                # IPython has already set sys.last_* and formatted its own traceback (reading
                # each frame's f_locals); we keep our format for the report.
                if kernel.current is not None:
                    tb = getattr(evalue, "__traceback__", None) or sys.last_traceback
                    kernel.current.exception = describe_exception(evalue, tb, kernel.labels, kernel.frames)

        config = Config()
        config.HistoryManager.hist_file = ":memory:"  # no sqlite file shared between sessions
        config.InteractiveShell.colors = "NoColor"
        self.shell = DriverShell.instance(config=config)
        self.labels = CellLabels(getattr(self.shell.compile, "_filename_map", {}))

    def run(self, source):
        outcome = CellResult()
        self.current = outcome
        result = self.shell.run_cell(source, store_history=True)
        outcome.execution_count = getattr(result, "execution_count", None)
        error = getattr(result, "error_before_exec", None) or getattr(result, "error_in_exec", None)
        if error is not None and outcome.exception is None:
            outcome.exception = describe_exception(error, error.__traceback__, self.labels, self.frames)
        return outcome


# ----------------------------------------------------------------------------------------------
# The plain REPL kernel (`display: repr` lessons)


def group_like_repl_lines(body):
    """Statements sharing a line (`a = 1; b = 2`) are one unit of `python -i` input."""
    units = []
    last_line = None
    for node in body:
        if units and node.lineno == last_line:
            units[-1].append(node)
        else:
            units.append([node])
        last_line = getattr(node, "end_lineno", None) or node.lineno
    return units


class ReplKernel(object):
    """`python -i` rules: each statement compiled alone in 'single' mode, echoed by
    sys.__displayhook__ into builtins._; only the running statement's literals are kept alive."""

    name = "repl"

    def __init__(self, sink, frames):
        self.sink = sink
        self.frames = frames
        self.labels = CellLabels()
        self.compiler = codeop.Compile()
        self.cell_number = 0
        self.module = make_main_module(None)
        self.user_ns = self.module.__dict__
        self.current = None

    def run(self, source):
        outcome = CellResult()
        self.current = outcome
        if not source.strip():
            return outcome
        self.cell_number += 1
        outcome.execution_count = self.cell_number
        filename = "<cell %d>" % self.cell_number
        self.labels.mapping[filename] = self.cell_number
        register_source(filename, source)
        try:
            tree = compile(source, filename, "exec", self.compiler.flags | ast.PyCF_ONLY_AST, True)
        except (OverflowError, SyntaxError, ValueError, TypeError, MemoryError):
            self.show_traceback(sys.exc_info())
            return outcome
        units = group_like_repl_lines(tree.body)
        del tree
        saved_hook = sys.displayhook
        sys.displayhook = sys.__displayhook__
        try:
            while units:
                unit = ast.Interactive(body=units.pop(0))
                try:
                    code = self.compiler(unit, filename, "single")
                except Exception:
                    self.show_traceback(sys.exc_info())
                    return outcome
                # `unit` (the statement's tree) lives while the statement runs, like the
                # REPL's parser arena, and is dropped before the next one.
                failed = self.run_code(code)
                del code, unit
                if failed:
                    return outcome
        finally:
            sys.displayhook = saved_hook
        return outcome

    def run_code(self, code):
        try:
            exec(code, self.user_ns, self.user_ns)
        except BaseException:
            self.show_traceback(sys.exc_info())
            return True
        return False

    def show_traceback(self, exc_info):
        exception_type, value, tb = exc_info
        remember_last_exception(exception_type, value, tb)
        fill_syntax_error_text(value)
        self.current.exception = describe_exception(value, tb, self.labels, self.frames)


# ----------------------------------------------------------------------------------------------
# Main loop


def start_kernel(options, sink, frames):
    if options.get("display") == "repr":
        return ReplKernel(sink, frames)
    if options.get("kernel") == "ipython":
        return IPythonKernel(sink, frames)
    return EmulatedKernel(sink, frames)


def serve(channel, sink, kernel):
    while True:
        command = channel.receive()
        if command is None or command.get("op") == "exit":
            return
        if command.get("op") != "run":
            continue
        cell_id = command.get("id")
        sink.begin(cell_id)
        started = time.monotonic()
        try:
            outcome = kernel.run(command.get("source", ""))
            status = "exception" if outcome.exception is not None else "ok"
            reply = {"exception": outcome.exception, "executionCount": outcome.execution_count}
        except BaseException as failure:  # a failure of the driver itself, not of the cell
            status = "error"
            reply = {"message": "the driver failed: %s" % "".join(traceback.format_exception_only(type(failure), failure)).strip()}
        elapsed = time.monotonic() - started
        text, cut = sink.finish()
        reply.update({
            "event": "result",
            "id": cell_id,
            "status": status,
            "output": text,
            "cutBytes": cut,
            "elapsedMs": round(elapsed * 1000, 3),
            "boundary": channel.mark_boundary(),
        })
        channel.send(reply)


def main():
    options = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    started = time.monotonic()
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # own process group: a timeout kills the cell's subprocesses too
    channel = open_private_channel(options.get("boundary", "\n"))
    # The interactive interpreter's view: argv [''] and the working directory first on sys.path,
    # not this script's folder.
    sys.argv = [""]
    if sys.path and os.path.abspath(sys.path[0] or os.curdir) == os.path.dirname(DRIVER_FILE):
        sys.path[0] = ""
    try:
        import faulthandler

        faulthandler.enable(file=sys.__stderr__)
    except Exception:
        pass
    sink = OutputSink(channel, int(options.get("outputLimit", 1 << 20)), float(options.get("flushInterval", 0.25)))
    sys.stdout = CapturedStream(sink, "<stdout>", "strict")
    sys.stderr = CapturedStream(sink, "<stderr>", "backslashreplace")
    install_flush_request_handler(channel, sink)
    frames = FrameFilter()
    try:
        kernel = start_kernel(options, sink, frames)
    except BaseException as failure:
        startup_output, _ = sink.finish()
        channel.mark_boundary()
        channel.send({
            "event": "fatal",
            "message": "".join(traceback.format_exception_only(type(failure), failure)).strip(),
            "output": startup_output,
        })
        return 3
    startup_output, _ = sink.finish()
    channel.mark_boundary()
    channel.send({
        "event": "ready",
        "version": sys.version.split()[0],
        "kernel": kernel.name,
        "ipythonVersion": getattr(kernel, "version", None),
        "startupMs": round((time.monotonic() - started) * 1000, 3),
        "startupOutput": startup_output,
        "pid": os.getpid(),
    })
    serve(channel, sink, kernel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
