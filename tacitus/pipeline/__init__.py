"""The spaCy pipeline component that runs Tacitus inside any English pipeline."""
from .component import TacitusComponent, make_tacitus_component
from .paragraphs import paragraph_boundaries

__all__ = ["TacitusComponent", "make_tacitus_component", "paragraph_boundaries"]
