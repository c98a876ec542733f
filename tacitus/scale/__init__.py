"""Coding at scale: partitions of documents coded on a Dask cluster into date-partitioned Parquet, then imported
into a store.

The client streams inputs into partitions, so it never holds the corpus; each worker loads the Coder once; each
partition's output is written atomically with a completion marker, so an interrupted run resumes where it
stopped. See docs/scale.md.
"""
from .errors import ScaleError

__all__ = ["ScaleError"]
