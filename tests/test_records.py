"""JSONL records: one compact line each; a bad line is reported and skipped, never fatal."""

from __future__ import annotations

import io
import json

import pytest
from helpers import jsonl, record
from hypothesis import given
from hypothesis import strategies as st

from normalize.errors import BadRecord
from normalize.records import dumps, read_records, write_record, write_records


def read(text: str | bytes) -> tuple[list[dict], list[BadRecord]]:
    errors: list[BadRecord] = []
    fp = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text)
    return list(read_records(fp, "in.jsonl", on_error=errors.append)), errors


def test_write_record_is_one_compact_utf8_line() -> None:
    fp = io.StringIO()
    write_record({"id": "a", "text": "你好，\n世界", "n": [1, 2]}, fp)
    assert fp.getvalue() == '{"id":"a","text":"你好，\\n世界","n":[1,2]}\n'


def test_unknown_keys_and_their_order_survive_a_round_trip() -> None:
    records = [record("甲", extra={"x": 1}, z=None), record("乙")]
    fp = io.StringIO()
    assert write_records(records, fp) == 2
    assert read(fp.getvalue()) == (records, [])


@pytest.mark.parametrize(("line", "reason"), [
    ("not json", "not valid JSON (Expecting value at column 1)"),
    ('{"text": "a"', "not valid JSON (Expecting ',' delimiter at column 13)"),
    ('["text"]', "not a JSON object but list"),
    ('{"id": "x", "body": "y"}', 'record has no "text" (keys: id, body)'),
    ("{}", 'record has no "text" (keys: none)'),
    ('{"text": 3}', '"text" is int, not a string'),
])
def test_bad_lines_are_reported_with_path_and_line(line: str, reason: str) -> None:
    records, errors = read(jsonl(record("前")) + "\n" + line + "\n" + jsonl(record("后")))
    assert [r["text"] for r in records] == ["前", "后"]
    (err,) = errors
    assert str(err) == f"in.jsonl:3: {reason}"
    assert (err.where, err.line) == ("in.jsonl:3", line)
    assert err.to_record() == {
        "where": "in.jsonl:3", "error": reason, "kind": "BadRecord", "line": line}


def test_a_bad_byte_rejects_only_its_line() -> None:
    data = jsonl(record("甲")).encode() + b'{"text": "\xff"}\n' + jsonl(record("乙")).encode()
    records, errors = read(data)
    assert [r["text"] for r in records] == ["甲", "乙"]
    assert [str(e) for e in errors] == ["in.jsonl:2: not valid utf-8 at byte 10 of the line"]


def test_blank_lines_crlf_and_a_bom_are_fine() -> None:
    data = "\ufeff" + jsonl(record("甲")).replace("\n", "\r\n") + "\r\n  \n" + jsonl(record("乙"))
    assert read(data.encode()) == ([record("甲"), record("乙")], [])
    joined = "\ufeff" + jsonl(record("甲")) + "\ufeff" + jsonl(record("乙"))  # two files joined with cat
    assert read(joined.encode()) == ([record("甲"), record("乙")], [])


def test_default_on_error_raises_at_the_bad_line() -> None:
    records = read_records(io.StringIO(jsonl(record("甲")) + "oops\n"), "<stdin>")
    assert next(records) == record("甲")
    with pytest.raises(BadRecord, match=r"^<stdin>:2: not valid JSON"):
        next(records)


@given(st.dictionaries(st.text(), st.text() | st.integers() | st.none(), max_size=4), st.text())
def test_any_record_round_trips(extra: dict, text: str) -> None:
    rec = extra | {"text": text}
    fp = io.StringIO()
    write_record(rec, fp)
    assert fp.getvalue().count("\n") == 1  # one line, whatever the text holds
    assert read(fp.getvalue()) == ([rec], [])
    assert json.loads(fp.getvalue()) == rec


@pytest.mark.parametrize("rec", [
    {"id": "a", "text": "短"},
    {"id": "b", "text": "长\f页", "layout": {"unit": "pt", "lines": [[1, 0.5, None]] * 2500, "fonts": ["宋体"]}},
    {"id": "c", "text": "", "layout": {"lines": [[1]] * 1000, "rules": [[2, 1.0]] * 1001}},  # (at the edge)
    {"id": "d", "extra": {1: [0] * 1001}},  # (a key json.dumps writes as a string)
])
def test_a_record_written_in_pieces_is_the_line_dumps_gives(rec: dict) -> None:
    out = io.StringIO()
    write_record(rec, out)
    assert out.getvalue() == dumps(rec) + "\n"
    assert json.loads(out.getvalue()) == json.loads(dumps(rec))
