"""The Tacitus web layer: a read-only REST API over a store and an offline dashboard.

``create_app(db_path)`` builds the FastAPI application; ``tacitus serve --db DB`` runs it with uvicorn. FastAPI is
imported only when the app is built, so that the CLI works without the web dependencies installed.
"""


def __getattr__(name):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
