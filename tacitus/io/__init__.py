"""Reading articles in and writing events out."""
from .readers import InputProblem, read_inputs
from .writers import EVENT_COLUMNS, write_csv, write_jsonl

__all__ = ["EVENT_COLUMNS", "InputProblem", "read_inputs", "write_csv", "write_jsonl"]
