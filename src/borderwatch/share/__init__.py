"""Sharing: who may see what, STIX 2.1 exchange, the TAXII 2.1 server and the sync client.

Access control itself lives in the store (`store.Reader`, `store.class_visible`): every read takes a
reader. This package adds what works through the store's queries: per-peer rules, STIX mapping and
bundles, the TAXII server and the peer client, and the FastAPI pieces (authentication, login, account
administration) that the API mounts.
"""

from ._accounts_api import accounts_router
from ._app import create_share_app, mount_share
from ._auth import SESSION_COOKIE, Principal, SecurityHeaders, auth_router, authenticate, get_store, require
from ._bundle import ExportSummary, ImportSummary, export_stix, import_bundle
from ._outbound import OutboundPage, outbound_page
from ._rules import EXPLICIT_ONLY, PeerRule, Zone, parse_rules, select_for_peer
from ._stix_map import StixError, incoming_from_objects, report_objects, withdrawal_object
from ._stix_objects import EXT_EVENT, EXT_REPORT, EXT_ZONE, MARKING_IDS, TLP2_EXTENSION, marking_definition
from ._sync import PeerClient, SyncReport, resolve_secret
from ._taxii import TAXII_MEDIA_TYPE, taxii_router
from ._zones import zone_from_object, zone_object

__all__ = [
    "EXPLICIT_ONLY",
    "EXT_EVENT",
    "EXT_REPORT",
    "EXT_ZONE",
    "MARKING_IDS",
    "SESSION_COOKIE",
    "TAXII_MEDIA_TYPE",
    "TLP2_EXTENSION",
    "ExportSummary",
    "ImportSummary",
    "OutboundPage",
    "PeerClient",
    "PeerRule",
    "Principal",
    "SecurityHeaders",
    "StixError",
    "SyncReport",
    "Zone",
    "accounts_router",
    "auth_router",
    "authenticate",
    "create_share_app",
    "export_stix",
    "get_store",
    "import_bundle",
    "incoming_from_objects",
    "marking_definition",
    "mount_share",
    "outbound_page",
    "parse_rules",
    "report_objects",
    "require",
    "resolve_secret",
    "select_for_peer",
    "taxii_router",
    "withdrawal_object",
    "zone_from_object",
    "zone_object",
]
