"""The desk's defences that sit in front of every route: headers, body size and time limits.

Everything the desk shows comes from pages somebody else wrote, so the browser is told to
run only the desk's own static script (Content-Security-Policy without ``'unsafe-inline'``)
even if an escaping bug ever let markup through. The size and time limits keep one paste
or one slow query from taking the server down; they are plain ASGI middleware so they also
cover requests that never reach a route (a huge body to a 404).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Only the desk's own files: no inline script or style, no plugins, no framing, forms post
# back to the desk only. ``data:`` images are not needed either.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


_log = logging.getLogger("newsdesk.web")


class SecurityHeaders:
    """Adds the CSP and the other hardening headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # A bug must not answer without the headers (the server's own 500 page has none):
            # log it for the operator, answer one line with them.
            if started:
                raise
            _log.exception("internal error answering %s %s", scope.get("method"), scope.get("path"))
            await _plain_error(send_with_headers, 500, "internal error (the server's log has the details)")


class _TooLarge(Exception):
    """Raised inside ``receive`` when the body passes the limit."""


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413, by header or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await _plain_error(send, 413, f"request body larger than {self.max_bytes} bytes")
                return
        seen = 0
        started = False
        over = False

        async def counting_receive() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    over = True
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            # A body cut off mid-stream (chunked, no Content-Length) makes the form parser answer 400
            # itself; the answer is 413 all the same.
            nonlocal started
            if over and not started:
                started = True
                await _plain_error(send, 413, f"request body larger than {self.max_bytes} bytes")
            if over:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _plain_error(send, 413, f"request body larger than {self.max_bytes} bytes")


class TimeLimit:
    """Answers 503 when a request takes longer than ``seconds``.

    The route runs as its own task so the answer goes out on time even when the route is
    stuck in a worker thread that cannot be cancelled; whatever it sends later is dropped.
    (The data layer also interrupts queries at the deadline, so the thread stops too.)
    """

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        abandoned = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if abandoned:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if done:
            task.result()
            return
        abandoned = True
        task.cancel()
        task.add_done_callback(_retrieve)
        if not started:
            await _plain_error(send, 503, f"request took longer than {self.seconds:g} s")


def _retrieve(task: asyncio.Future[None]) -> None:
    """Collect an abandoned request's outcome so asyncio does not log it as never retrieved."""
    if not task.cancelled():
        task.exception()


async def _plain_error(send: Send, status: int, detail: str) -> None:
    """A JSON error body (``{"detail": …}``, as FastAPI writes its own errors)."""
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
