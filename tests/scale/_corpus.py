"""A small SYNTHETIC folder of news-like reports: invented incidents, invented people."""

from __future__ import annotations

from pathlib import Path

REPORTS = {
    "ambush.txt": (
        "Published: 2025-03-04\n\nSYNTHETIC. Gunmen ambushed an army patrol near Tin Zaouatine on Monday, killing two "
        "soldiers, the defence ministry said. The attackers fled toward the border with Mali."
    ),
    "seizure.txt": (
        "Published: 2025-03-06\n\nSYNTHETIC. Border guards seized 40 rifles and three pick-up trucks near Ghadames on "
        "Wednesday and arrested five smugglers, a security official said."
    ),
    "protest.txt": (
        "Published: 2025-03-07\n\nSYNTHETIC. Hundreds of people protested in Ben Guerdane on Thursday against the "
        "closure of the Ras Jedir crossing, local residents said."
    ),
    "patrol.txt": (
        "Published: 2025-03-09\n\nSYNTHETIC. Tunisian and Algerian units began a joint patrol along the border near "
        "El Kef on Saturday, the interior ministry announced."
    ),
    "blast.txt": (
        "Published: 2025-03-10\n\nSYNTHETIC. A roadside bomb struck a gendarmerie vehicle near Kasserine on Sunday, "
        "wounding three gendarmes, a hospital source said."
    ),
    "abduction.txt": (
        "Published: 2025-03-12\n\nSYNTHETIC. Armed men abducted a village chief near Abala in Niger on Tuesday night, "
        "a local official said. No group claimed the abduction."
    ),
    "quiet.txt": "Published: 2025-03-13\n\nSYNTHETIC. The committee met to discuss the budget of the water office.",
    "clash.txt": (
        "Published: 2025-03-14\n\nSYNTHETIC. Soldiers clashed with an armed group near In Guezzam on Thursday; four "
        "fighters were killed, the army said."
    ),
}


def write_corpus(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**REPORTS, **(extra or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
