"""Engine and Result: the C API's handles, owned by Python objects."""

from __future__ import annotations

import ctypes
import datetime
import json as _json
import os
import threading
import weakref
from types import TracebackType
from typing import Any, Callable, Dict, Iterator, List, Optional, Type, TypeVar, Union

from . import _native
from ._errors import ArgumentError, ClosedError
from ._native import EnginePtr, LintOptions, ResultPtr, String, SummaryStruct
from ._types import Diagnostic, Summary, copy_string

#: A path: text or os.PathLike.
StrPath = Union[str, "os.PathLike[str]"]
#: What can be linted: bytes as read from a file, or text (linted as UTF-8).
Data = Union[bytes, bytearray, memoryview, str]
#: A date as "YYYY-MM-DD" or a datetime.date.
DateLike = Union[str, datetime.date]

_E = TypeVar("_E", bound="Engine")
_Self = TypeVar("_Self", bound="_Owner")


class _Handle:
    """A library pointer shared by the threads using it: it is freed once, by close() or by
    the garbage collector, and never while a call is using it (close() during a call frees it
    when the last call returns)."""

    def __init__(self, ptr: Any, free: Callable[[Any], None], what: str) -> None:
        self._ptr = ptr
        self._what = what
        self._lock = threading.Lock()
        self._users = 0
        self._closed = False
        # Holds only the function and the pointer, so it does not keep this handle alive.
        self._finalizer = weakref.finalize(self, free, ptr)

    @property
    def closed(self) -> bool:
        return self._closed

    def acquire(self) -> Any:
        with self._lock:
            if self._closed:
                raise ClosedError(f"the {self._what} is closed")
            self._users += 1
            return self._ptr

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            free_now = self._closed and self._users == 0
        if free_now:
            self._finalizer()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            free_now = self._users == 0
        if free_now:
            self._finalizer()


class _Owner:
    _lib: _native.Library
    _handle: _Handle

    def close(self) -> None:
        """Frees the library's handle now. Closing twice does nothing; using the object after
        raises ClosedError."""
        self._handle.close()

    @property
    def closed(self) -> bool:
        return self._handle.closed

    def __enter__(self: _Self) -> _Self:
        self._handle.acquire()  # raises ClosedError when already closed
        self._handle.release()
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


def _c_text(value: Optional[str], what: str) -> Optional[bytes]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")
    raw = value.encode("utf-8")
    if b"\0" in raw:
        raise ArgumentError(f"{what} holds a NUL character")
    return raw


def _c_path(value: Optional[StrPath], what: str) -> Optional[bytes]:
    if value is None:
        return None
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{what} must be a str or a path, not {type(value).__name__}")
    raw = os.fsencode(value)
    if b"\0" in raw:
        raise ArgumentError(f"{what} holds a NUL character")
    return raw


def _c_date(value: Optional[DateLike]) -> Optional[bytes]:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    return _c_text(value, "as_of")


def _options(input_format: Optional[str], as_of: Optional[DateLike]) -> LintOptions:
    options = LintOptions()
    options.struct_size = ctypes.sizeof(LintOptions)
    options.input_format = _c_text(input_format, "input_format")
    options.as_of = _c_date(as_of)
    return options


def _bytes_of(data: Data) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"data must be bytes or str, not {type(data).__name__}")


class Engine(_Owner):
    """A configured linter. Immutable once made: one engine may lint from many threads at once.

    ``Engine()`` has the built-in national pack; ``Engine.from_yaml(text)`` and
    ``Engine.from_file(path)`` read a config. Close it (or use ``with``) to free it now; the
    garbage collector frees it otherwise. Results it gave stay valid after it is closed.
    """

    def __init__(self) -> None:
        lib = _native.load()
        out = EnginePtr()
        lib.check(lib.engine_new_default(ctypes.byref(out)))
        self._adopt(lib, out)

    def _adopt(self, lib: _native.Library, ptr: Any) -> None:
        self._lib = lib
        self._handle = _Handle(ptr, lib.engine_free, "engine")

    @classmethod
    def _made(cls: Type[_E], lib: _native.Library, ptr: Any) -> _E:
        engine = cls.__new__(cls)
        engine._adopt(lib, ptr)
        return engine

    @classmethod
    def from_yaml(cls: Type[_E], text: Union[str, bytes], base_dir: Optional[StrPath] = None) -> _E:
        """An engine from a config given as YAML text. ``base_dir`` resolves the relative paths
        in it (the working folder when None). A config with problems raises ConfigError, whose
        message lists each as "<config>:line:column: message"."""
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        base = _c_path(base_dir, "base_dir")
        lib = _native.load()
        out = EnginePtr()
        lib.check(lib.engine_new_yaml(raw, len(raw), base, ctypes.byref(out)))
        return cls._made(lib, out)

    @classmethod
    def from_file(cls: Type[_E], path: StrPath) -> _E:
        """An engine from a config file (a .guidelint.yaml); relative paths in it are relative
        to its folder. A missing or invalid config raises ConfigError."""
        raw = _c_path(path, "path")
        lib = _native.load()
        out = EnginePtr()
        lib.check(lib.engine_new_file(raw, ctypes.byref(out)))
        return cls._made(lib, out)

    def lint(
        self,
        data: Data,
        name: Optional[StrPath] = None,
        input_format: Optional[str] = None,
        as_of: Optional[DateLike] = None,
    ) -> Result:
        """Lints bytes (or text, as UTF-8). ``name`` is the file name that chooses the format
        (by its extension) and appears in messages; ``input_format`` ("xml", "html", "json",
        "text" or "docx") overrides it; ``as_of`` is the day the rules take as today.
        An input that cannot be parsed is not an error: the result holds a fatal finding."""
        raw = _bytes_of(data)
        c_name = _c_path(name, "name")
        options = _options(input_format, as_of)
        out = ResultPtr()
        ptr = self._handle.acquire()
        try:
            self._lib.check(
                self._lib.lint_buffer(
                    ptr, raw, len(raw), c_name, ctypes.byref(options), ctypes.byref(out)
                )
            )
        finally:
            self._handle.release()
        return Result._made(self._lib, out)

    def lint_file(
        self,
        path: StrPath,
        input_format: Optional[str] = None,
        as_of: Optional[DateLike] = None,
    ) -> Result:
        """Lints a file. One that cannot be read raises InputError."""
        c_path = _c_path(path, "path")
        options = _options(input_format, as_of)
        out = ResultPtr()
        ptr = self._handle.acquire()
        try:
            self._lib.check(
                self._lib.lint_file(ptr, c_path, ctypes.byref(options), ctypes.byref(out))
            )
        finally:
            self._handle.release()
        return Result._made(self._lib, out)

    def __repr__(self) -> str:
        return f"<guidelint.Engine{' closed' if self.closed else ''}>"


class Result(_Owner):
    """The findings of one lint. Belongs to one thread (or is guarded by its user). Everything
    it gives is a Python copy, which outlives it; close it (or use ``with``) to free it now."""

    def __init__(self) -> None:
        raise TypeError("results come from Engine.lint and Engine.lint_file")

    @classmethod
    def _made(cls, lib: _native.Library, ptr: Any) -> Result:
        result = cls.__new__(cls)
        result._lib = lib
        result._handle = _Handle(ptr, lib.result_free, "result")
        return result

    @property
    def summary(self) -> Summary:
        """Counts by severity, findings needing review, guides found, and whether the input
        could not be (fully) read."""
        out = SummaryStruct()
        ptr = self._handle.acquire()
        try:
            self._lib.check(self._lib.result_summary(ptr, ctypes.byref(out)))
        finally:
            self._handle.release()
        return Summary._from_struct(out)

    def __len__(self) -> int:
        ptr = self._handle.acquire()
        try:
            return int(self._lib.result_count(ptr))
        finally:
            self._handle.release()

    def diagnostics(self, locale: Optional[str] = "zh-Hans") -> List[Diagnostic]:
        """The findings in report order, messages in ``locale`` ("zh-Hans", "zh-Hant" or "en");
        an unknown locale raises ArgumentError."""
        c_locale = _c_text(locale, "locale")
        out: List[Diagnostic] = []
        ptr = self._handle.acquire()
        try:
            count = int(self._lib.result_count(ptr))
            for index in range(count):
                d = _native.DiagnosticStruct()
                self._lib.check(self._lib.result_diagnostic(ptr, index, c_locale, ctypes.byref(d)))
                out.append(Diagnostic._from_struct(d))
        finally:
            self._handle.release()
        return out

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics())

    def json(self, locale: Optional[str] = "zh-Hans") -> str:
        """guidelint's JSON report of this result (docs/output.md), messages in ``locale``."""
        c_locale = _c_text(locale, "locale")
        out = String()
        ptr = self._handle.acquire()
        try:
            self._lib.check(self._lib.result_json(ptr, c_locale, ctypes.byref(out)))
            return copy_string(out)
        finally:
            self._handle.release()

    def report(self, locale: Optional[str] = "zh-Hans") -> Dict[str, Any]:
        """The JSON report, parsed."""
        parsed: Dict[str, Any] = _json.loads(self.json(locale))
        return parsed

    def __repr__(self) -> str:
        if self.closed:
            return "<guidelint.Result closed>"
        return f"<guidelint.Result {len(self)} diagnostics>"
