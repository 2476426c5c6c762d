"""The ``zhnorm`` command: thin Typer commands over the ``normalize`` library.

Each command opens streams, calls the library and maps errors to exit codes (0 ok,
1 bad data, 2 usage); it does no text work itself. Every command module adds its commands
with ``register(app)`` and imports streams, records, stages and rich only when a command
runs: ``zhnorm --help`` needs none of them.
"""

from __future__ import annotations

import signal

import typer

from cli import evaluate, pipe, profile, run, segment, show
from cli.options import flags_take_no_value

flags_take_no_value()
app = typer.Typer(
    name="zhnorm",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # a traceback means a bug: keep it plain and complete
    help="Normalize Chinese newsletter text. Every command writes JSONL to stdout; "
    "messages go to stderr. Exit codes: 0 ok, 1 bad data, 2 usage.",
)
for module in (pipe, segment, run, show, evaluate, profile):  # the order of zhnorm --help: the pipe's first
    module.register(app)


def restore_sigpipe() -> None:
    """Die quietly when the reader goes away, as cat and grep do.

    Python ignores SIGPIPE and raises BrokenPipeError on the next write instead, so
    ``zhnorm load big/ | head -1`` would end with a traceback once head exits.
    """
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def main() -> None:
    """Console-script entry point (``zhnorm``)."""
    restore_sigpipe()
    app()
