"""CLI commands over a store: ingest, watch, query, dyads, actors-top, timeline, network, clusters.

Thin wrappers: each parses options, calls one library function and prints the result.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .. import cli_options as cli
from ..errors import TacitusError

err = Console(stderr=True, highlight=False, soft_wrap=True)
DB_OPTION = typer.Option("tacitus.duckdb", "--db", help="The DuckDB store file.")


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def _open(db: Path, read_only: bool = True):
    from .store import Store

    if read_only and not Path(db).exists():
        err.print(f"error: no store at {db}; create one with `tacitus ingest INPUT... --db {db}`")
        raise typer.Exit(2)
    try:
        return Store(db, read_only=read_only)
    except TacitusError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2)


def print_frame(df, fmt: TableFormat = TableFormat.table, output: Optional[Path] = None) -> None:
    """Print (or write) a DataFrame as a table, CSV, JSON Lines or Parquet."""
    for col in df.columns:  # calendar periods print as dates, not midnight timestamps
        if str(df[col].dtype).startswith("datetime64") and (df[col].dropna().dt.normalize() == df[col].dropna()).all():
            df[col] = df[col].dt.date
    if fmt is TableFormat.parquet:
        if output is None:
            err.print("error: --format parquet needs --output FILE")
            raise typer.Exit(2)
        df.to_parquet(output, index=False)
        return
    if fmt is TableFormat.csv:
        text = df.to_csv(index=False)
    elif fmt is TableFormat.jsonl:
        text = "".join(json.dumps(r, default=str, ensure_ascii=False) + "\n" for r in df.to_dict(orient="records"))
    else:
        table = Table(header_style="bold")
        for col in df.columns:
            table.add_column(str(col), overflow="fold")
        for row in df.itertuples(index=False):
            table.add_row(*["" if v is None else str(v) for v in row])
        Console(highlight=False).print(table)
        return
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: list[str] = typer.Argument(..., help="Inputs, as for `tacitus code` (text, JSON Lines, -)."),
        db: Path = DB_OPTION,
        date: Optional[str] = typer.Option(None, "--date", help="Article date for inputs without one."),
        batch_size: int = typer.Option(64, "--batch-size", help="Documents per transaction."),
        window: int = typer.Option(3, "--cluster-window", help="Days within which reports form one event."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, only errors and the summary."),
        allow_rejects: bool = typer.Option(False, "--allow-rejects", help="Exit 0 even when inputs were rejected."),
        text_field: str = cli.TEXT_FIELD, id_field: Optional[str] = cli.ID_FIELD, date_field: str = cli.DATE_FIELD,
        title_field: str = cli.TITLE_FIELD, max_chars: int = cli.MAX_CHARS,
        language_check: bool = cli.LANGUAGE_CHECK, fetch: bool = cli.FETCH,
        workers: int = cli.WORKERS, prefilter: bool = cli.PREFILTER,
        model: Optional[str] = typer.Option(None, "--model", help="spaCy model to use."),
        actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML); repeatable."),
        patterns: list[Path] = typer.Option([], "--patterns", help="Extra verb-pattern file (YAML); repeatable."),
        engine: Engine = typer.Option(Engine.local, "--engine", help="local (this process) or dask (a cluster)."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler "
                                                "(tcp://HOST:8786); default: a local cluster."),
        dask_workers: Optional[int] = typer.Option(None, "--dask-workers", help="Local cluster size (default: "
                                                   "one worker process per core)."),
        parquet_dir: Optional[Path] = typer.Option(None, "--parquet-dir", help="With --engine dask: where the "
                                                   "partitions' Parquet goes (default: DB.parts/)."),
        partition_size: int = typer.Option(500, "--partition-size", help="With --engine dask: documents per "
                                           "partition (one task)."),
    ) -> None:
        """Code inputs into a DuckDB store (idempotent: unchanged documents are skipped, changed ones replaced).
        With --engine dask, partitions are coded on a Dask cluster into Parquet, resumably, then imported."""
        from ..document import parse_date

        try:
            day = parse_date(date)
        except ValueError as exc:
            err.print(f"error: --date: {exc}")
            raise typer.Exit(2)
        if engine is Engine.local and (scheduler or dask_workers or parquet_dir):
            err.print("error: --scheduler, --dask-workers and --parquet-dir need --engine dask")
            raise typer.Exit(2)
        if partition_size < 1:
            err.print("error: --partition-size must be at least 1")
            raise typer.Exit(2)
        coder_options = _coder_options(model, actors, patterns)
        if not prefilter:
            coder_options["prefilter"] = False
        opts = cli.read_options(day, text_field, id_field, date_field, title_field, max_chars, language_check, fetch)
        store = _open(db, read_only=False)
        try:
            if engine is Engine.dask:
                stats, problems, clusters = _ingest_dask(store, paths, day, opts, coder_options, db, scheduler,
                                                         dask_workers, parquet_dir, partition_size, window, quiet)
            else:
                stats, problems, clusters = _ingest_local(store, paths, day, opts, coder_options, batch_size,
                                                          window, quiet, workers)
        except TacitusError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(2)
        finally:
            store.close()
        rejected = sum(1 for p in problems if p.fatal)
        err.print(f"{stats.read} read, {stats.coded} coded ({stats.replaced} replaced), {stats.unchanged} "
                  f"unchanged, {rejected} rejected; {stats.events} events, {clusters} event clusters -> {db}")
        if rejected and not allow_rejects:
            raise typer.Exit(1)

    def _coder_options(model, actors, patterns) -> dict:
        """Coder keyword arguments, only those the user set (the Coder's defaults hold otherwise)."""
        options: dict = {}
        if model:
            options["model"] = model
        if actors:
            options["actors"] = [str(a) for a in actors]
        if patterns:
            options["patterns"] = [str(p) for p in patterns]
        return options

    def _progress(quiet: bool):
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        return Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=True)

    def _print_problem(p) -> None:
        err.print(f"{'error' if p.fatal else 'warning'}: {p}")

    def _ingest_local(store, paths, day, opts, coder_options, batch_size, window, quiet, workers=0):
        from ..coder import Coder
        from .analytics import rebuild_clusters
        from .ingest import ingest as run_ingest

        coder = Coder(**coder_options, lazy=True)  # worker processes load their own; this one only if used
        progress = _progress(quiet)
        with progress:
            task = progress.add_task("coding", total=None)

            def on_progress(stats):
                progress.update(task, description=f"{stats.read} read, {stats.coded} coded, "
                                                   f"{stats.unchanged} unchanged, {stats.events} events")

            stats, problems = run_ingest(store, coder, paths, date=day, batch_size=batch_size, options=opts,
                                         on_problem=_print_problem, on_progress=on_progress, workers=workers)
            clusters = rebuild_clusters(store, window_days=window)
        return stats, problems, clusters

    def _ingest_dask(store, paths, day, opts, coder_options, db, scheduler, n_workers, parquet_dir,
                     partition_size, window, quiet):
        import os

        from ..scale.cluster import dask_client
        from ..scale.dask_engine import default_run_dir, ingest_dask
        from .analytics import rebuild_clusters

        run_dir = parquet_dir or default_run_dir(db)
        with dask_client(scheduler, n_workers or os.cpu_count() or 1) as client:
            if not quiet:
                where = scheduler or "a local cluster"
                err.print(f"[dim]tacitus: {len(client.scheduler_info().get('workers', {}))} Dask worker(s) on "
                          f"{where}; partitions in {run_dir}[/dim]")
            progress = _progress(quiet)
            with progress:
                task = progress.add_task("coding", total=None)

                def on_progress(p):
                    progress.update(task, description=f"{p.partitions_done} partition(s) done "
                                                       f"({p.partitions_skipped} from an earlier run), "
                                                       f"{p.documents_done}/{p.documents} documents, "
                                                       f"{p.events} events")

                stats, problems, _ = ingest_dask(store, client, paths, run_dir, coder_options, date=day,
                                                 options=opts, partition_size=partition_size,
                                                 on_problem=_print_problem, on_progress=on_progress)
                clusters = rebuild_clusters(store, window_days=window)
        return stats, problems, clusters

    @app.command()
    def watch(
        target: str = typer.Argument(..., help="A folder (new or changed files), or an RSS/Atom feed (file or URL)."),
        db: Path = DB_OPTION,
        interval: float = typer.Option(900.0, "--interval", help="Seconds between passes (GDELT: 900)."),
        once: bool = typer.Option(False, "--once", help="One pass, then exit."),
        date: Optional[str] = typer.Option(None, "--date", help="Article date for inputs without one."),
        window: int = typer.Option(3, "--cluster-window", help="Days within which reports form one event."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors and the line per pass."),
        allow_rejects: bool = typer.Option(False, "--allow-rejects", help="With --once: exit 0 even when inputs "
                                           "were rejected."),
        text_field: str = cli.TEXT_FIELD, id_field: Optional[str] = cli.ID_FIELD, date_field: str = cli.DATE_FIELD,
        title_field: str = cli.TITLE_FIELD, max_chars: int = cli.MAX_CHARS,
        language_check: bool = cli.LANGUAGE_CHECK, fetch: bool = cli.FETCH,
        model: Optional[str] = typer.Option(None, "--model", help="spaCy model to use."),
        actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML); repeatable."),
        patterns: list[Path] = typer.Option([], "--patterns", help="Extra verb-pattern file (YAML); repeatable."),
    ) -> None:
        """Code new articles as they arrive in a folder or a feed, every --interval seconds, into a store."""
        import datetime as dt

        from ..coder import Coder
        from ..document import parse_date
        from .watch import watch as run_watch

        try:
            day = parse_date(date)
        except ValueError as exc:
            err.print(f"error: --date: {exc}")
            raise typer.Exit(2)
        opts = cli.read_options(day, text_field, id_field, date_field, title_field, max_chars, language_check, fetch)
        rejected = 0

        def on_pass(result) -> None:
            nonlocal rejected
            rejected = result.rejected
            for p in result.problems:
                _print_problem(p)
            stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
            err.print(f"{stamp} {target}: {result.new} new, {result.unchanged} unchanged, {result.rejected} "
                      f"rejected; {result.events} events")

        try:
            coder = Coder(**_coder_options(model, actors, patterns))
            if not quiet:
                every = "one pass" if once else f"every {interval:g} s (Ctrl-C to stop)"
                err.print(f"[dim]tacitus: watching {target} into {db}, {every}[/dim]")
            run_watch(db, coder, target, interval=interval, passes=1 if once else None, options=opts,
                      window_days=window, on_pass=on_pass)
        except TacitusError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(2)
        except KeyboardInterrupt:
            err.print("stopped")
            return
        if once and rejected and not allow_rejects:
            raise typer.Exit(1)

    @app.command()
    def query(
        sql: str = typer.Argument(..., help="SQL over the tables documents, sentences, events, clusters, actors."),
        db: Path = DB_OPTION,
        fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to a file."),
    ) -> None:
        """Run SQL against a store (read-only) and print the result."""
        store = _open(db)
        try:
            df = store.query_df(sql)
        except TacitusError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(1)
        print_frame(df, fmt, output)

    def _analytic(fn, db, fmt, output, **kwargs):
        store = _open(db)
        try:
            df = fn(store, **{k: v for k, v in kwargs.items() if v not in (None, "")})
        except TacitusError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(2)
        print_frame(df, fmt, output)

    @app.command()
    def dyads(
        db: Path = DB_OPTION,
        period: str = typer.Option("month", "--period", help="day, week, month or year."),
        dedupe: bool = typer.Option(False, "--dedupe", help="Count event clusters, not reports."),
        start: Optional[str] = typer.Option(None, "--start"), end: Optional[str] = typer.Option(None, "--end"),
        actor: Optional[str] = typer.Option(None, "--actor", help="Only dyads with this actor (code prefix)."),
        fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
        output: Optional[Path] = typer.Option(None, "--output", "-o"),
    ) -> None:
        """Source x target x period: counts, Goldstein sum and mean, QuadClass counts."""
        from .analytics import dyads as fn

        _analytic(fn, db, fmt, output, period=period, dedupe=dedupe, start=start, end=end, actor=actor)

    @app.command("actors-top")
    def actors_top(
        db: Path = DB_OPTION, n: int = typer.Option(20, "-n", help="How many."),
        side: str = typer.Option("any", "--side", help="any, source or target."),
        dedupe: bool = typer.Option(False, "--dedupe"),
        start: Optional[str] = typer.Option(None, "--start"), end: Optional[str] = typer.Option(None, "--end"),
        fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
        output: Optional[Path] = typer.Option(None, "--output", "-o"),
    ) -> None:
        """The most active actors."""
        from .analytics import actors_top as fn

        _analytic(fn, db, fmt, output, n=n, side=side, dedupe=dedupe, start=start, end=end)

    @app.command()
    def timeline(
        db: Path = DB_OPTION,
        dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE:TARGET code prefixes, e.g. RUS:SYR."),
        actor: Optional[str] = typer.Option(None, "--actor", help="An actor code prefix, e.g. IRN."),
        period: str = typer.Option("month", "--period"), dedupe: bool = typer.Option(False, "--dedupe"),
        start: Optional[str] = typer.Option(None, "--start"), end: Optional[str] = typer.Option(None, "--end"),
        fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
        output: Optional[Path] = typer.Option(None, "--output", "-o"),
    ) -> None:
        """Events and mean Goldstein per period, for a dyad, an actor or everything."""
        from .analytics import timeline as fn

        _analytic(fn, db, fmt, output, dyad=dyad, actor=actor, period=period, dedupe=dedupe, start=start, end=end)

    @app.command()
    def network(
        db: Path = DB_OPTION, min_events: int = typer.Option(1, "--min-events"),
        dedupe: bool = typer.Option(False, "--dedupe"),
        start: Optional[str] = typer.Option(None, "--start"), end: Optional[str] = typer.Option(None, "--end"),
        fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
        output: Optional[Path] = typer.Option(None, "--output", "-o"),
    ) -> None:
        """The weighted actor network as an edge list (source, target, events, mean Goldstein)."""
        import pandas as pd

        from .analytics import network as fn

        store = _open(db)
        try:
            graph = fn(store, min_events=min_events, dedupe=dedupe, start=start, end=end)
        except TacitusError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(2)
        rows = [{"source": s, "target": t, **attrs} for s, t, attrs in graph.edges(data=True)]
        df = pd.DataFrame(rows, columns=["source", "target", "weight", "goldstein_mean"])
        print_frame(df.sort_values("weight", ascending=False), fmt, output)
