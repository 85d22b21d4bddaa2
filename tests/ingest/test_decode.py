import codecs

import pytest

from borderwatch.errors import InputError
from borderwatch.ingest._decode import decode_text, looks_binary

FRENCH = "SYNTHÉTIQUE. Les gendarmes ont arrêté trois contrebandiers près de Tébessa, a indiqué le communiqué."
ARABIC = "تقرير اصطناعي. وقعت اشتباكات قرب الحدود الجزائرية الليبية يوم الثلاثاء، حسب مصادر أمنية."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (FRENCH.encode("utf-8"), FRENCH),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH),
        (FRENCH.encode("utf-16"), FRENCH),  # with BOM
        (ARABIC.encode("utf-16-be"), None),  # no BOM: refused as binary rather than misread
        (FRENCH.encode("cp1252"), FRENCH),
        (FRENCH.encode("latin-1"), FRENCH),
        (ARABIC.encode("cp1256"), ARABIC),
        (ARABIC.encode("utf-8"), ARABIC),
        ("Troops said “five” died — officials.".encode("cp1252"), "Troops said “five” died — officials."),
    ],
)
def test_decode_text_detects_the_encoding(data: bytes, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InputError, match="binary"):
            decode_text(data, "x.txt")
    else:
        assert decode_text(data, "x.txt") == expected


def test_binary_content_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"^E100: photo.txt: binary file"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt")


def test_looks_binary_allows_utf16_with_bom() -> None:
    assert not looks_binary(FRENCH.encode("utf-16"))
    assert looks_binary(b"abc\x00def")


def test_bom_that_lies_is_an_error() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode_text(codecs.BOM_UTF8 + b"\xff\xfe\xfa", "bad.txt")
