"""Errors that reach users as one clear message."""


class StorylineError(Exception):
    """Base of storyline's errors; its message names the input at fault."""


class InputError(StorylineError, ValueError):
    """Input that cannot be read or summarized."""
