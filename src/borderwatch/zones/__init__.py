"""Watch zones and alerts: zone shapes and rules, matching through a spatial index, spike detection,
signed webhook delivery. Pure logic: the store keeps zones and alerts and calls this as events are stored.
"""

from ._geometry import BorderStripMaker, default_border_strip, polygon_from_geojson, to_geojson
from ._match import SpikeWindow, ZoneIndex, is_spike, spike_window
from ._model import SpikeRule, WatchedEvent, ZoneRules, ZoneSpec
from ._webhooks import DeliveryResult, backoff_seconds, post_signed, sign, signed_headers, verify_signature

__all__ = [
    "BorderStripMaker",
    "DeliveryResult",
    "SpikeRule",
    "SpikeWindow",
    "WatchedEvent",
    "ZoneIndex",
    "ZoneRules",
    "ZoneSpec",
    "backoff_seconds",
    "default_border_strip",
    "is_spike",
    "polygon_from_geojson",
    "post_signed",
    "sign",
    "signed_headers",
    "spike_window",
    "to_geojson",
    "verify_signature",
]
