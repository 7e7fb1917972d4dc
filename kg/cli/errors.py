"""How faults end a command, in one place: the same fault exits the same way everywhere.

* 0: done (``kg validate``: the graph conforms).
* 1: kg could not do it, or the answer is no — a missing, empty, binary or unreadable
  input, an unwritable output, a malformed query, a name the graph does not hold, a graph
  that does not conform. One line on standard error says what and what to do next.
* 2: the command was used wrongly — an unknown option, a bad value, a missing argument
  (click's usage errors, with the usage line).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any

import click

from kg.errors import KGError

#: The exit code of a fault kg reports in one line.
FAILED = 1
#: The exit code of ``kg validate`` on a graph that does not conform.
NONCONFORMING = FAILED


class Failure(click.ClickException):
    """A library error as click shows it: ``Error: …`` on one line, exit :data:`FAILED`."""

    exit_code = FAILED


class Command(click.Command):
    """A command that turns the library's errors into a :class:`Failure`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as error:
            raise Failure(str(error)) from error


def end_cleanly_on_termination() -> None:
    """Make a termination (SIGTERM, SIGHUP) end kg as Ctrl-C does, through the code that
    puts outputs back as they were, instead of stopping it between two writes."""
    if threading.current_thread() is not threading.main_thread():
        return  # (only the main thread may set handlers: kg run inside another program)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminated)


def _terminated(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def command(**settings: Any) -> Callable[[Callable[..., Any]], Command]:
    """``click.command`` for kg's commands: the library's errors end them as :class:`Failure`."""
    return click.command(cls=Command, **settings)
