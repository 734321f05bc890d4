"""Article identity: the stable 16-hex key of an article, from its URL or else its text.

Its own module, not the pipeline's, because the store looks articles up by URL too and
must not load the pipeline (and spaCy with it) to do so.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PARAM = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid)$", re.I)


def article_id(url: str | None, text: str) -> str:
    """Stable id: from the normalised URL when known, else from the normalised text."""
    key = "url:" + normalise_url(url) if url else "text:" + " ".join(text.lower().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop fragment, ``www.``, tracking parameters and a trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port:
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING_PARAM.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "http", host, path, query, ""))
