"""The numbered error of the scale engine."""
from __future__ import annotations

from ..errors import TacitusError


class ScaleError(TacitusError):
    """A cluster cannot be reached or started, or a partition failed on it."""

    code = "T007"
