"""The command line: one module per command group, on top of the library; errors become exit codes here."""

from .main import cli, main

__all__ = ["cli", "main"]
