"""Files, folders and stdin -> one "document" record per input document.

Folders are walked in natural order, files read (gunzipped, size-capped) and made into records
with their source, hash and page count. Text files are decoded by ``normalize.decoding`` (BOM,
UTF-8, detected legacy encodings, LF line ends, NFC); PDFs and OCR files with boxes (hOCR, ALTO)
are read into their lines in reading order with a ``layout`` (see ``normalize.paged``).
Everything else (indents, page breaks, hyphens) is left for the stages.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import sys
import zlib
from collections.abc import Callable, Generator, Iterator
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, BinaryIO

from normalize.decoding import MIXED, decode_bytes
from normalize.errors import BadInput, NormalizeError, NotAPage, Skipped, raise_error
from normalize.limits import MAX_DOC_BYTES
from normalize.paged import UNITS, Paged, detect_format, paged_document, read_pages
from normalize.records import Record

GLOBS = ("*.txt", "*.pdf", "*.hocr", "*.xml")
"""The files read in folders by default: every format zhnorm reads (each also gzipped)."""

OnError = Callable[[NormalizeError], None]

_DIGITS_RE = re.compile(r"(\d+)")
BAD_LINES_SHOWN = 5  # line numbers a warning names at most
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def count_pages(text: str) -> int:
    """Pages are separated by form feeds; only pages with some non-space text count.

    >>> count_pages("一\\f\\f　\\f二\\n")
    2
    """
    return sum(1 for page in text.split("\f") if page.strip())


def natural_key(name: str) -> tuple[tuple[str | int, ...], str]:
    """Sort key putting ``page2`` before ``page10``; the name itself breaks ties.

    >>> sorted(["page10.txt", "page2.txt", "Page1.txt"], key=natural_key)
    ['Page1.txt', 'page2.txt', 'page10.txt']
    """
    parts = _DIGITS_RE.split(name.casefold())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), name


def load_paths(
    paths: list[str],
    *,
    glob: str | tuple[str, ...] = GLOBS,
    encoding: str | None = None,
    pages_per_folder: bool = False,
    on_error: OnError | None = None,
    max_bytes: int = MAX_DOC_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Record]:
    """Yield one document record per file (or per folder with ``pages_per_folder``).

    A path is a file (any name), a folder (recursive: files whose name matches ``glob``,
    or ``glob`` + ".gz", case-insensitively; natural order; hidden entries skipped) or "-"
    for stdin. ``id`` is the file name for a file, the ``/``-separated path inside the folder
    for a folder, "<stdin>" for stdin. A bad file goes to ``on_error`` (default: raise) and
    the rest are still loaded; an empty or whitespace-only file gives no record, no error.
    """
    report = on_error or raise_error
    for arg in paths:
        if arg == "-":
            source = stdin or sys.stdin.buffer
            yield from _guarded(report, _document, "<stdin>", source, "-", encoding, max_bytes)
        elif not os.path.isdir(arg):
            path = Path(arg)
            yield from _guarded(
                report, _document, path.name, path, path.as_posix(), encoding, max_bytes)
        else:
            root = Path(arg)
            files = _walk(root, glob, report)
            load = _folder_pages if pages_per_folder else _folder_files
            matched = yield from load(root, files, encoding, max_bytes, report)
            if not matched:  # most likely a wrong --glob or folder
                shown = glob if isinstance(glob, str) else ", ".join(glob)
                report(BadInput(root.as_posix(), f"no files matching {shown} (see --glob)"))


def count_documents(paths: list[str], *, glob: str | tuple[str, ...] = GLOBS, pages_per_folder: bool = False,
                    ) -> int | None:
    """How many records :func:`load_paths` will try to make (None when stdin is read).

    Counts the files (or, with ``pages_per_folder``, the folders holding files) the same
    walk finds; unreadable entries are not counted and reported only by the load itself.
    """
    if "-" in paths:
        return None
    n = 0
    for arg in paths:
        if not os.path.isdir(arg):
            n += 1
            continue
        files = _walk(Path(arg), glob, lambda err: None)
        n += len({path.parent for path in files}) if pages_per_folder else sum(1 for _ in files)
    return n


def _guarded(
    report: OnError, make: Callable[..., Record | None], *args: Any
) -> Iterator[Record]:
    """Yield ``make(*args)`` unless it is None; report a NormalizeError instead of stopping."""
    try:
        record = make(*args)
    except NormalizeError as err:
        report(err)
        return
    if record is not None:
        yield record


def _folder_files(
    root: Path, files: Iterator[Path], encoding: str | None, max_bytes: int, report: OnError
) -> Generator[Record, None, int]:
    """One record per file; returns how many files matched."""
    n = 0
    for n, path in enumerate(files, start=1):  # noqa: B007
        rel = path.relative_to(root).as_posix()
        yield from _guarded(_notes(report), _document, rel, path, path.as_posix(), encoding, max_bytes)
    return n


def _notes(report: OnError) -> OnError:
    """``report`` for the files of a folder: markup that is no page (a METS file beside the
    pages) is left out with a note, not an error."""

    def on_error(err: NormalizeError) -> None:
        report(Skipped(err.where, f"{err.reason}; left out") if isinstance(err, NotAPage) else err)

    return on_error


def _folder_pages(
    root: Path, files: Iterator[Path], encoding: str | None, max_bytes: int, report: OnError
) -> Generator[Record, None, int]:
    """One record per folder, its files (natural order) as pages joined by form feeds."""
    folders: dict[Path, list[Path]] = {}
    for path in files:
        folders.setdefault(path.parent, []).append(path)
    for folder, pages in folders.items():
        doc_id = folder.relative_to(root).as_posix()
        if doc_id == ".":  # files right in the folder given: name the document after it
            doc_id = Path(os.path.normpath(root)).name or "."
        yield from _guarded(
            report, _pages_document, doc_id, folder, pages, encoding, max_bytes, report)
    return len(folders)


def _pages_document(
    doc_id: str, folder: Path, pages: list[Path], encoding: str | None, max_bytes: int,
    report: OnError,
) -> Record | None:
    """A folder's files as one document; a bad file is reported and left as an empty page
    so that page N is still file N. ``sha256`` and ``bytes`` cover all files in order."""
    datas: list[bytes | None] = []
    for path in pages:
        try:
            datas.append(_read_bytes(path, path.as_posix(), max_bytes))
        except NormalizeError as err:
            report(err)
            datas.append(None)
    formats = [detect_format(data) if data is not None else "" for data in datas]
    for path, data, fmt in zip(pages, datas, formats):
        if fmt == "markup":  # a METS file beside the pages is no page: a note, and it is left out
            _notes(report)(_not_a_page(path.as_posix(), data or b""))
    kept = [k for k, fmt in enumerate(formats) if fmt != "markup"]
    pages, datas, formats = [pages[k] for k in kept], [datas[k] for k in kept], [formats[k] for k in kept]
    kind = max(sorted(set(formats) - {""}), key=formats.count, default="text")  # the pages' format
    for k, (path, fmt) in enumerate(zip(pages, formats)):
        if fmt and fmt != kind:  # one page of another kind: reported, left as an empty page
            report(BadInput(path.as_posix(), f"a {fmt} file among {kind} pages; give each kind a folder of its own"))
            datas[k] = None
    if kind != "text":
        return _paged_folder(doc_id, folder, pages, datas, kind, report)
    texts, encodings, confidence, digest, size = [], [], 1.0, hashlib.sha256(), 0
    for path, raw in zip(pages, datas):
        data = raw or b""
        try:
            text, name, conf = decode_bytes(data, encoding=encoding, path=path.as_posix())
        except NormalizeError as err:
            report(err)
            text, name, conf, data = "", "", 1.0, b""
        texts.append(text)
        if name and name not in encodings:
            encodings.append(name)
        confidence, size = min(confidence, conf), size + len(data)
        digest.update(data)
    text = "\f".join(texts)
    if not text.strip():
        return None
    source = {"path": folder.as_posix(), "format": "text", "encoding": ",".join(encodings),
              "confidence": confidence, "sha256": digest.hexdigest(), "bytes": size,
              "files": [p.name for p in pages]}
    return _record(doc_id, text, source)


def _paged_folder(
    doc_id: str, folder: Path, files: list[Path], datas: list[bytes | None], fmt: str, report: OnError,
) -> Record | None:
    """A folder of PDF, hOCR or ALTO files as one document, their pages in file order; a bad
    file is reported and counts as one empty page."""
    digest = hashlib.sha256()
    paged = Paged(UNITS[fmt], ordered=fmt == "pdf")
    number = 0
    for path, data in zip(files, datas):
        digest.update(data or b"")
        try:
            pages = list(read_pages(data, fmt, name=path.as_posix())) if data is not None else []
        except NormalizeError as err:
            report(err)
            pages = []
        for page in pages or [None]:
            number += 1
            if page is not None:
                paged.add(page, number)
    text = paged.text()
    if not text.strip():
        return None
    source = {"path": folder.as_posix(), "format": fmt, "sha256": digest.hexdigest(),
              "bytes": sum(len(d or b"") for d in datas), "files": [p.name for p in files]}
    return _record(doc_id, text, source, layout=paged.layout, pages=number)


def _document(
    doc_id: str, source: Path | BinaryIO, shown: str, encoding: str | None, max_bytes: int
) -> Record | None:
    """The record of one file or stream; None when it holds only whitespace.

    ``sha256`` and ``bytes`` describe the text bytes after gunzip, so ``x.txt`` and
    ``x.txt.gz`` agree. A PDF on disk is read by PDFium from the file, a page at a time, and
    hashed as it streams: a 500-page issue never sits in memory whole."""
    pdf_file = source if isinstance(source, Path) and _starts_with(source, b"%PDF") else None
    data = b"" if pdf_file else _read_bytes(source, shown, max_bytes)
    fmt = "pdf" if pdf_file else detect_format(data)
    if fmt == "markup":
        raise _not_a_page(shown, data)
    about: dict[str, object] = {"path": shown, "format": fmt}
    if fmt != "text":
        text, layout, pages = paged_document(read_pages(pdf_file or data, fmt, name=shown), fmt)
        if not text.strip():
            return None
        digest, size = _hash_file(pdf_file, shown) if pdf_file else (hashlib.sha256(data).hexdigest(), len(data))
        about |= {"sha256": digest, "bytes": size}
        return _record(doc_id, text, about, layout=layout, pages=pages)
    text, name, confidence = decode_bytes(data, encoding=encoding, path=shown)
    if not text.strip():
        return None
    about |= {"encoding": name, "confidence": confidence,
              "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    if name == MIXED:
        about["warning"] = "lines mix UTF-8 and GB18030; decoded line by line"
        if bad := [n for n, line in enumerate(text.split("\n"), start=1) if "\ufffd" in line]:
            shown = ", ".join(map(str, bad[:BAD_LINES_SHOWN])) + (" …" if len(bad) > BAD_LINES_SHOWN else "")
            about["warning"] += f"; line {shown} valid in neither, its bad bytes kept as U+FFFD"
    return _record(doc_id, text, about)


def _not_a_page(shown: str, data: bytes) -> NotAPage:
    from normalize.ocrxml import markup_root

    root = markup_root(data)
    return NotAPage(shown, f"markup whose root is <{root}>, neither hOCR nor ALTO (a METS file? a web page?): "
                    "give zhnorm the pages' hOCR, ALTO or text")


def safe_id(name: str) -> str:
    """
    A document id that is safe in any file name or terminal: no control characters, no
    absolute path, no ``..`` (ids come from file names, which may hold anything).

        >>> safe_id("/etc/../x\\x1b[31m.txt"), safe_id("a/b.txt")
        ('etc/x?[31m.txt', 'a/b.txt')
    """
    name = _CONTROL_RE.sub("?", name)
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "_"


def _record(doc_id: str, text: str, source: dict[str, object], *, layout: dict[str, Any] | None = None,
            pages: int | None = None) -> Record:
    record: Record = {"id": doc_id if doc_id == "<stdin>" else safe_id(doc_id), "text": text, "source": source,
                      "pages": count_pages(text) if pages is None else pages}
    if layout is not None:
        record["layout"] = layout
    record["steps"] = ["load"]
    return record


HASH_CHUNK = 1 << 20


def _starts_with(path: Path, magic: bytes) -> bool:
    """The file begins with ``magic`` (False where it cannot be read: the reading reports that)."""
    try:
        with path.open("rb") as fp:
            return fp.read(len(magic)) == magic
    except OSError:
        return False


def _hash_file(path: Path, shown: str) -> tuple[str, int]:
    """The sha256 and size of a file, read a chunk at a time."""
    digest, size = hashlib.sha256(), 0
    try:
        with path.open("rb") as fp:
            while chunk := fp.read(HASH_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as e:
        raise BadInput(shown, f"cannot read: {e.strerror or e}") from None
    return digest.hexdigest(), size


def _read_bytes(source: Path | BinaryIO, shown: str, max_bytes: int) -> bytes:
    """All bytes of a file or stream, gunzipped, refused above ``max_bytes``."""
    try:
        if isinstance(source, Path):
            with source.open("rb") as fp:
                data = fp.read(max_bytes + 1)
        else:
            data = source.read(max_bytes + 1)
    except FileNotFoundError:
        raise BadInput(shown, "no such file or folder") from None
    except OSError as e:
        raise BadInput(shown, f"cannot read: {e.strerror or e}") from None
    if data.startswith(b"\x1f\x8b"):  # gzip magic, whatever the file is called
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fp:
                data = fp.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as e:
            raise BadInput(shown, f"not a readable gzip file ({e})") from None
    if len(data) > max_bytes:
        raise BadInput(shown, f"more than {max_bytes} bytes of text; split it, or raise --max-doc-bytes")
    return data


def _walk(root: Path, glob: str | tuple[str, ...], report: OnError) -> Iterator[Path]:
    """Files under ``root`` matching ``glob`` in natural order; each real folder once."""
    seen: set[tuple[int, int]] = set()
    patterns = tuple(g.casefold() for g in ((glob,) if isinstance(glob, str) else glob))

    def visit(folder: Path) -> Iterator[Path]:
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:  # a symlink loop or a second link
                return
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: natural_key(e.name))
        except OSError as e:
            report(BadInput(folder.as_posix(), f"cannot read folder: {e.strerror or e}"))
            return
        for entry in entries:
            name = entry.name.casefold()
            if name.startswith("."):
                continue
            if entry.is_symlink() and not os.path.exists(entry.path):
                report(BadInput(Path(entry.path).as_posix(), "a dangling symbolic link; skipped"))
                continue
            if entry.is_dir():
                yield from visit(Path(entry.path))
            elif entry.is_file() and any(
                fnmatchcase(name, pattern) or fnmatchcase(name.removesuffix(".gz"), pattern) for pattern in patterns
            ):
                yield Path(entry.path)

    return visit(root)
