"""POSTing each new alert match to its webhook, at least once and, once delivered, never again.

A match waits in the store's queue (``delivery = 'pending'``) until a POST of it is answered
with a 2xx; only then is it marked delivered, in its own transaction. A crash between the
answer and that commit sends it again on the next run — at least once, never lost; the
``Idempotency-Key`` header (the match's id) lets a receiver drop that rare repeat. Every
attempt is logged (``alert_deliveries``; ``newsdesk alerts list`` shows the last error).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from newsdesk.store import Store
from newsdesk.store.alerts import DELIVERED, REJECTED, Attempt
from newsdesk.watch.http import USER_AGENT, retry_after_seconds

FAILED = "failed"
# Statuses worth retrying: the receiver is busy, down or timed out; any other 4xx means it
# refuses this payload, and sending it again would be refused again.
_TRANSIENT = frozenset({408, 425, 429})


@dataclass(frozen=True, slots=True)
class DeliveryOptions:
    """How hard to try. Three tries a second, then two apart ride out a receiver's restart; a
    receiver still down waits for the next run (the match stays queued), so one dead webhook
    costs a run about ``timeout × attempts`` and does not hold up the other alerts."""

    timeout: float = 10.0
    attempts: int = 3
    backoff: float = 1.0
    max_wait: float = 30.0
    user_agent: str = USER_AGENT


@dataclass
class DeliveryStats:
    """What one delivery run did: matches delivered, refused for good, and left queued."""

    delivered: int = 0
    rejected: int = 0
    waiting: int = 0


Sleep = Callable[[float], None]


def deliver_pending(
    store: Store,
    options: DeliveryOptions = DeliveryOptions(),
    *,
    stop: threading.Event | None = None,
    sleep: Sleep = time.sleep,
) -> DeliveryStats:
    """Send every queued match to its webhook, oldest first; a webhook that stays down is skipped
    for the rest of the run and its matches wait for the next one."""
    stats = DeliveryStats()
    down: set[str] = set()
    queue = store.pending_deliveries()
    headers = {"User-Agent": options.user_agent}
    with httpx.Client(timeout=options.timeout, headers=headers, follow_redirects=False) as client:
        for match in queue:
            webhook = str(match.pop("webhook"))
            if webhook in down or (stop is not None and stop.is_set()):
                stats.waiting += 1
                continue
            outcome = _send(client, webhook, match, options, record=store.record_delivery, sleep=sleep)
            if outcome == DELIVERED:
                stats.delivered += 1
            elif outcome == REJECTED:
                stats.rejected += 1
            else:
                stats.waiting += 1
                down.add(webhook)
    return stats


def _send(
    client: httpx.Client,
    webhook: str,
    match: dict[str, Any],
    options: DeliveryOptions,
    *,
    record: Callable[[int, Attempt], None],
    sleep: Sleep,
) -> str:
    """POST one match until it is answered for good or the tries run out; the last outcome."""
    payload = {key: value for key, value in match.items() if key not in ("delivery", "delivered_at")}
    headers = {"Idempotency-Key": f"newsdesk-alert-{match['alert']}-{match['id']}"}
    attempt = Attempt(FAILED, error="not sent")
    for number in range(options.attempts):
        attempt, wait = _post(client, webhook, payload, headers)
        record(int(match["id"]), attempt)
        if attempt.outcome != FAILED or number == options.attempts - 1:
            break
        sleep(min(options.max_wait, max(options.backoff * 2**number, wait)))
    return attempt.outcome


def _post(
    client: httpx.Client, webhook: str, payload: dict[str, Any], headers: dict[str, str]
) -> tuple[Attempt, float]:
    """One POST: its outcome, and the wait the receiver asked for (Retry-After; 0 when none)."""
    try:
        response = client.post(webhook, json=payload, headers=headers)
    except httpx.HTTPError as exc:
        return Attempt(FAILED, error=f"{type(exc).__name__}: {exc}"[:300]), 0.0
    status = response.status_code
    if 200 <= status < 300:
        return Attempt(DELIVERED, status), 0.0
    if 400 <= status < 500 and status not in _TRANSIENT:
        return Attempt(REJECTED, status, f"HTTP {status}: the receiver refused it"), 0.0
    return Attempt(FAILED, status, f"HTTP {status}"), retry_after_seconds(response.headers.get("Retry-After", ""))
