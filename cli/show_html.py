"""The page ``zhnorm show --html OUT.html`` writes: ``render_html`` lays out article records beside the raw
text they were made of, so a person can check the split against the raw text in seconds:

- **Self-contained.** CSS and a little JavaScript are inline; there are no fonts, images,
  links or scripts from elsewhere, and a Content-Security-Policy (``default-src 'none'``)
  makes the browser refuse any that slipped in. The file can be mailed or archived.
- **One section per document**, in input order, listed at the top. On the left, the raw
  text as the pipeline read it, one row per line with its 1-based number (the numbers the
  ``lines`` spans use) and a rule at each page break (form feed). On the right, the
  articles: kicker, title, paragraphs (each labelled with its line span), credit.
- **Selecting a paragraph** (click, or Tab to it) highlights its source lines on the left
  and scrolls them into view; clicking a raw line selects the paragraph made from it.
  Lines that went into some paragraph have a tinted margin; lines no paragraph used
  (headlines, credits, furniture) do not.
- **Removed text**: the ``removed`` list of a document's first article (furniture, labels,
  noise: ``{kind, text, lines, page}``) is struck through on the left, its kind in the
  tooltip, and listed under the articles. On a line that also fed a paragraph (columns
  read side by side), only the removed words are struck; where they cannot be found
  verbatim, a red edge marks the line instead.
- **Links**: every paragraph has an id (``d1-a2-p3``: document 1, article 2, paragraph 3);
  ``OUT.html#d1-a2-p3`` opens with it selected.
- **Raw text** comes from ``raw_texts`` (document id -> text). ``cli.show`` finds it at
  the record's ``source.path``, else under ``--raw DIR`` by the ``doc`` id, else (for
  document records) in the record's own ``text``. Without it, the articles are shown
  alone with a note saying how to add it.
- All text is escaped with ``html.escape``; a ``<script>`` in a newsletter stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from normalize.records import REMOVED_KINDS

if TYPE_CHECKING:
    from normalize.records import Record


PAGE_CSS = """
:root { --line: #fff7c2; --hl: #ffd84d; --used: #9cc3e6; --muted: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
  "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2937; background: #f3f4f6; }
header { padding: 12px 20px; background: #1f2937; color: #f9fafb; }
header h1 { margin: 0; font-size: 18px; }
header p { margin: 4px 0; color: #d1d5db; font-size: 13px; }
header nav a { color: #93c5fd; margin-right: 12px; font-size: 13px; }
section.doc { margin: 16px 20px 28px; background: #fff; border: 1px solid #d1d5db;
  border-radius: 6px; }
section.doc > h2 { margin: 0; padding: 8px 14px; font-size: 16px;
  border-bottom: 1px solid #e5e7eb; }
section.doc > h2 small { color: var(--muted); font-weight: normal; margin-left: 8px; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
.raw, .arts { position: relative; max-height: 80vh; overflow: auto; padding: 8px 0; }
.raw { border-right: 1px solid #e5e7eb; font-size: 13px; line-height: 1.5; }
.ln { display: flex; cursor: pointer; border-left: 3px solid transparent; }
.ln.used { border-left-color: var(--used); }
.ln .no { flex: none; width: 4.2em; padding-right: 8px; text-align: right; color: var(--muted);
  user-select: none; font-variant-numeric: tabular-nums; }
.ln .tx { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.5em; }
.ln.rm .tx { text-decoration: line-through; color: #9ca3af; }
.ln s { color: #9ca3af; }
.ln.rmpart { box-shadow: inset -3px 0 0 #f87171; }
.ln.hl { background: var(--hl); }
.ln:hover { background: var(--line); }
.pagebreak { margin: 6px 8px; border-top: 2px dashed #9ca3af; color: var(--muted);
  font-size: 12px; text-align: center; }
.arts { padding: 8px 16px; }
.art { border-bottom: 1px solid #e5e7eb; padding: 6px 0 10px; }
.art .kicker { margin: 0; color: #374151; font-size: 14px; }
.art h3 { margin: 2px 0 6px; font-size: 17px; }
.art h3.untitled { color: var(--muted); font-style: italic; font-weight: normal; }
.art .id { color: var(--muted); font-size: 12px; font-weight: normal; margin-left: 6px; }
.para { margin: 0 0 6px; padding: 2px 6px; text-indent: 2em; border-radius: 4px; cursor: pointer; }
.para:hover, .para:focus { background: var(--line); outline: none; }
.para.hl { background: var(--hl); }
.para .span, .para .kind { color: var(--muted); font-size: 12px; margin-left: 6px; text-indent: 0; }
.credit { margin: 0; text-align: right; color: #4b5563; }
.note { margin: 8px 16px; padding: 6px 10px; background: #fef3c7; border-radius: 4px;
  font-size: 13px; }
details.removed { margin: 10px 0; font-size: 13px; color: #4b5563; }
details.removed s { color: #9ca3af; }
.cols.alone { grid-template-columns: minmax(0, 1fr); }
"""

# Click a paragraph: light its lines and scroll the raw pane to them. Click a raw line:
# select the paragraph made from it. Panes scroll on their own, so the page does not jump.
PAGE_JS = """
(function () {
  var lit = [];
  function clear() { lit.forEach(function (e) { e.classList.remove('hl'); }); lit = []; }
  function light(e) { e.classList.add('hl'); lit.push(e); }
  function scrollPane(pane, el) {
    if (pane && el) { pane.scrollTop = el.offsetTop - pane.clientHeight / 3; }
  }
  function selectPara(p, scrollArts) {
    var sec = p.closest('section.doc');
    clear(); light(p);
    var a = +p.dataset.from, b = +p.dataset.to, first = null;
    for (var n = a; n <= b; n++) {
      var ln = document.getElementById(sec.id + '-L' + n);
      if (ln) { light(ln); first = first || ln; }
    }
    scrollPane(sec.querySelector('.raw'), first);
    if (scrollArts) { scrollPane(sec.querySelector('.arts'), p); }
  }
  function selectLine(ln) {
    var sec = ln.closest('section.doc'), n = +ln.dataset.n;
    var paras = sec.querySelectorAll('.para[data-from]');
    for (var i = 0; i < paras.length; i++) {
      if (+paras[i].dataset.from <= n && n <= +paras[i].dataset.to) {
        selectPara(paras[i], true); return;
      }
    }
    clear(); light(ln);
  }
  document.addEventListener('click', function (ev) {
    var p = ev.target.closest('.para[data-from]');
    if (p) { selectPara(p, false); return; }
    var ln = ev.target.closest('.ln');
    if (ln) { selectLine(ln); }
  });
  document.addEventListener('focusin', function (ev) {
    var p = ev.target;
    if (p.matches && p.matches('.para[data-from]')) { selectPara(p, false); }
  });
  function fromHash() {  // OUT.html#d1-a2-p3 opens with that paragraph selected
    var p = location.hash && document.getElementById(location.hash.slice(1));
    if (p && p.matches('.para[data-from]')) {
      p.closest('section.doc').scrollIntoView();
      selectPara(p, true);
    }
  }
  window.addEventListener('hashchange', fromHash);
  window.addEventListener('load', fromHash);
})();
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


@dataclass
class _Doc:
    """One document's view: its articles (or blocks) and what was removed from it."""

    name: str
    articles: list[Record] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)


def _esc(value: object) -> str:
    return escape(str(value), quote=True)


def doc_name(record: Record) -> str:
    """The document a record belongs to: ``doc`` for articles, ``id`` for documents."""
    return str(record.get("doc") or record.get("id") or "")


def _span(value: object) -> tuple[int, int] | None:
    """A ``[first, last]`` line span as two ints, in order; None if it is not one."""
    if (isinstance(value, list | tuple) and len(value) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in value)):
        first, last = value
        return (min(first, last), max(first, last))  # a split may leave [29, 27]
    return None


def _as_view(record: Record) -> Record:
    """An article record as is; a document with blocks as one pseudo-article of its blocks,
    so ``show --html`` also shows what dehyphenate made of a page."""
    if "paragraphs" in record or not isinstance(record.get("blocks"), list):
        return record
    blocks = [b for b in record["blocks"]
              if isinstance(b, dict) and b.get("kind") not in REMOVED_KINDS]
    return {"id": record.get("id"), "title": None, "kicker": None, "credit": None,
            "paragraphs": [str(b.get("text", "")) for b in blocks],
            "kinds": [str(b.get("kind", "")) for b in blocks],
            "lines": [b.get("lines") for b in blocks]}


def _removed_of(record: Record) -> list[dict[str, Any]]:
    if isinstance(record.get("removed"), list):
        return [r for r in record["removed"] if isinstance(r, dict)]
    blocks = record.get("blocks") if "paragraphs" not in record else None
    if isinstance(blocks, list):
        return [b for b in blocks if isinstance(b, dict) and b.get("kind") in REMOVED_KINDS]
    return []


def _by_document(records: Iterable[Record]) -> list[_Doc]:
    docs: dict[str, _Doc] = {}
    for record in records:
        name = doc_name(record)
        doc = docs.setdefault(name, _Doc(name))
        doc.removed.extend(_removed_of(record))
        if "paragraphs" in record or "blocks" in record:
            doc.articles.append(_as_view(record))
    return list(docs.values())


def _raw_pane(doc: _Doc, raw: str, anchor: str) -> str:
    """The raw lines, numbered; used lines marked, removed text struck through."""
    lines = raw.split("\n")  # the line numbers of the spans count LF-separated lines
    used: set[int] = set()
    for article in doc.articles:
        for value in article.get("lines") or []:
            span = _span(value)
            if span:
                used.update(range(span[0], min(span[1], len(lines)) + 1))
    removed: dict[int, list[dict[str, Any]]] = {}
    for item in doc.removed:
        span = _span(item.get("lines"))
        if span:
            for n in range(span[0], min(span[1], len(lines)) + 1):
                removed.setdefault(n, []).append(item)
    out, page = [f'<div class="raw" id="{anchor}-raw">'], 1
    for n, line in enumerate(lines, start=1):
        if "\f" in line:
            page += line.count("\f")
            out.append(f'<div class="pagebreak">page {page}</div>')
            line = line.replace("\f", "")
        classes, tip, text = "ln" + (" used" if n in used else ""), "", _esc(line)
        if n in removed:
            kinds = ", ".join(dict.fromkeys(str(i.get("kind") or "removed") for i in removed[n]))
            tip = f' title="removed: {_esc(kinds)}"'
            if n not in used:
                classes += " rm"
            else:  # a line shared by columns: strike only the removed words, if they are there
                text, whole = _strike(line, [str(i.get("text") or "") for i in removed[n]])
                classes += "" if whole else " rmpart"
        out.append(f'<div class="{classes}" id="{anchor}-L{n}" data-n="{n}"{tip}>'
                   f'<span class="no">{n}</span><span class="tx">{text}</span></div>')
    out.append("</div>")
    return "\n".join(out)


def _strike(line: str, removed: list[str]) -> tuple[str, bool]:
    """``line`` escaped, with each removed text found in it struck through; and whether
    every removed text was found.

    >>> _strike("正文 | 第5版 民生", ["第5版 民生"])
    ('正文 | <s>第5版 民生</s>', True)
    """
    cuts, whole = [], True
    for text in (t.strip() for t in removed):
        at = line.find(text) if text else -1
        if at < 0:
            whole = False
        else:
            cuts.append((at, at + len(text)))
    out, pos = [], 0
    for a, b in sorted(cuts):
        if a >= pos:
            out += [_esc(line[pos:a]), f"<s>{_esc(line[a:b])}</s>"]
            pos = b
    out.append(_esc(line[pos:]))
    return "".join(out), whole


def _article_html(article: Record, anchor: str, linked: bool) -> str:
    paragraphs = [str(p) for p in article.get("paragraphs") or []]
    spans = article.get("lines") or []
    if len(spans) != len(paragraphs):
        spans = [None] * len(paragraphs)
    kinds = article.get("kinds") or []
    if len(kinds) != len(paragraphs):
        kinds = [None] * len(paragraphs)
    out = [f'<article class="art" id="{anchor}">']
    if article.get("kicker"):
        out.append(f'<p class="kicker">{_esc(article["kicker"])}</p>')
    title = article.get("title")
    ident = f'<span class="id">{_esc(article.get("id", ""))}</span>'
    if title:
        out.append(f"<h3>{_esc(title)}{ident}</h3>")
    else:
        out.append(f'<h3 class="untitled">(no title){ident}</h3>')
    for k, (text, value, kind) in enumerate(zip(paragraphs, spans, kinds, strict=True), 1):
        span = _span(value)
        attrs = f' id="{anchor}-p{k}"'
        if span and linked:
            attrs += f' tabindex="0" data-from="{span[0]}" data-to="{span[1]}"'
        where = f'<span class="span">lines {span[0]}–{span[1]}</span>' if span else ""
        label = f'<span class="kind">{_esc(kind)}</span>' if kind else ""
        out.append(f'<p class="para"{attrs}>{_esc(text)}{label}{where}</p>')
    if article.get("credit"):
        out.append(f'<p class="credit">（{_esc(article["credit"])}）</p>')
    out.append("</article>")
    return "\n".join(out)


def _removed_list(doc: _Doc) -> str:
    if not doc.removed:
        return ""
    items = []
    for item in doc.removed:
        span = _span(item.get("lines"))
        where = f", lines {span[0]}–{span[1]}" if span else ""
        items.append(f'<li><s>{_esc(item.get("text", ""))}</s> '
                     f'({_esc(item.get("kind") or "removed")}{where})</li>')
    return (f'<details class="removed"><summary>removed ({len(doc.removed)})</summary>'
            f'<ul>{"".join(items)}</ul></details>')


def _document_html(doc: _Doc, index: int, raw: str | None) -> str:
    anchor = f"d{index}"
    arts = "\n".join(_article_html(a, f"{anchor}-a{k}", raw is not None)
                     for k, a in enumerate(doc.articles, start=1))
    if not doc.articles:
        arts = '<p class="note">No articles in the input for this document.</p>'
    counts = f"{len(doc.articles)} articles, {len(doc.removed)} removed"
    head = f'<section class="doc" id="{anchor}"><h2>{_esc(doc.name)}<small>{counts}</small></h2>'
    if raw is None:
        note = ('<p class="note">The raw text of this document was not found, so only the '
                "articles are shown. Give its folder with <code>--raw DIR</code> "
                "(or the file itself) to see the source lines.</p>")
        return (f'{head}{note}<div class="cols alone"><div class="arts">{arts}'
                f"{_removed_list(doc)}</div></div></section>")
    return (f'{head}<div class="cols">{_raw_pane(doc, raw, anchor)}'
            f'<div class="arts">{arts}{_removed_list(doc)}</div></div></section>')


def render_html(records: list[Record], raw_texts: dict[str, str]) -> str:
    """One self-contained HTML page for people: raw lines beside the articles made of them.

    ``records`` are article records (``zhnorm split``) or document records with blocks;
    ``raw_texts`` maps a document id (``doc``) to the raw text its line spans count in.
    See the module docstring for what the page shows.

    >>> page = render_html([{"id": "a#1", "doc": "a", "title": "<b>标题</b>",
    ...                      "paragraphs": ["正文"], "lines": [[2, 2]], "text": ""}],
    ...                    {"a": "标题\\n正文\\n"})
    >>> "&lt;b&gt;标题&lt;/b&gt;" in page, 'data-from="2"' in page, "<b>" in page
    (True, True, False)
    """
    docs = _by_document(records)
    n_articles = sum(len(d.articles) for d in docs)
    nav = " ".join(f'<a href="#d{i}">{_esc(d.name)}</a>' for i, d in enumerate(docs, start=1))
    sections = "\n".join(_document_html(d, i, raw_texts.get(d.name))
                         for i, d in enumerate(docs, start=1))
    title = f"zhnorm show: {len(docs)} documents, {n_articles} articles"
    return f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
<style>{PAGE_CSS}</style>
</head>
<body>
<header><h1>{_esc(title)}</h1>
<p>Click a paragraph (or Tab to it) to light its source lines on the left; click a line to
find its paragraph. Struck-through text was removed (furniture, labels, noise); a red edge
marks a line that is partly removed. Link a paragraph with #its-id (d1-a2-p3).</p>
<nav>{nav}</nav></header>
{sections}
<script>{PAGE_JS}</script>
</body>
</html>
"""
