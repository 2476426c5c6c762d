"""Layout rules as named units: each decision is an ordered tuple of small functions.

A rule looks at one line (or one place on the page) and returns a verdict, or None when it has
nothing to say; the first verdict wins, as in an ``if``/``elif`` chain. The winner's name is
recorded as the block's ``why``, so ``zhnorm dehyphenate --explain`` and ``run -v`` can say
which rule decided, and every rule is listed in ``FAMILIES`` for the tests. Inside
``tracing()``, every verdict is also recorded with the line it was about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

Rule = Callable[..., Any]
FAMILIES: dict[str, tuple[Rule, ...]] = {}
"""Every decision's rules, by the decision's name, in the order they are tried."""
_NAMES: dict[int, str] = {}


class Decision(NamedTuple):
    """One verdict: which decision, about which line (its index: a rule's first int argument, or
    the first of a run of lines), by which rule, and what."""

    family: str
    line: int
    rule: str
    verdict: Any


_trace: list[Decision] | None = None


def family(name: str, *rules: Rule) -> tuple[Rule, ...]:
    """Register the ordered rules of one decision under ``name`` and return them."""
    FAMILIES[name] = rules
    _NAMES[id(rules)] = name
    return rules


def subset(name: str, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Some rules of the decision ``name``, tried alone where the others cannot apply."""
    _NAMES[id(rules)] = name
    return rules


def decide(rules: tuple[Rule, ...], *args: Any) -> tuple[Any, str]:
    """
    The first verdict that is not None, with the name of the rule that gave it; (None, "")
    when no rule has one.

        >>> def short(x): return "short" if len(x) < 3 else None
        >>> def long(x): return "long" if len(x) > 8 else None
        >>> decide((short, long), "好"), decide((short, long), "中等长度")
        (('short', 'short'), (None, ''))
    """
    for rule in rules:
        verdict = rule(*args)
        if verdict is not None:
            if _trace is not None:
                line = next((a if type(a) is int else a[0] for a in args if type(a) is int or (
                    type(a) is list and a and type(a[0]) is int)), -1)
                _trace.append(Decision(_NAMES.get(id(rules), "?"), line, rule.__name__, verdict))
            return verdict, rule.__name__
    return None, ""


@contextmanager
def tracing() -> Iterator[list[Decision]]:
    """Record every decision taken inside the block (for ``explain`` and the tests)."""
    global _trace
    saved, _trace = _trace, []
    try:
        yield _trace
    finally:
        _trace = saved
