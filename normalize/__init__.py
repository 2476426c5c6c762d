"""zhnorm's library: load newsletter text, then chain record stages over JSONL.

Every name is imported on first use (PEP 562), so ``import normalize.errors`` stays cheap,
``zhnorm --help`` starts fast and a CLI that only loads never imports jieba.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "BadEncoding": "normalize.errors", "BadInput": "normalize.errors", "BadRecord": "normalize.errors",
    "NormalizeError": "normalize.errors", "decode_bytes": "normalize.decoding", "load_paths": "normalize.loader",
    "STAGES": "normalize.pipeline", "Stage": "normalize.pipeline", "document_stages": "normalize.pipeline",
    "run_pipeline": "normalize.pipeline", "Record": "normalize.records", "read_records": "normalize.records",
    "write_record": "normalize.records", "write_records": "normalize.records",
    "dehyphenate_records": "normalize.layout", "punctuate": "normalize.punct",
    "normalize_punctuation": "normalize.punct", "split_articles": "normalize.split",
    "segment_records": "normalize.segment", "process_document": "normalize.batch",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'normalize' has no attribute {name!r}")
