"""Watch a folder or a feed and code what is new, pass after pass (like GDELT's 15-minute updates).

What has been read is kept in the store itself (table ``watch_seen``), so a restarted watch carries on where it
stopped: a file is read again only when its size or modification time changed, and a feed item only when its id
is new. Behind that, the ingest's own check (doc_id + SHA-256 of the text) skips any document already stored
unchanged, so a pass interrupted between the two leaves no duplicates.
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..io import InputProblem, ReadOptions
from ..io.feeds import looks_like_feed
from ..io.readers import FEED_SUFFIXES, KNOWN_SUFFIXES
from .ingest import ingest
from .store import Store


@dataclass
class PassResult:
    """One pass: documents coded, things passed over as already seen or stored, rejects and events."""

    new: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    clusters: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def is_feed(target: str) -> bool:
    """A URL, or a file that is an RSS/Atom feed (by suffix or content)."""
    if target.startswith(("http://", "https://")):
        return True
    p = Path(target)
    if not p.is_file():
        return False
    if _suffix(p) in FEED_SUFFIXES:
        return True
    with p.open("rb") as fh:
        return looks_like_feed(fh.read(500).decode("utf-8", errors="replace"))


def watch_pass(store: Store, coder, target: str, options: ReadOptions | None = None,
               window_days: int = 3) -> PassResult:
    """Code what is new in ``target`` (a folder, a file, or a feed file or URL) since the last pass."""
    from .analytics import rebuild_clusters

    options = options or ReadOptions()
    if is_feed(target):
        result, remember = _feed_pass(store, coder, target, options)
    else:
        result, remember = _files_pass(store, coder, target, options)
    if remember:
        store.con.executemany("INSERT OR REPLACE INTO watch_seen (watched, key, fingerprint) VALUES (?, ?, ?)",
                              [[_watched(target), key, fp] for key, fp in remember])
    if result.new:
        result.clusters = rebuild_clusters(store, window_days=window_days)
    return result


def watch(db: str | Path, coder, target: str, interval: float = 900.0, passes: int | None = None,
          options: ReadOptions | None = None, window_days: int = 3,
          on_pass: Callable[[PassResult], None] | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Run passes every ``interval`` seconds (``passes``: how many, None for ever). The store is open only during
    a pass, so queries and the dashboard can read it in between. Returns the number of passes run."""
    done = 0
    while passes is None or done < passes:
        if done:
            sleep(interval)
        with Store(db) as store:
            result = watch_pass(store, coder, target, options, window_days)
        done += 1
        if on_pass:
            on_pass(result)
    return done


def _files_pass(store: Store, coder, target: str, options: ReadOptions) -> tuple[PassResult, list]:
    root = Path(target)
    if not root.exists():
        raise InputError(f"{target}: no such folder, file or feed")
    seen = dict(store.con.execute("SELECT key, fingerprint FROM watch_seen WHERE watched = ?",
                                  [_watched(target)]).fetchall())
    changed, unchanged = [], 0
    for path in _files(root):
        st = path.stat()
        fingerprint = f"{st.st_mtime_ns}:{st.st_size}"
        if seen.get(str(path.resolve())) == fingerprint:
            unchanged += 1
        else:
            changed.append((str(path), fingerprint))
    result = PassResult(unchanged=unchanged)
    if changed:
        _ingest_into(result, store, coder, [p for p, _ in changed], options)
    return result, [(str(Path(p).resolve()), fingerprint) for p, fingerprint in changed]


def _feed_pass(store: Store, coder, target: str, options: ReadOptions) -> tuple[PassResult, list]:
    seen = {k for (k,) in store.con.execute("SELECT key FROM watch_seen WHERE watched = ?",
                                            [_watched(target)]).fetchall()}
    offered: list[str] = []
    passed_over = 0

    def skip(item_id: str) -> bool:
        nonlocal passed_over
        offered.append(item_id)
        # seen in an earlier pass, or already stored (by an ingest, or before this watch started)
        if item_id in seen or store.known_hashes([item_id]):
            passed_over += 1
            return True
        return False

    result = PassResult()
    _ingest_into(result, store, coder, [target], dataclasses.replace(options, skip_item=skip))
    result.unchanged += passed_over
    return result, [(item_id, "") for item_id in offered]


def _ingest_into(result: PassResult, store: Store, coder, paths: list[str], options: ReadOptions) -> None:
    stats, problems = ingest(store, coder, paths, options=options)
    result.new += stats.coded
    result.unchanged += stats.unchanged
    result.events += stats.events
    result.rejected += sum(1 for p in problems if p.fatal)
    result.problems.extend(problems)


def _files(root: Path) -> Iterator[Path]:
    if root.is_file():
        yield root
        return
    yield from sorted(f for f in root.rglob("*") if f.is_file() and _suffix(f) in KNOWN_SUFFIXES)


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _watched(target: str) -> str:
    return target if target.startswith(("http://", "https://")) else str(Path(target).resolve())
