"""Imported by the worker pool's fork server (only there): loads and warms up everything the workers use,
once, before any of them is forked."""

from .worker import warm

warm()
