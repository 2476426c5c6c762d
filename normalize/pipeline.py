"""Fold record stages into one stream: ``zhnorm run`` and the shell pipe call the same
generators, so both give the same bytes.

``document_stages`` is the one place the chain is built; ``zhnorm run`` (``normalize.batch``)
runs it, and each name in ``STAGES`` is also the command of that step in the shell pipe, so a
stage added here is in both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial, reduce
from importlib import import_module
from typing import Any

from normalize.records import Record

Stage = Callable[[Iterable[Record]], Iterator[Record]]

STAGE_FUNCTIONS = {
    "dehyphenate": ("normalize.layout", "dehyphenate_records"),
    "punct": ("normalize.punct", "punctuate"),
    "split": ("normalize.split", "split_articles"),
}
STAGES = tuple(STAGE_FUNCTIONS)
"""The document stages in pipeline order; each name is also its CLI command and step."""

IN_CHAIN: dict[str, dict[str, Any]] = {"punct": {"text": False}}
"""What a stage is given in the chain beyond its command's defaults. punct leaves a document's
raw ``text`` alone: split, after it, reads only the blocks, so the articles are the same bytes
as the pipe's, where ``zhnorm punct`` normalizes the text for whoever reads it next."""


def stage(name: str) -> Stage:
    """The stage called ``name``, imported now (``zhnorm --help`` imports none of them)."""
    module, function = STAGE_FUNCTIONS[name]
    fn: Stage = getattr(import_module(module), function)
    return fn


def document_stages(
    *, segmenter: Any = None, observe: Callable[[str, Record], object] | None = None, profile: Any = None,
) -> list[Stage]:
    """The chain for documents: the ``STAGES`` in order (dehyphenate, punct, split), then
    segment with ``segmenter`` (a ``normalize.segment.Segmenter``), if one is given;
    ``profile`` (a ``normalize.profile.Profile``) goes to dehyphenate.

    ``observe(name, record)`` is shown every record that the stage ``name`` yields, as it
    passes (``zhnorm run -v`` counts blocks and punctuation changes this way).
    """
    extra = {"dehyphenate": {"profile": profile}} if profile is not None else {}
    chain = [(name, _in_chain(name, extra.get(name, {}))) for name in STAGES]
    if segmenter is not None:
        from normalize.segment import segment_records

        chain.append(("segment", partial(segment_records, segmenter=segmenter)))
    if observe is None:
        return [step for _, step in chain]
    return [_observed(name, step, observe) for name, step in chain]


def _in_chain(name: str, extra: dict[str, Any]) -> Stage:
    options = {**IN_CHAIN.get(name, {}), **extra}
    return partial(stage(name), **options) if options else stage(name)


def _observed(name: str, step: Stage, observe: Callable[[str, Record], object]) -> Stage:
    def observed(records: Iterable[Record]) -> Iterator[Record]:
        for record in step(records):
            observe(name, record)
            yield record

    return observed


def run_pipeline(records: Iterable[Record], stages: Iterable[Stage]) -> Iterator[Record]:
    """Chain ``stages`` lazily, like ``a | b | c``: one document in memory at a time.

    >>> def shout(records):
    ...     for r in records:
    ...         yield r | {"text": r["text"] + "！"}
    >>> list(run_pipeline([{"text": "好"}], [shout, shout]))
    [{'text': '好！！'}]
    """
    return iter(reduce(lambda stream, step: step(stream), stages, records))
