"""Fold record stages into one stream: ``zhnorm run`` and the shell pipe call the same
generators, so both give the same bytes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import reduce
from importlib import import_module

from normalize.errors import NormalizeError
from normalize.records import Record

Stage = Callable[[Iterable[Record]], Iterator[Record]]

STAGES = ("dehyphenate", "punct", "split")
"""The document stages in pipeline order; each name is also its CLI command and step."""

STAGE_FUNCTIONS = {
    "dehyphenate": ("normalize.dehyphenate", "dehyphenate_records"),
    "punct": ("normalize.punct", "punctuate"),
    "split": ("normalize.split", "split_articles"),
}


class StageMissing(NormalizeError):
    """A stage whose module is not there (yet)."""

    def __init__(self, name: str, module: str) -> None:
        super().__init__("", f"stage {name!r} is not available: module {module} is missing")


def stage(name: str) -> Stage:
    """The stage called ``name``, imported now (jieba and friends load only when needed)."""
    module, function = STAGE_FUNCTIONS[name]
    try:
        mod = import_module(module)
    except ModuleNotFoundError as e:
        if e.name != module:  # a dependency of the stage is missing: a real bug, show it
            raise
        raise StageMissing(name, module) from None
    fn: Stage = getattr(mod, function)
    return fn


def document_stages(*, on_missing: Callable[[StageMissing], None] | None = None) -> list[Stage]:
    """The stages in order. A missing stage module raises, or with ``on_missing`` is
    reported there and skipped (``zhnorm run`` then runs the stages that exist)."""
    stages = []
    for name in STAGES:
        try:
            stages.append(stage(name))
        except StageMissing as err:
            if on_missing is None:
                raise
            on_missing(err)
    return stages


def run_pipeline(records: Iterable[Record], stages: Iterable[Stage]) -> Iterator[Record]:
    """Chain ``stages`` lazily, like ``a | b | c``: one document in memory at a time.

    >>> def shout(records):
    ...     for r in records:
    ...         yield r | {"text": r["text"] + "！"}
    >>> list(run_pipeline([{"text": "好"}], [shout, shout]))
    [{'text': '好！！'}]
    """
    return iter(reduce(lambda stream, step: step(stream), stages, records))


def counted(records: Iterable[Record], counts: dict[str, int], key: str) -> Iterator[Record]:
    """Pass ``records`` through, counting them in ``counts[key]`` (for summaries)."""
    for record in records:
        counts[key] = counts.get(key, 0) + 1
        yield record
