"""``newsdesk serve``: the web desk (pages and JSON API) over a store."""

from __future__ import annotations

import typer

from newsdesk.cli.app import app
from newsdesk.cli.output import db_option, missing_sqlite_file, refuse_missing, store_target


@app.command("serve")
def serve_command(
    db: str | None = db_option(),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind. Only loopback by default.", metavar="HOST"),
    port: int = typer.Option(8000, "--port", help="Port to listen on.", metavar="PORT"),
    allow_ingest: bool = typer.Option(
        False, "--allow-ingest", help="Let 'try it' and POST /api/extract store pages (default: read-only)."
    ),
    allow_fetch: bool = typer.Option(
        False, "--allow-fetch", help="Let 'try it' and POST /api/extract fetch a URL from this server."
    ),
    max_upload: int = typer.Option(
        5_000_000, "--max-upload", help="Largest request body accepted, in bytes.", metavar="BYTES"
    ),
    timeout: float = typer.Option(
        30.0, "--timeout", help="Seconds before a request is answered with 503.", metavar="SECONDS"
    ),
) -> None:
    """Serve the web desk: search, articles, speakers, claims, places, try it, and the JSON API."""
    import uvicorn

    from newsdesk.web.app import Settings, create_app

    target = store_target(db)
    if (missing := missing_sqlite_file(target)) is not None and not allow_ingest:  # a writing desk may start one
        refuse_missing(missing)
    if host not in {"127.0.0.1", "localhost", "::1"}:
        typer.echo(f"newsdesk: serving on {host}: anyone who can reach it can read the store", err=True)
    settings = Settings(
        db=target,
        allow_ingest=allow_ingest,
        allow_fetch=allow_fetch,
        max_upload_bytes=max_upload,
        request_seconds=timeout,
    )
    typer.echo(f"newsdesk desk on http://{host}:{port}/ ({'ingest allowed' if allow_ingest else 'read-only'})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", server_header=False)
