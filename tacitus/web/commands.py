"""``tacitus serve``: registered on the CLI by ``tacitus.cli._register_plugins``."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Path = typer.Option(..., "--db", help="The store (DuckDB file) to serve; opened read-only."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    ) -> None:
        """Serve the dashboard and the read-only REST API of a store (open http://HOST:PORT/)."""
        from ..store import StoreError

        try:
            from .server import serve as run
        except ImportError as exc:
            typer.echo(f"error: tacitus serve needs the web dependencies (fastapi, uvicorn): {exc}", err=True)
            raise typer.Exit(2)

        if not db.is_file():
            typer.echo(f"error: no store at {db}", err=True)
            raise typer.Exit(2)
        try:
            run(str(db), host=host, port=port)
        except StoreError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)
