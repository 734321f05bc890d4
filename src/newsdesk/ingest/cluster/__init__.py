"""Ingest on a Dask cluster: ``newsdesk ingest INPUT... --cluster local`` or ``--scheduler tcp://HOST:8786``.

The same ingest as :mod:`newsdesk.ingest.local`, with Dask workers (on this machine or many) doing the
reading, cleaning and NLP, and this process writing the store. Module map: :mod:`.chunks` (units of
work), :mod:`.tasks` (what runs on the workers), :mod:`.runner` (the client). Needs the ``cluster``
extra (``pip install 'newsdesk[cluster]'``, the same version on the workers). See docs/store.md.
"""

from __future__ import annotations

from newsdesk.ingest.cluster.runner import ClusterError, connect, run

__all__ = ["ClusterError", "connect", "run"]
