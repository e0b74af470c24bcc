"""The exceptions the binding raises, one class per guidelint_status."""

from __future__ import annotations

import enum
from typing import Dict, Optional, Type


class Status(enum.IntEnum):
    """guidelint_status: what a C API call returned."""

    OK = 0
    ARGUMENT = 1
    CONFIG = 2
    IO = 3
    RANGE = 4
    INTERNAL = 5


class GuidelintError(Exception):
    """Base of every error the binding raises.

    ``message`` is why the call failed, in English (the C API's ``guidelint_last_error()`` for
    errors the library reports); ``status`` is the C API's status, or None for an error found on
    the Python side (no library, a closed handle).
    """

    status: Optional[Status]
    message: str

    def __init__(self, message: str, status: Optional[Status] = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


class ArgumentError(GuidelintError, ValueError):
    """An argument the library refused: an unknown locale or input format, a bad date, …"""


class ConfigError(GuidelintError):
    """The config has problems; ``problems`` lists them, each "name:line:column: message"."""

    @property
    def problems(self) -> list[str]:
        return [line for line in self.message.splitlines() if line.strip()]


class InputError(GuidelintError, OSError):
    """A file could not be read."""


class RangeError(GuidelintError, IndexError):
    """An index past the end."""


class InternalError(GuidelintError):
    """Out of memory, or a bug caught at the library's boundary."""


class LibraryError(GuidelintError):
    """The shared library could not be found or loaded, or speaks another ABI."""


class ClosedError(GuidelintError, ValueError):
    """An engine or a result was used after it was closed."""


_BY_STATUS: Dict[int, Type[GuidelintError]] = {
    Status.ARGUMENT: ArgumentError,
    Status.CONFIG: ConfigError,
    Status.IO: InputError,
    Status.RANGE: RangeError,
    Status.INTERNAL: InternalError,
}


def error_for(status: int, message: str) -> GuidelintError:
    """The exception for a failed call's status and the thread's last error."""
    try:
        known: Optional[Status] = Status(status)
    except ValueError:
        known = None
    cls = _BY_STATUS.get(status, GuidelintError)
    if not message:
        message = f"guidelint call failed with status {status}"
    return cls(message, known)
