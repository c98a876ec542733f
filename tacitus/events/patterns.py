"""Verb patterns: which predicates express which CAMEO code.

One YAML file per CAMEO root in ``tacitus/data/patterns`` (users add their own
with ``--patterns FILE``). A pattern names verb lemmas and, optionally, the
particle ("turn down"), the head noun of the object for light-verb forms
("impose sanctions", "hold talks") and the prepositions that introduce the
target ("on", "with"). The most specific pattern that matches a verb wins.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


from ..datafile import load_yaml, string_list
from ..errors import DataFileError
from ..ontology import CameoTable

_KEYS = {"code", "verbs", "object", "prep", "particle", "note"}
FRAME_ROOTS = ("02", "03", "10", "12", "13")


@dataclass(frozen=True)
class VerbPattern:
    id: str  # "12_reject#4": file stem and entry number, shown as the event's rule
    code: str
    verb: str
    objects: tuple[tuple[str, ...], ...] = ()
    preps: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    note: str = ""

    @property
    def specificity(self) -> int:
        return 4 * bool(self.objects) + 2 * bool(self.particles) + bool(self.preps)

    @property
    def root(self) -> str:
        return self.code[:2]

    def describe(self) -> str:
        parts = [self.verb]
        if self.particles:
            parts.append("/".join(self.particles))
        if self.objects:
            parts.append("+" + "/".join(" ".join(o) for o in self.objects))
        if self.preps:
            parts.append(f"[{'/'.join(self.preps)}]")
        return f"{self.id}: {' '.join(parts)} -> {self.code}"


@dataclass(frozen=True)
class NounPattern:
    """An event noun ("veto", "air strike") and the prepositions that introduce its target."""

    id: str
    code: str
    words: tuple[str, ...]
    target_preps: tuple[str, ...]

    def matches(self, noun) -> bool:
        words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        words.append(noun.lemma_.lower())
        return tuple(words[-len(self.words):]) == self.words


class PatternBook:
    """All verb patterns, indexed by verb lemma, plus the framing table."""

    def __init__(self) -> None:
        self.by_verb: dict[str, list[VerbPattern]] = defaultdict(list)
        self.by_noun: dict[str, list[NounPattern]] = defaultdict(list)
        self.frames: dict[str, dict[str, str]] = {}
        self.files: list[str] = []

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_verb.values())

    @classmethod
    def packaged(cls, cameo: CameoTable) -> "PatternBook":
        book = cls()
        base = resources.files("tacitus") / "data" / "patterns"
        for item in sorted(base.iterdir(), key=lambda p: p.name):
            if not item.name.endswith(".yaml"):
                continue
            text = item.read_text("utf-8")
            if item.name == "embedding.yaml":
                book._add_frames(load_yaml(item.name, text), item.name, cameo)
            elif item.name == "nouns.yaml":
                book.add_nouns(load_yaml(item.name, text), item.name, cameo)
            else:
                book.add(load_yaml(item.name, text), item.name, cameo)
        return book

    def add_file(self, path: str | Path, cameo: CameoTable) -> None:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read the pattern file ({exc.strerror}).") from exc
        self.add(load_yaml(str(path), text), str(path), cameo)

    def add(self, data, where: str, cameo: CameoTable) -> None:
        if data is None:
            return
        if not isinstance(data, list):
            raise DataFileError(f"{where}: a pattern file is a list of entries (code, verbs, ...).")
        stem = Path(where).stem
        for i, item in enumerate(data, 1):
            at = f"{where}, entry {i}"
            if not isinstance(item, dict):
                raise DataFileError(f"{at}: expected a mapping, found {item!r}.")
            unknown = set(item) - _KEYS
            if unknown:
                raise DataFileError(f"{at}: unknown keys {sorted(unknown)} (allowed: {sorted(_KEYS)}).")
            code = str(item.get("code", "")).strip()
            if code not in cameo:
                raise DataFileError(f"{at}: '{code}' is not a CAMEO code (quote it: code: \"0241\").")
            verbs = _words(item.get("verbs"), f"{at}: verbs")
            if not verbs:
                raise DataFileError(f"{at}: a pattern needs at least one verb lemma.")
            objects = tuple(tuple(o.split()) for o in _words(item.get("object"), f"{at}: object"))
            preps = tuple(_words(item.get("prep"), f"{at}: prep"))
            particles = tuple(_words(item.get("particle"), f"{at}: particle"))
            for verb in verbs:
                self.by_verb[verb].append(
                    VerbPattern(f"{stem}#{i}", code, verb, objects, preps, particles, str(item.get("note", "")))
                )
        self.files.append(where)

    def add_nouns(self, data, where: str, cameo: CameoTable) -> None:
        if not isinstance(data, list):
            raise DataFileError(f"{where}: a noun-pattern file is a list of entries (code, nouns, target).")
        stem = Path(where).stem
        for i, item in enumerate(data, 1):
            at = f"{where}, entry {i}"
            if not isinstance(item, dict) or set(item) - {"code", "nouns", "target", "note"}:
                raise DataFileError(f"{at}: expected a mapping with code, nouns, target (and note).")
            code = str(item.get("code", "")).strip()
            if code not in cameo:
                raise DataFileError(f"{at}: '{code}' is not a CAMEO code.")
            preps = tuple(_words(item.get("target"), f"{at}: target"))
            if not preps:
                raise DataFileError(f"{at}: a noun pattern needs the prepositions that introduce its target.")
            for noun in _words(item.get("nouns"), f"{at}: nouns"):
                words = tuple(noun.split())
                self.by_noun[words[-1]].append(NounPattern(f"{stem}#{i}", code, words, preps))
        self.files.append(where)

    def _add_frames(self, data, where: str, cameo: CameoTable) -> None:
        if not isinstance(data, dict):
            raise DataFileError(f"{where}: expected a mapping frame-root -> {{framed code: result}}.")
        for root, table in data.items():
            root = str(root)
            if root not in FRAME_ROOTS or not isinstance(table, dict):
                raise DataFileError(f"{where}: '{root}' is not a frame root {FRAME_ROOTS}.")
            for framed, result in table.items():
                if str(result) not in cameo:
                    raise DataFileError(f"{where}: {root}/{framed}: '{result}' is not a CAMEO code.")
            self.frames[root] = {str(k): str(v) for k, v in table.items()}

    def frame_code(self, frame_root: str, framed_code: str) -> str:
        """The code of "<frame> to <framed event>": longest prefix in the table, else the frame's generic code."""
        table = self.frames.get(frame_root, {})
        for n in range(len(framed_code), 1, -1):
            hit = table.get(framed_code[:n])
            if hit:
                return hit
        return frame_root + "0"


def _words(value, where: str) -> list[str]:
    return string_list(value, where, lower=True, allow_single=True)
