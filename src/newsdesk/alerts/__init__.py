"""Delivering alert matches: the webhook POSTs that follow an ingest, a watch pass or ``alerts deliver``.

Matching happens in the store, in the transaction that writes each article
(:mod:`newsdesk.store.alerts`); the Atom feed and JSON are the desk's (:mod:`newsdesk.web.monitor`).
"""

from newsdesk.alerts.webhooks import DeliveryOptions, DeliveryStats, deliver_pending

__all__ = ["DeliveryOptions", "DeliveryStats", "deliver_pending"]
