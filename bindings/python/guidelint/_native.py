"""Finding and loading libguidelint, and the ctypes declarations of its C API.

The Structures below mirror include/guidelint/guidelint.h field by field; every function used
has its argtypes and restype declared. Functions of a CDLL release the GIL while they run, so
several Python threads can lint with one engine at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from typing import List, Optional, Tuple, Union

from ._errors import LibraryError, error_for

#: The ABI of the C API this binding was written for (GUIDELINT_ABI_VERSION in guidelint.h).
ABI_VERSION = 1

#: The environment variable naming the shared library to load.
LIBRARY_ENV = "GUIDELINT_LIBRARY"

_c_size = ctypes.c_size_t
_c_uint32 = ctypes.c_uint32
_c_int = ctypes.c_int


class String(ctypes.Structure):
    """guidelint_string: NUL-terminated UTF-8 owned by the library, with its length."""

    _fields_ = [
        ("data", ctypes.c_void_p),
        ("length", _c_size),
    ]


class SummaryStruct(ctypes.Structure):
    """guidelint_summary."""

    _fields_ = [
        ("guides", _c_size),
        ("errors", _c_size),
        ("warnings", _c_size),
        ("infos", _c_size),
        ("reviews", _c_size),
        ("fatal", _c_int),
    ]


class LintOptions(ctypes.Structure):
    """guidelint_lint_options; struct_size must be set to its size."""

    _fields_ = [
        ("struct_size", _c_size),
        ("input_format", ctypes.c_char_p),
        ("as_of", ctypes.c_char_p),
    ]


class DiagnosticStruct(ctypes.Structure):
    """guidelint_diagnostic."""

    _fields_ = [
        ("rule_id", String),
        ("message_id", String),
        ("message", String),
        ("severity", _c_int),  # guidelint_severity, an enum: int-sized
        ("fatal", _c_int),
        ("needs_review", _c_int),
        ("has_span", _c_int),
        ("line", _c_uint32),
        ("column", _c_uint32),
        ("end_line", _c_uint32),
        ("end_column", _c_uint32),
        ("column_utf16", _c_uint32),
        ("end_column_utf16", _c_uint32),
        ("offset", _c_uint32),
        ("end_offset", _c_uint32),
        ("element_id", String),
        ("guide", _c_int),
        ("item", String),
        ("decision", String),
        ("decision_title", String),
        ("decision_date", String),
        ("source", String),
    ]


class EngineStruct(ctypes.Structure):
    """guidelint_engine: opaque."""


class ResultStruct(ctypes.Structure):
    """guidelint_result: opaque."""


EnginePtr = ctypes.POINTER(EngineStruct)
ResultPtr = ctypes.POINTER(ResultStruct)

_status = _c_int  # guidelint_status

# name: (restype, argtypes)
_FUNCTIONS = {
    "guidelint_version": (ctypes.c_char_p, []),
    "guidelint_abi_version": (_c_int, []),
    "guidelint_last_error": (ctypes.c_char_p, []),
    "guidelint_engine_new_default": (_status, [ctypes.POINTER(EnginePtr)]),
    "guidelint_engine_new_yaml": (
        _status,
        [ctypes.c_char_p, _c_size, ctypes.c_char_p, ctypes.POINTER(EnginePtr)],
    ),
    "guidelint_engine_new_file": (_status, [ctypes.c_char_p, ctypes.POINTER(EnginePtr)]),
    "guidelint_engine_free": (None, [EnginePtr]),
    "guidelint_lint_buffer": (
        _status,
        [
            EnginePtr,
            ctypes.c_char_p,
            _c_size,
            ctypes.c_char_p,
            ctypes.POINTER(LintOptions),
            ctypes.POINTER(ResultPtr),
        ],
    ),
    "guidelint_lint_file": (
        _status,
        [EnginePtr, ctypes.c_char_p, ctypes.POINTER(LintOptions), ctypes.POINTER(ResultPtr)],
    ),
    "guidelint_result_free": (None, [ResultPtr]),
    "guidelint_result_summary": (_status, [ResultPtr, ctypes.POINTER(SummaryStruct)]),
    "guidelint_result_count": (_c_size, [ResultPtr]),
    "guidelint_result_diagnostic": (
        _status,
        [ResultPtr, _c_size, ctypes.c_char_p, ctypes.POINTER(DiagnosticStruct)],
    ),
    "guidelint_result_json": (
        _status,
        [ResultPtr, ctypes.c_char_p, ctypes.POINTER(String)],
    ),
}


class Library:
    """A loaded libguidelint with its functions declared."""

    def __init__(self, cdll: ctypes.CDLL, path: str) -> None:
        self.cdll = cdll
        self.path = path
        try:
            abi = cdll.guidelint_abi_version
        except AttributeError:
            raise LibraryError(
                f"{path} is not libguidelint: it has no guidelint_abi_version"
            ) from None
        abi.restype = _c_int
        abi.argtypes = []
        self.abi_version = int(abi())
        if self.abi_version != ABI_VERSION:
            raise LibraryError(
                f"{path} has guidelint ABI version {self.abi_version}, but this binding was "
                f"written for ABI version {ABI_VERSION}: install a matching library or binding"
            )
        for name, (restype, argtypes) in _FUNCTIONS.items():
            try:
                fn = getattr(cdll, name)
            except AttributeError:
                raise LibraryError(f"{path} lacks {name}: not a complete libguidelint") from None
            fn.restype = restype
            fn.argtypes = argtypes
        self.version: str = cdll.guidelint_version().decode("utf-8", "replace")
        self.last_error = cdll.guidelint_last_error
        self.engine_new_default = cdll.guidelint_engine_new_default
        self.engine_new_yaml = cdll.guidelint_engine_new_yaml
        self.engine_new_file = cdll.guidelint_engine_new_file
        self.engine_free = cdll.guidelint_engine_free
        self.lint_buffer = cdll.guidelint_lint_buffer
        self.lint_file = cdll.guidelint_lint_file
        self.result_free = cdll.guidelint_result_free
        self.result_summary = cdll.guidelint_result_summary
        self.result_count = cdll.guidelint_result_count
        self.result_diagnostic = cdll.guidelint_result_diagnostic
        self.result_json = cdll.guidelint_result_json

    def check(self, status: int) -> None:
        """Raises the error for a failed call. Call it right after the call, on its thread:
        the library keeps the last error per thread, and this reads it before anything else
        can fail on this thread."""
        if status != 0:
            raw: Optional[bytes] = self.last_error()
            raise error_for(status, (raw or b"").decode("utf-8", "replace"))


def _names_next_to_package() -> List[str]:
    if sys.platform == "win32":
        return ["guidelint.dll", "libguidelint.dll"]
    if sys.platform == "darwin":
        return ["libguidelint.0.dylib", "libguidelint.dylib"]
    return ["libguidelint.so.0", "libguidelint.so"]


def _system_names() -> List[str]:
    names: List[str] = []
    if sys.platform == "win32":
        names.append("guidelint.dll")
    elif sys.platform == "darwin":
        names.append("libguidelint.0.dylib")
    else:
        names.append("libguidelint.so.0")
    found = ctypes.util.find_library("guidelint")
    if found and found not in names:
        names.append(found)
    return names


def _candidates() -> Tuple[List[str], bool]:
    """Where to look, in order, and whether the list is the environment's one path."""
    env = os.environ.get(LIBRARY_ENV, "")
    if env:
        return [env], True
    here = os.path.dirname(os.path.abspath(__file__))
    beside = [os.path.join(here, n) for n in _names_next_to_package()]
    return [p for p in beside if os.path.exists(p)] + _system_names(), False


_lock = threading.Lock()
_library: Optional[Library] = None


def load(path: Union[str, "os.PathLike[str]", None] = None) -> Library:
    """The library, loaded on first use (from ``path`` when given, and then only from there)."""
    global _library
    with _lock:
        if path is None and _library is not None:
            return _library
        if path is not None:
            candidates, exact = [os.fspath(path)], True
        else:
            candidates, exact = _candidates()
        failures: List[str] = []
        for candidate in candidates:
            try:
                cdll = ctypes.CDLL(candidate)
            except OSError as e:
                failures.append(f"{candidate}: {e}")
                continue
            library = Library(cdll, candidate)
            _library = library
            return library
        if exact:
            source = "" if path is not None else f" (from {LIBRARY_ENV})"
            raise LibraryError(
                f"cannot load the guidelint library{source}: {'; '.join(failures)}"
            )
        raise LibraryError(
            "cannot find the guidelint library (libguidelint): looked next to the guidelint "
            "package and on the system's library path; set "
            f"{LIBRARY_ENV} to its path. Tried: {'; '.join(failures)}"
        )
