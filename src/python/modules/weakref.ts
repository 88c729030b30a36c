// The weakref module, written in Python on top of _weakref as CPython's weakref.py is: ref,
// getweakrefcount, getweakrefs, finalize, and the weak containers (WeakValueDictionary,
// WeakKeyDictionary, WeakSet) whose entries vanish through weak-reference callbacks, with
// removals deferred while they are iterated; proxy comes from _weakref. WeakMethod is refused.
import type { ModuleDefinition } from "./module-builder.js";
import { CONTAINERS_SOURCE } from "./weakref-containers.js";

const SOURCE = String.raw`"""Weak references: ref, finalize and the weak containers."""

from _weakref import getweakrefcount, getweakrefs, ref, ReferenceType, proxy, ProxyType, CallableProxyType

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


def _drop_if_dead(data, key):
    # Removes data[key] only when it still holds a dead reference (a live one replaced it).
    current = data.get(key)
    if current is not None and current() is None:
        del data[key]


class _Iterating:
    """Marks a container as being iterated: removals wait until no iteration runs."""

    def __init__(self, container):
        self.container = container

    def __enter__(self):
        self.container._iterating += 1
        return self

    def __exit__(self, kind, value, traceback):
        container = self.container
        container._iterating -= 1
        if not container._iterating and container._pending_removals:
            container._commit_removals()


class KeyedRef(ref):
    """A reference that remembers the dictionary key it is stored under."""

    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


${CONTAINERS_SOURCE}
class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) once obj dies."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _next_index = 0
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, *args, **kwargs):
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._next_index
        finalize._next_index += 1
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """Calls func(*args, **kwargs) the first time, while alive; returns None later."""
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """While alive: marks the finalizer dead and returns (obj, func, args, kwargs)."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """While alive: (obj, func, args, kwargs); else None."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer has yet to run."""
        return self in self._registry

    @property
    def atexit(self):
        """Whether the finalizer runs when the interpreter exits."""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))
`;

export const WEAKREF_MODULE: ModuleDefinition = {
  name: "weakref",
  functions: [],
  source: SOURCE,
};
