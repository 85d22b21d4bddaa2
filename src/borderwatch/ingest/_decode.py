"""Bytes to text: byte-order marks, then strict UTF-8, then the region's usual code pages."""

from __future__ import annotations

import codecs

import charset_normalizer

from ..errors import InputError

__all__ = ["decode_text", "looks_binary"]

# Candidates for text without a BOM that is not UTF-8. Restricting detection to the code pages
# the region's writers actually use keeps short French text from being read as Central European.
_REGIONAL_CODEPAGES = ["utf_8", "cp1252", "cp1256", "latin_1", "iso8859_6"]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB, outside a UTF-16/32 text with its BOM."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    return controls > max(4, len(head) // 100)


def decode_text(data: bytes, origin: str) -> str:
    """Decode report bytes, or raise InputError naming the origin."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    f"{origin}: text starts with a {encoding} byte-order mark but is not {encoding}"
                ) from None
    if looks_binary(data):
        raise InputError(f"{origin}: binary file, not a report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=_REGIONAL_CODEPAGES).best()
    if best is None:
        best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{origin}: cannot decode the text (unknown encoding)")
    return str(best)
