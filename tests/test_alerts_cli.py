"""``newsdesk alerts`` and the delivery that follows ``newsdesk ingest``, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsdesk.cli import app
from webhook_receiver import Receiver, closed_port, receiving

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "newsdesk" / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_add_list_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    code, out, _ = run("alerts", "add", "floods", "--query", "flood", "--place", "bd", "--db", db)
    assert code == 0 and "/alerts/floods.atom" in out
    code, _out, err = run("alerts", "add", "floods", "--query", "rain", "--db", db)
    assert code == 2 and "exists" in err and "Traceback" not in err
    code, _out, err = run("alerts", "add", "nothing", "--db", db)
    assert code == 2 and "at least one of" in err
    code, out, _ = run("alerts", "list", "--db", db, "--format", "json")
    [saved] = json.loads(out)
    assert (saved["name"], saved["query"], saved["place"], saved["matches"]) == ("floods", "flood", "BD", 0)
    assert run("alerts", "remove", "floods", "--db", db)[0] == 0
    code, _out, err = run("alerts", "remove", "floods", "--db", db)
    assert code == 1 and err.strip() == "newsdesk: no alert named 'floods'"
    assert run("alerts", "matches", "floods", "--db", db)[0] == 1


def test_ingest_matches_and_delivers_each_match_once(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    with receiving(Receiver()) as hook:
        assert run("alerts", "add", "quoted", "--speaker", "Rahman", "--webhook", hook.url, "--db", db)[0] == 0
        assert run("alerts", "add", "bangladesh", "--place", "BD", "--db", db)[0] == 0
        code, out, err = run("ingest", str(EXAMPLES), "--workers", "1", "--db", db)
        assert code == 0, err
        assert "alerts: 1 delivered, 0 refused by the receiver, 0 waiting" in out
        code, out, _ = run("ingest", str(EXAMPLES), "--workers", "1", "--db", db)  # nothing new
        assert code == 0 and "alerts:" not in out
    [payload] = hook.received
    assert payload["alert"] == "quoted"
    assert any("Rahman" in str(quote["speaker"]) for quote in payload["evidence"]["quotes"])  # type: ignore[index]
    code, out, _ = run("alerts", "matches", "bangladesh", "--db", db, "--format", "json")
    [match] = json.loads(out)
    assert match["delivery"] == "none" and "Bangladesh" in match["article"]["title"]


def test_deliver_reports_a_receiver_that_is_down(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    hook = f"http://127.0.0.1:{closed_port()}/hook"
    assert run("alerts", "add", "quoted", "--speaker", "Rahman", "--webhook", hook, "--db", db)[0] == 0
    code, out, _ = run("ingest", str(EXAMPLES / "river_aid.txt"), "--workers", "1", "--db", db)
    assert code == 0 and "1 waiting for the next run" in out
    code, out, _ = run("alerts", "list", "--db", db, "--format", "json")
    assert json.loads(out)[0]["undelivered"] == 1 and "ConnectError" in json.loads(out)[0]["last_error"]
    assert run("alerts", "deliver", "--db", db)[0] == 1
