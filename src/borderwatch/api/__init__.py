"""The REST API, the live stream and the dashboard of `borderwatch serve`, in one FastAPI app.

Public entry point: `create_app(settings)`. One router module per resource (`_reports`, `_events`,
`_directory` for actors and places, `_zones`, `_alerts` with webhooks, `_stream`, `_meta`); every
read goes through the store's query objects. The dashboard's files are in `static/`.
"""

from ._app import create_app
from ._delivery import WebhookDeliverer

__all__ = ["WebhookDeliverer", "create_app"]
