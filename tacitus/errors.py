"""Numbered errors, so a user can search for the code (the spaCy way).

Every problem Tacitus reports to a user carries a code ``T0xx``; the message
says what went wrong, where (file and line when there is one) and what to do.
"""
from __future__ import annotations


class TacitusError(Exception):
    """Base class of every error Tacitus raises on purpose."""

    code = "T000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class DataFileError(TacitusError):
    """A dictionary, pattern or code-table file is malformed."""

    code = "T001"


class ModelNotFoundError(TacitusError):
    """No usable English spaCy model is installed."""

    code = "T002"


class InputError(TacitusError):
    """An input file or record cannot be read."""

    code = "T003"


class UnknownCodeError(TacitusError):
    """A CAMEO code (or name) that is not in the code table."""

    code = "T004"
