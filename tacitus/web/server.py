"""Running the app with uvicorn: in the foreground (``tacitus serve``) or in a background thread (tests)."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from .app import create_app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Serve the store at ``db_path`` until interrupted."""
    uvicorn.run(create_app(db_path), host=host, port=port, log_level=log_level)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextmanager
def background_server(db_path: str, host: str = "127.0.0.1", port: int | None = None,
                      startup_timeout: float = 20.0) -> Iterator[str]:
    """Run the app in a thread on a free local port; yields its base URL and stops it on exit."""
    port = port or free_port(host)
    config = uvicorn.Config(create_app(db_path), host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="tacitus-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the web server did not start on {host}:{port}")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
