"""What every component's settings object shares: changing some settings by name, validated."""

from __future__ import annotations

import dataclasses
from typing import Any, Self

from .errors import ConfigError


class Settings:
    """A frozen dataclass of settings that validates itself in ``__post_init__``."""

    def replace(self, **settings: Any) -> Self:
        """A copy with some settings changed (validated again); an unknown name is a ConfigError."""
        names = {field.name for field in dataclasses.fields(self)}  # type: ignore[arg-type]
        unknown = set(settings) - names
        if unknown:
            kind = type(self).__name__.removesuffix("Config").lower()
            raise ConfigError(f"unknown {kind} setting {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **settings)  # type: ignore[type-var]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]
