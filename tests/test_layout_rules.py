"""Every layout rule has a table row where it decides and a near miss where it must not: a rule
added to ``FAMILIES``, ``KIND_PASSES`` or the role rules without both fails here."""

from __future__ import annotations

import inspect

import pytest
import test_layout_boxed as boxed
import test_layout_headlines as headlines
import test_layout_kinds as kinds
import test_layout_paragraphs as paragraphs
import test_layout_roles as roles
import test_layout_starts as starts
import test_layout_text as text
from helpers import rows_of

from normalize.layout import kinds as kinds_module
from normalize.layout import roles as roles_module
from normalize.layout.kinds import BOX_PASSES, KIND_PASSES
from normalize.layout.rules import FAMILIES

TABLES = {
    "line_kind": text.LINE_KIND,
    "body_starts": starts.BODY_STARTS,
    "headline_goes_on": headlines.HEADLINE_GOES_ON,
    "headline_checks": headlines.HEADLINE_CHECKS,
    "new_element": headlines.NEW_ELEMENT,
    "break_before": paragraphs.BREAK_BEFORE,
    "ends_after": paragraphs.ENDS_AFTER,
    "box_furniture": boxed.BOX_FURNITURE,
    "display_run": boxed.DISPLAY_RUN,
    "box_break": boxed.BOX_BREAK,
    "kind_passes": kinds.KIND_PASS_ROWS,
    "box_passes": kinds.BOX_PASS_ROWS,
    "roles": roles.ROLES,
}
# Families whose rules have no rows yet (strict: once their rows are in TABLES, this fails).
NO_ROWS_YET: set[str] = set()


def public_functions(module: object) -> set[str]:
    """The functions a module defines itself (not imports) whose names do not start with "_"."""
    return {name for name, f in inspect.getmembers(module, inspect.isfunction)
            if f.__module__ == getattr(module, "__name__", "") and not name.startswith("_")}


def rules_of(group: str) -> set[str]:
    """The rule names a table must cover: a family's rules, the kind passes, or the role rules
    (what ``roles`` defines, but ``mark_roles`` which applies them, and what ``kinds`` defines
    beside its passes: the repeated titles and jumps that resume)."""
    if group == "kind_passes":
        return {p.__name__ for p in KIND_PASSES}
    if group == "box_passes":
        return {p.__name__ for p in BOX_PASSES}
    if group == "roles":
        passes = {p.__name__ for p in (*KIND_PASSES, *BOX_PASSES)}
        return (public_functions(roles_module) - {"mark_roles"}) | (public_functions(kinds_module) - passes)
    return {rule.__name__ for rule in FAMILIES[group]}


GROUPS = [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="no rows yet"))
          if name in NO_ROWS_YET else name for name in [*FAMILIES, "kind_passes", "box_passes", "roles"]]


@pytest.mark.parametrize("group", GROUPS)
def test_every_rule_has_a_row_and_a_near_miss(group: str) -> None:
    assert group in TABLES, f"{group}: no table of rows (add one in tests/test_layout_*.py and list it in TABLES)"
    table, rules = TABLES[group], rules_of(group)
    assert sorted(rules - rows_of(table, hits=True)) == [], "rules without a row where they decide"
    assert sorted(rules - rows_of(table, hits=False)) == [], "rules without a near miss"
    named = rows_of(table, hits=True) | rows_of(table, hits=False)
    assert sorted(named - rules) == [], "rows naming no rule of the group"


def test_the_tables_cover_every_family() -> None:
    """A table for every family, and no table for a family that is gone."""
    assert set(TABLES) - {"kind_passes", "box_passes", "roles"} == set(FAMILIES) - NO_ROWS_YET
