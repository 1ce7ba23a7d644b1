"""Errors that reach users as one clear message naming what was at fault.

The command line turns each into one line on stderr and an exit code (EXIT_CODES); batch runs record
them per cluster and go on.
"""


class StorylineError(Exception):
    """Base of storyline's errors; its message names the input or setting at fault."""

    exit_code = 2


class InputError(StorylineError, ValueError):
    """Input that cannot be read or summarized (missing, binary, empty, no prose, malformed)."""


def unreadable(path: object, err: OSError) -> InputError:
    """The error for a file the system cannot open or read, worded alike wherever it comes from: "notes.txt: no
    such file or directory", "notes.txt: permission denied"."""
    reason = err.strerror or type(err).__name__
    return InputError(f"{path}: {reason[:1].lower()}{reason[1:]}")


class ConfigError(StorylineError, ValueError):
    """A setting out of its range, or unknown."""


class StoreError(StorylineError):
    """A story store that cannot be opened, is not a store, or does not exist."""


class MissingExtraError(StorylineError):
    """A feature that needs an optional dependency that is not installed."""

    exit_code = 3


EXIT_CODES = {
    0: "success",
    1: "an internal error (a bug: please report it with its traceback)",
    2: "bad input, option or setting: a missing, unreadable or empty input, no prose, no sentence within the word "
       "budget, malformed JSONL, no such story",
    3: "an optional dependency is missing (the message names the extra to install)",
    130: "interrupted (Ctrl-C, SIGTERM, SIGHUP); finished work is kept",
}
