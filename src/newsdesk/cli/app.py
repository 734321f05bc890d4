"""The Typer application object and the helpers every command shares.

Global options (before the command: ``newsdesk -q ingest …``): ``-h/--help`` everywhere,
``-V/--version``, ``-q/--quiet`` (only results and errors: no progress bar, no end-of-run
summary or "wrote N rows" line) and ``-v/--verbose`` (which store was opened; for ``ingest``
one line per input stored). Shell completion: ``--install-completion`` / ``--show-completion``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import typer
import typer.core

from newsdesk import __version__


class PlainHelp(typer.core.TyperCommand):
    """A command whose help names each argument by its metavar alone ("INPUT..."), as click does:
    Typer adds a type marker ("<list[str]>") after an argument even when it has a metavar."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Typer's own layout, with the argument names as :func:`_argument_name` gives them."""
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                args.append((_argument_name(param), record[1]))
            else:
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _argument_name(param: Any) -> str:
    """The metavar (or the upper-cased name), with "..." when the argument takes several values."""
    name = param.metavar or (param.name or "").upper()
    return name if param.nargs == 1 else f"{name}..."


Command = TypeVar("Command", bound=Callable[..., Any])


def choices(values: Iterable[str]) -> str:
    """An option's metavar listing its choices, as click writes them: "[table|json|csv]"."""
    return "[" + "|".join(values) + "]"


class Newsdesk(typer.Typer):
    """Typer whose commands all use :class:`PlainHelp`."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Command], Command]:
        kwargs.setdefault("cls", PlainHelp)
        return super().command(*args, **kwargs)


# Plain (click-style) help: Typer's rich help prints a type marker such as "<bool>" after every
# flag, which reads as a value to give; the plain layout shows types for valued options only,
# and every valued option has a metavar ("N", "DATE", "[table|json|csv]") instead of a marker.
app = Newsdesk(
    name="newsdesk",
    help="Who said what, about whom, where and how many: structured records from news pages.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
eval_app = Newsdesk(help="Score newsdesk's stages against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@dataclass
class Verbosity:
    """How talkative this run is, set by the global ``-q`` / ``-v`` options."""

    quiet: bool = False
    verbose: bool = False


VERBOSITY = Verbosity()


def report_failure(name: str, reason: str) -> None:
    """One line on stderr for one failed input; the command goes on with the next."""
    sys.stderr.write(f"newsdesk: {name}: {' '.join(reason.split())}\n")


def note(line: str) -> None:
    """A line of running commentary on stderr, shown only with ``-v``."""
    if VERBOSITY.verbose:
        sys.stderr.write(f"newsdesk: {line}\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsdesk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print only results and errors: no progress bar, no summaries."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also say which store is opened and, while ingesting, what became of each input."
    ),
) -> None:
    """newsdesk command line."""
    if quiet and verbose:
        raise typer.BadParameter("give --quiet or --verbose, not both", param_hint="--quiet")
    VERBOSITY.quiet = quiet
    VERBOSITY.verbose = verbose
