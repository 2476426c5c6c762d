"""Fold record stages into one stream: ``zhnorm run`` and the shell pipe call the same
generators, so both give the same bytes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import reduce
from importlib import import_module

from normalize.records import Record

Stage = Callable[[Iterable[Record]], Iterator[Record]]

STAGE_FUNCTIONS = {
    "dehyphenate": ("normalize.layout", "dehyphenate_records"),
    "punct": ("normalize.punct", "punctuate"),
    "split": ("normalize.split", "split_articles"),
}
STAGES = tuple(STAGE_FUNCTIONS)
"""The document stages in pipeline order; each name is also its CLI command and step."""


def stage(name: str) -> Stage:
    """The stage called ``name``, imported now (``zhnorm --help`` imports none of them)."""
    module, function = STAGE_FUNCTIONS[name]
    fn: Stage = getattr(import_module(module), function)
    return fn


def document_stages() -> list[Stage]:
    """The stages in order: dehyphenate, punct, split."""
    return [stage(name) for name in STAGES]


def run_pipeline(records: Iterable[Record], stages: Iterable[Stage]) -> Iterator[Record]:
    """Chain ``stages`` lazily, like ``a | b | c``: one document in memory at a time.

    >>> def shout(records):
    ...     for r in records:
    ...         yield r | {"text": r["text"] + "！"}
    >>> list(run_pipeline([{"text": "好"}], [shout, shout]))
    [{'text': '好！！'}]
    """
    return iter(reduce(lambda stream, step: step(stream), stages, records))
