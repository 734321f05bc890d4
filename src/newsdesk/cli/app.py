"""The Typer application object and the helpers every command shares."""

from __future__ import annotations

import sys

import typer

from newsdesk import __version__

app = typer.Typer(
    name="newsdesk",
    help="Who said what, about whom, where and how many: structured records from news pages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score newsdesk's stages against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def report_failure(name: str, reason: str) -> None:
    """One line on stderr for one failed input; the command goes on with the next."""
    sys.stderr.write(f"newsdesk: {name}: {' '.join(reason.split())}\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsdesk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """newsdesk command line."""
