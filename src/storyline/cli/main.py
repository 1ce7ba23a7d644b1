"""The `storyline` command: the group, its subcommands, and the one place errors become exit codes."""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import EXIT_CODES, StorylineError

EPILOG = "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + "."
# Each command's module is imported only when the command runs (or --help lists it): `summarize` does not
# pay for the story store, the evaluation harness or the web service.
COMMANDS = {
    "summarize": "summarize:summarize",
    "batch": "batch:batch",
    "eval": "eval:eval_command",
    "stories": "stories:stories",
    "serve": "serve:serve",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name].split(":")
        command: click.Command = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(package_name="storyline")
def cli() -> None:
    """Short, sourced summaries of news clusters."""


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
