"""zhnorm's library: load newsletter text, then chain record stages over JSONL.

The stage functions are imported on first use (PEP 562), so ``import normalize`` stays
cheap and a CLI that only loads never imports jieba.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from normalize.errors import BadEncoding, BadInput, BadRecord, NormalizeError
from normalize.loader import decode_bytes, load_paths
from normalize.pipeline import STAGE_FUNCTIONS, STAGES, Stage, document_stages, run_pipeline
from normalize.records import Record, read_records, write_record, write_records

__all__ = [
    "STAGES", "BadEncoding", "BadInput", "BadRecord", "NormalizeError", "Record", "Stage",
    "decode_bytes", "dehyphenate_records", "document_stages", "load_paths", "punctuate",
    "read_records", "run_pipeline", "split_articles", "write_record", "write_records",
]

_LAZY = {function: module for module, function in STAGE_FUNCTIONS.values()}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'normalize' has no attribute {name!r}")
