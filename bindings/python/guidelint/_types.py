"""The values a result gives: plain Python, copied out of the library."""

from __future__ import annotations

import ctypes
import enum
from dataclasses import dataclass, field
from typing import Optional

from ._native import DiagnosticStruct, String, SummaryStruct


class Severity(enum.IntEnum):
    """guidelint_severity; ordered, so ``d.severity >= Severity.WARNING`` reads as it says."""

    OFF = 0
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The word the reports use: "off", "info", "warning" or "error"."""
        return self.name.lower()


@dataclass(frozen=True)
class Summary:
    """Counts over a result."""

    guides: int
    #: findings at error severity, not counting those that need review
    errors: int
    warnings: int
    infos: int
    #: findings that need a person to look, whatever their severity
    reviews: int
    #: the input could not be read as guides, or not all of it
    fatal: bool

    @classmethod
    def _from_struct(cls, s: SummaryStruct) -> Summary:
        return cls(
            guides=int(s.guides),
            errors=int(s.errors),
            warnings=int(s.warnings),
            infos=int(s.infos),
            reviews=int(s.reviews),
            fatal=bool(s.fatal),
        )


@dataclass(frozen=True)
class Span:
    """Where a finding is: 1-based lines, columns in code points (and in UTF-16 code units, as
    Java and JavaScript count), ends exclusive, byte offsets into the input."""

    line: int
    column: int
    end_line: int
    end_column: int
    column_utf16: int
    end_column_utf16: int
    offset: int
    end_offset: int


@dataclass(frozen=True)
class Citation:
    """The catalog entry a finding rests on: the item and the State Council decision (its
    number, title, date and source), each as the catalog states it ("" when it does not)."""

    item: str
    decision: str
    decision_title: str
    decision_date: str
    source: str


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Positions are None when the finding has no place in the input (``span`` is
    then None too); ``guide`` is None for a finding about the input as a whole; ``element_id``
    is None when the finding concerns no element; ``citation`` is None unless the finding is
    about a catalog item."""

    rule_id: str
    message_id: str
    message: str
    severity: Severity
    fatal: bool
    needs_review: bool
    line: Optional[int]
    column: Optional[int]
    end_line: Optional[int]
    end_column: Optional[int]
    column_utf16: Optional[int]
    end_column_utf16: Optional[int]
    offset: Optional[int]
    end_offset: Optional[int]
    element_id: Optional[str]
    guide: Optional[int]
    citation: Optional[Citation]
    #: the positions above, grouped; None when the finding has no place
    span: Optional[Span] = field(repr=False)

    @property
    def rule(self) -> str:
        """The rule id (the name every guidelint binding uses)."""
        return self.rule_id

    @property
    def element(self) -> Optional[str]:
        """The canonical element id (the name every guidelint binding uses)."""
        return self.element_id

    @classmethod
    def _from_struct(cls, d: DiagnosticStruct) -> Diagnostic:
        span: Optional[Span] = None
        if d.has_span:
            span = Span(
                line=int(d.line),
                column=int(d.column),
                end_line=int(d.end_line),
                end_column=int(d.end_column),
                column_utf16=int(d.column_utf16),
                end_column_utf16=int(d.end_column_utf16),
                offset=int(d.offset),
                end_offset=int(d.end_offset),
            )
        fields = (
            copy_string(d.item),
            copy_string(d.decision),
            copy_string(d.decision_title),
            copy_string(d.decision_date),
            copy_string(d.source),
        )
        citation = Citation(*fields) if any(fields) else None
        try:
            severity = Severity(d.severity)
        except ValueError:  # a later library's severity: keep the finding readable
            severity = Severity.ERROR
        element = copy_string(d.element_id)
        return cls(
            rule_id=copy_string(d.rule_id),
            message_id=copy_string(d.message_id),
            message=copy_string(d.message),
            severity=severity,
            fatal=bool(d.fatal),
            needs_review=bool(d.needs_review),
            line=span.line if span else None,
            column=span.column if span else None,
            end_line=span.end_line if span else None,
            end_column=span.end_column if span else None,
            column_utf16=span.column_utf16 if span else None,
            end_column_utf16=span.end_column_utf16 if span else None,
            offset=span.offset if span else None,
            end_offset=span.end_offset if span else None,
            element_id=element or None,
            guide=None if d.guide < 0 else int(d.guide),
            citation=citation,
            span=span,
        )


def copy_string(s: String) -> str:
    """A Python copy of a library string (which dies with its result)."""
    if not s.length or not s.data:
        return ""
    return ctypes.string_at(s.data, s.length).decode("utf-8", "replace")
