"""JSONL records: read one line at a time, write one compact line per record.

A record is a plain dict with at least "text"; stages keep keys they do not know.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Literal, NotRequired, TypedDict

from normalize.errors import BadRecord, raise_error

Record = dict[str, Any]
OnError = Callable[[BadRecord], None]

BlockKind = Literal["paragraph", "heading", "credit", "furniture", "noise"]
REMOVED_KINDS = frozenset({"furniture", "noise"})  # blocks split removes: no article's text
Role = Literal[
    "label",  # a section label over a headline ("简讯"), belonging to no article
    "kicker", "title", "subtitle",  # a headline's elements
    "repeated",  # a continued article's title printed again above "（上接…）"
    "byline",  # a reporter's line standing alone ("本报记者 张三")
    "dateline",  # a paragraph opening with a news dateline ("本报讯（记者…）"): an article starts there
    "running_head",  # page furniture: running heads and feet, page numbers, editor lines
    "jump_on", "jump_back", "jump",  # jump lines: "（下转第4版）", "（上接第1版）", neither
]
Gap = Literal["", "blank", "page"]


class Block(TypedDict):
    """What the layout stage decided about a run of raw lines (see ``normalize.layout``)."""

    kind: BlockKind
    text: str  # as loaded (punct normalizes it later); a heading's lines joined without a break
    page: int  # 1-based
    lines: list[int]  # the 1-based inclusive span of raw lines
    gap: Gap  # what comes right before its first line: a page break, a blank line, or nothing
    why: str  # the rule that decided the block (its kind, where it starts or where it ends)
    role: NotRequired[Role]
    headline: NotRequired[int]  # heading blocks of one headline share this number (1, 2, … per document)
    parts: NotRequired[list[str]]  # a heading's printed lines
    open: NotRequired[bool]  # a paragraph cut off (by a headline, a jump, the end): it goes on elsewhere
    jump: NotRequired[int]  # the page a jump line points to


def read_records(
    fp: IO[str] | IO[bytes], path: str, *, on_error: OnError | None = None,
    problem: Callable[[Any], str | None] | None = None,
) -> Iterator[Record]:
    """Yield the JSON objects of a JSONL stream, skipping blank lines.

    A bad line yields nothing and goes to ``on_error`` (default: raise), so one
    broken line does not stop a batch. A binary ``fp`` lets a bad byte reject
    only its own line instead of the whole stream. ``problem`` says why a parsed
    value is not a record, or None (default: a JSON object with a string "text").

    >>> import io
    >>> bad = []
    >>> lines = io.StringIO('{"text": "好"}\\n\\nnope\\n{"id": 1}\\n')
    >>> list(read_records(lines, "t", on_error=bad.append))
    [{'text': '好'}]
    >>> [str(e) for e in bad]
    ['t:3: not valid JSON (Expecting value at column 1)', 't:4: record has no "text" (keys: id)']
    """
    report = on_error or raise_error
    why_not = problem or text_problem
    lines: Iterable[str | bytes] = fp
    for lineno, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                reason = f"not valid utf-8 at byte {e.start} of the line"
                shown = raw.decode("utf-8", "replace").rstrip("\r\n")
                report(BadRecord(path, lineno, reason, shown))
                continue
        else:
            line = raw
        # without its end, so a JSON error's column is within the line; without a BOM from a
        # Windows editor, also on a later line where files were joined with cat
        line = line.rstrip("\r\n").removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            report(BadRecord(path, lineno, f"not valid JSON ({e.msg} at column {e.colno})", line))
            continue
        reason = why_not(obj)
        if reason:
            report(BadRecord(path, lineno, reason, line))
        else:
            yield obj


def text_problem(obj: Any) -> str | None:
    """Why ``obj`` is not a record (a JSON object with a string "text"), or None."""
    if not isinstance(obj, dict):
        return f"not a JSON object but {type(obj).__name__}"
    if not isinstance(obj.get("text"), str):
        if "text" in obj:
            return f'"text" is {type(obj["text"]).__name__}, not a string'
        return f'record has no "text" (keys: {", ".join(obj) or "none"})'
    return None


def dumps(record: Record) -> str:
    """The one compact JSONL line for ``record`` (no trailing newline).

    >>> dumps({"id": "a", "text": "你好"})
    '{"id":"a","text":"你好"}'
    """
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


LONG_LIST = 1000  # a list this long is written this many items at a time


def write_record(record: Record, fp: IO[str]) -> None:
    """Write ``record`` as one line; the same format everywhere, so pipe and ``run`` agree.

    A record with long lists (a long document's layout) is written a piece at a time, the same
    characters as ``dumps`` gives, so that no copy of its whole line is ever made.

        >>> import io
        >>> out = io.StringIO()
        >>> record = {"id": "a", "text": "你好", "layout": {"lines": [[1, 2.5]] * 2500}}
        >>> write_record(record, out)
        >>> out.getvalue() == dumps(record) + "\\n"
        True
    """
    if _has_long_list(record):
        _write_value(record, fp)
    else:
        fp.write(dumps(record))
    fp.write("\n")


def _has_long_list(value: Any) -> bool:
    if isinstance(value, dict):  # (keys that are no strings: json.dumps writes them its own way)
        return all(type(k) is str for k in value) and any(_has_long_list(v) for v in value.values())
    return isinstance(value, list) and len(value) > LONG_LIST


def _write_value(value: Any, fp: IO[str]) -> None:
    if isinstance(value, dict) and _has_long_list(value):
        fp.write("{")
        for n, (key, item) in enumerate(value.items()):
            fp.write(("," if n else "") + dumps(key) + ":")
            _write_value(item, fp)
        fp.write("}")
    elif isinstance(value, list) and len(value) > LONG_LIST:
        fp.write("[")
        for at in range(0, len(value), LONG_LIST):
            fp.write(("," if at else "") + dumps(value[at : at + LONG_LIST])[1:-1])
        fp.write("]")
    else:
        fp.write(dumps(value))


def write_records(records: Iterable[Record], fp: IO[str]) -> int:
    """Write each record as soon as it comes; return how many were written."""
    n = 0
    for n, record in enumerate(records, start=1):  # noqa: B007
        write_record(record, fp)
    return n
