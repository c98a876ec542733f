"""The CAMEO event ontology: codes, names, Goldstein values, QuadClass, PLOVER."""
from .cameo import CameoCode, CameoTable, explain, load_cameo_table

__all__ = ["CameoCode", "CameoTable", "explain", "load_cameo_table"]
