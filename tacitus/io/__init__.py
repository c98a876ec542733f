"""Reading articles in and writing events out."""
from .options import InputProblem, ReadOptions
from .readers import read_inputs
from .writers import EVENT_COLUMNS, write_csv, write_jsonl

__all__ = ["EVENT_COLUMNS", "InputProblem", "ReadOptions", "read_inputs", "write_csv", "write_jsonl"]
