"""Loading the English spaCy pipeline that every later stage reads."""
from .fast_rules import install_fast_rules
from .model import load_english_model

__all__ = ["install_fast_rules", "load_english_model"]
