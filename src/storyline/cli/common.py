"""What the commands share: the progress bar, output, and reading settings from options."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

stderr = Console(stderr=True)


def progress() -> Progress:
    """A progress bar on stderr, shown only in a terminal."""
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, disable=not stderr.is_terminal,
    )


def write(text: str, output: str | None) -> None:
    """``text`` to the file ``output``, or to stdout."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def warn(message: str) -> None:
    click.echo(f"storyline: {message}", err=True)
