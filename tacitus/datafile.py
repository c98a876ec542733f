"""Reading the package's editable data files (YAML): one place for parsing and list validation."""
from __future__ import annotations

import yaml

from .errors import DataFileError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster


def load_yaml(where: str, text: str):
    """Parse YAML; a syntax error names the file."""
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc


def string_list(value, where: str, lower: bool = False, allow_single: bool = False) -> list[str]:
    """A list of non-empty strings (a single string too when ``allow_single``); None is an empty list."""
    if value is None:
        return []
    if allow_single and isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{where}: expected a list of non-empty strings (quote words YAML reads as "
                            f"true/false, such as \"on\" and \"off\"), found {value!r}.")
    return [v.strip().lower() if lower else v.strip() for v in value]
