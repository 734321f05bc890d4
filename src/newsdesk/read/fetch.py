"""Fetch one page over HTTP(S) with a timeout and a size cap.

Only the standard library: one GET, redirects followed, nothing cached. A monitoring desk
that crawls at scale uses a crawler and feeds newsdesk the WARC or HTML files instead.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from newsdesk import __version__
from newsdesk.errors import InputError
from newsdesk.read.decode import human_size

DEFAULT_TIMEOUT = 20.0
_CHUNK = 64 * 1024


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Return the body of ``url``; every failure becomes a one-line :class:`InputError`."""
    request = urllib.request.Request(url, headers={"User-Agent": f"newsdesk/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"too large ({human_size(int(declared))}, the limit is {human_size(max_bytes)})")
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"too large (over the {human_size(max_bytes)} limit)")
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise InputError(f"timed out after {timeout:g}s") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot fetch: {exc}") from None
