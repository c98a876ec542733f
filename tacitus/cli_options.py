"""Input options shared by the commands that read articles (`code`, `ingest`)."""
from __future__ import annotations

from typing import Optional

import typer


def read_options(date, text_field: str, id_field: Optional[str], date_field: str, title_field: str,
                 max_chars: int, language_check: bool, fetch: bool):
    """ReadOptions from the CLI's input options (shared by `code` and `ingest`)."""
    from .io import ReadOptions

    return ReadOptions(date=date, text_field=text_field, id_field=id_field, date_field=date_field,
                       title_field=title_field, max_chars=max_chars, check_language=language_check,
                       fetch_pages=fetch)


TEXT_FIELD = typer.Option("text", "--text-field", help="JSON Lines/CSV field with the article text.")
ID_FIELD = typer.Option(None, "--id-field", help="Field with the document id (default: doc_id, then id).")
DATE_FIELD = typer.Option("date", "--date-field", help="Field with the article date.")
TITLE_FIELD = typer.Option("title", "--title-field", help="Field with the title.")
MAX_CHARS = typer.Option(500_000, "--max-chars", help="Refuse longer documents (with a reason).")
LANGUAGE_CHECK = typer.Option(True, "--language-check/--no-language-check",
                              help="Skip documents that are not in English (with a reason).")
FETCH = typer.Option(True, "--fetch/--no-fetch", help="Fetch a feed item's page when it carries only a summary.")
WORKERS = typer.Option(0, "--workers", "-w", min=0,
                       help="Coding processes (0 = every core; a short input is coded in this process).")
PREFILTER = typer.Option(True, "--prefilter/--no-prefilter",
                         help="Parse only the sentences that can hold an event (same events, faster).")
