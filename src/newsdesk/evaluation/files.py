"""Reading the evaluation's own files (gold, judgments): a file that is missing, unreadable or
not UTF-8 text is an InputError, so the command ends in a one-line error, never a traceback."""

from __future__ import annotations

from pathlib import Path

from newsdesk.errors import InputError


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of ``path``; ``what`` names it in the error ("gold file", "judgments")."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"cannot read {what}: not UTF-8 text") from None
