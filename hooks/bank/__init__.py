"""The question bank: load, validate and render it. Pure Python; never imports MkDocs."""

from .load import load_bank
from .model import Bank, Choice, Problem, Question, Source, Topic

__all__ = ["Bank", "Choice", "Problem", "Question", "Source", "Topic", "load_bank"]
