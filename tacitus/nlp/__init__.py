"""Loading the English spaCy pipeline that every later stage reads."""
from .model import load_english_model

__all__ = ["load_english_model"]
