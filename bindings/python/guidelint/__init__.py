"""guidelint for Python: lints government service guides (办事指南) through libguidelint's C API.

    import guidelint

    with guidelint.Engine() as engine, engine.lint(data, "guide.xml") as result:
        for d in result.diagnostics("en"):
            print(d.line, d.column, d.severity.label, d.message, d.rule_id)

The shared library is loaded on first use: from the path in the environment variable
GUIDELINT_LIBRARY, else next to this package, else from the system's library path.
"""

from __future__ import annotations

from typing import Optional, Union
import os

from . import _native
from ._engine import Data, DateLike, Engine, Result, StrPath
from ._errors import (
    ArgumentError,
    ClosedError,
    ConfigError,
    GuidelintError,
    InputError,
    InternalError,
    LibraryError,
    RangeError,
    Status,
)
from ._native import ABI_VERSION, LIBRARY_ENV
from ._types import Citation, Diagnostic, Severity, Span, Summary

__version__ = "0.1.0"

__all__ = [
    "ABI_VERSION",
    "LIBRARY_ENV",
    "ArgumentError",
    "Citation",
    "ClosedError",
    "ConfigError",
    "Data",
    "DateLike",
    "Diagnostic",
    "Engine",
    "GuidelintError",
    "InputError",
    "InternalError",
    "LibraryError",
    "RangeError",
    "Result",
    "Severity",
    "Span",
    "Status",
    "StrPath",
    "Summary",
    "library_path",
    "library_version",
    "load_library",
]


def load_library(path: Union[str, "os.PathLike[str]", None] = None) -> None:
    """Loads the shared library now (it is otherwise loaded on first use): from ``path`` when
    given, else where GUIDELINT_LIBRARY says, next to this package or on the system's library
    path. Raises LibraryError when it cannot be loaded or has another ABI than ABI_VERSION."""
    _native.load(path)


def library_version() -> str:
    """The version of the loaded library, "1.2.3"."""
    return _native.load().version


def library_path() -> str:
    """Where the loaded library was found (as given to the dynamic loader)."""
    return _native.load().path
