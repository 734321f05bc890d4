"""Shared fixtures. Store tests run against SQLite and against a real PostgreSQL server.

The PostgreSQL server is started once per test session from the Debian package's binaries
(``/usr/lib/postgresql/*/bin``): ``initdb`` into a temporary directory and ``pg_ctl start``
on 127.0.0.1 and a free port, as the ``postgres`` OS user when the tests run as root (the
server refuses to run as root). ``NEWSDESK_TEST_POSTGRES=postgresql://…`` uses an existing
server instead. When no server can be had the PostgreSQL tests are skipped locally and FAIL
under CI (``CI=true``), so a CI machine without PostgreSQL can never pass silently.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsdesk.ids import article_id
from newsdesk.record import Article, Claim, Claimant, ClaimStatistic, Cue, Entity, Place, Quote, Span, Speaker
from newsdesk.store import Store

_database_numbers = itertools.count(1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_postgres() -> tuple[str, Callable[[], None]]:
    """initdb + pg_ctl start in a temporary directory; returns the URL and a stop function."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (make test installs Debian's postgresql package)")
    bindir = Path(found[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
    user = None
    if os.geteuid() == 0:  # the server refuses to run as root
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
        user = "postgres"
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {root} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )

    def run(*args: str) -> None:
        subprocess.run(args, user=user, check=True, capture_output=True, timeout=120)

    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(root / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(root / "data"),
            "-l",
            str(root / "log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
    except subprocess.CalledProcessError as exc:
        log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"{exc.cmd[0]} failed: {exc.stderr.decode(errors='replace')} {log}") from None

    def stop() -> None:
        subprocess.run(
            [str(bindir / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "stop"],
            user=user,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)

    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of the session's PostgreSQL server (its ``postgres`` database)."""
    if os.environ.get("NEWSDESK_TEST_POSTGRES"):
        yield os.environ["NEWSDESK_TEST_POSTGRES"]
        return
    try:
        url, stop = _start_postgres()
    except (RuntimeError, OSError, subprocess.SubprocessError, KeyError) as exc:
        message = f"PostgreSQL server unavailable: {exc}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"newsdesk_test_{os.getpid()}_{next(_database_numbers)}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store on each backend: a SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "newsdesk.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


class ArticleBuilder:
    """Builds :class:`Article` records with entities, quotes, claims and places, by finding strings.

    Offsets are computed from the text, so tests state *what* is in an article, not where.
    """

    def __init__(
        self, title: str, body: str, *, url: str | None = None, site: str | None = None, published: str | None = None
    ) -> None:
        self.text = f"{title}\n\n{body}"
        self.article = Article(
            id=article_id(url, self.text),
            text=self.text,
            body_start=len(title) + 2,
            input_format="text",
            url=url,
            site=site,
            title=title,
            published=published,
            language="en",
        )

    def span(self, needle: str, after: int = 0) -> Span:
        start = self.text.index(needle, after)
        return Span(start, start + len(needle))

    def entity(
        self, name: str, kind: str = "PERSON", *, mention: str | None = None, titles: tuple[str, ...] = ()
    ) -> str:
        local = f"E{len(self.article.entities) + 1}"
        mentions = [self.span(mention or name)]
        self.article.entities.append(Entity(local, name, kind, titles=list(titles), mentions=mentions))
        return local

    def quote(
        self,
        speaker: str | None,
        name: str,
        content: str,
        *,
        cue: str = "said",
        stance: str = "say",
        kind: str = "direct",
        confidence: float | None = None,
    ) -> str:
        local = f"Q{len(self.article.quotes) + 1}"
        who = self.span(name)
        verb = self.span(cue)
        self.article.quotes.append(
            Quote(
                local,
                Speaker(speaker, name, who.start, who.end),
                Cue(verb.start, verb.end, cue, cue),
                [self.span(content)],
                kind,
                stance,
                confidence=confidence,
            )
        )
        return local

    def place(
        self,
        name: str,
        kind: str,
        country: str,
        iso3: str,
        fips: str,
        geonameid: int,
        lat: float,
        lon: float,
        *,
        focus: bool = False,
    ) -> None:
        self.article.places.append(
            Place(
                name,
                kind,
                country,
                iso3,
                fips,
                geonameid,
                lat,
                lon,
                focus=focus,
                mentions=[self.span(name, self.article.body_start)],
            )
        )

    def claim(
        self,
        text: str,
        value: float,
        obj: str,
        category: str,
        *,
        claimant: str | None = None,
        claimant_name: str | None = None,
        place: str | None = None,
        quote: str | None = None,
        low: float | None = None,
        high: float | None = None,
        qualifier: str | None = None,
        confidence: float | None = None,
        statistic: ClaimStatistic | None = None,
    ) -> None:
        where = self.span(text, self.article.body_start)
        self.article.claims.append(
            Claim(
                f"C{len(self.article.claims) + 1}",
                where.start,
                where.end,
                text,
                value,
                low,
                high,
                qualifier,
                None,
                obj,
                category,
                place,
                Claimant(claimant, claimant_name) if claimant_name else None,
                quote,
                confidence,
                statistic,
            )
        )

    def build(self) -> Article:
        for span in self.article.spans():
            assert 0 <= span.start <= span.end <= len(self.text)
        return self.article
