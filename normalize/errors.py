"""Errors for bad input. Each one is a single line: where, what went wrong, what to try next.

The CLI prints ``zhnorm: error: <str(err)>`` and exits 1; a traceback means a bug, never bad data.
"""

from __future__ import annotations

from typing import Any


class NormalizeError(Exception):
    """Bad input data; ``.where`` is "path" or "path:line", ``str(err)`` is the one-line message.

    >>> str(NormalizeError("a.txt:3", "broken"))
    'a.txt:3: broken'
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}" if where else reason)

    def to_record(self) -> dict[str, Any]:
        """The JSON object written to a rejects file."""
        return {"where": self.where, "error": self.reason, "kind": type(self).__name__}


def raise_error(err: NormalizeError) -> None:
    """The default ``on_error``: stop at the first bad input."""
    raise err


class BadRecord(NormalizeError):
    """A JSONL line that is not a JSON object with a string "text".

    >>> str(BadRecord("<stdin>", 2, "not valid JSON (Expecting value at column 1)"))
    '<stdin>:2: not valid JSON (Expecting value at column 1)'
    """

    def __init__(self, path: str, lineno: int, reason: str, line: str | None = None) -> None:
        self.path, self.lineno, self.line = path, lineno, line
        super().__init__(f"{path}:{lineno}", reason)

    def to_record(self) -> dict[str, Any]:
        # keep the rejected line so it can be fixed and fed back in
        return super().to_record() | {"line": self.line}


class BadEncoding(NormalizeError):
    """Bytes that do not decode; names the byte offset and the flag to try.

    >>> str(BadEncoding("scans/x.txt", 123, "not valid utf-8"))
    'scans/x.txt: not valid utf-8 at byte 123; try --encoding gb18030'
    """

    def __init__(
        self, path: str, offset: int, detail: str, *, hint: str = "try --encoding gb18030"
    ) -> None:
        # old mainland newsletters are mostly GB18030/GBK, hence the default hint
        self.path, self.offset, self.detail = path, offset, detail
        super().__init__(path, f"{detail} at byte {offset}; {hint}")


class BadInput(NormalizeError):
    """A path zhnorm cannot read: missing, unreadable, an image, a broken PDF, too big.

    >>> str(BadInput("a.png", "a PNG image, not text; run OCR on it first"))
    'a.png: a PNG image, not text; run OCR on it first'
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        super().__init__(path, reason)


class NotAPage(BadInput):
    """Markup that is no page zhnorm reads: a METS file beside a newspaper's ALTO pages, a web
    page. In a folder it is left out with a note (``Skipped``); given alone it is an error.
    """


class Skipped(NormalizeError):
    """A file left out on purpose, a note rather than an error: an XML file in a folder that is
    not an ALTO page (a METS file beside the pages).

    >>> str(Skipped("scans/mets.xml", "not an ALTO page; skipped"))
    'scans/mets.xml: not an ALTO page; skipped'
    """
