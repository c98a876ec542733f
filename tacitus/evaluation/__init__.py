"""Scoring coded events against gold annotations (`tacitus eval`)."""
from .score import EvalResult, evaluate, load_gold, score_events

__all__ = ["EvalResult", "evaluate", "load_gold", "score_events"]
