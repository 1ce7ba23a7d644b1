"""The `storyline` command: the group, its subcommands, and the one place errors become exit codes."""

from __future__ import annotations

import sys

import click

from ..errors import EXIT_CODES, StorylineError
from .batch import batch
from .eval import eval_command
from .serve import serve
from .stories import stories
from .summarize import summarize

EPILOG = "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + "."


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(package_name="storyline")
def cli() -> None:
    """Short, sourced summaries of news clusters."""


for command in (summarize, batch, eval_command, stories, serve):
    cli.add_command(command)


def main(args: list[str] | None = None) -> None:
    """Entry point: storyline's errors become one message and an exit code (EXIT_CODES), never a traceback."""
    try:
        cli.main(args, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except StorylineError as err:
        click.echo(f"storyline: error: {err}", err=True)
        sys.exit(err.exit_code)
    except (OSError, KeyboardInterrupt) as err:
        message = "interrupted" if isinstance(err, KeyboardInterrupt) else f"{err.filename or ''}: {err.strerror}"
        click.echo(f"storyline: error: {message}", err=True)
        sys.exit(130 if isinstance(err, KeyboardInterrupt) else 2)
