from borderwatch.ingest import NearDuplicateFinder, Signature

STORY = (
    "SYNTHETIC. Gunmen on motorbikes attacked a gendarmerie post near the town of Tin Zaouatine early on "
    "Sunday, killing three gendarmes and wounding two others, a security source said. The attackers fled "
    "toward the border with Mali after a two-hour exchange of fire, the source added."
)
EDITED = STORY.replace("a security source said", "according to a security source").replace("early on", "on")
OTHER = "SYNTHETIC. Protesters gathered in front of the governorate building in Medenine to demand jobs."


def test_an_edited_copy_is_a_near_duplicate_and_another_story_is_not() -> None:
    finder = NearDuplicateFinder(0.7)
    story, edited, other = (finder.signature(t) for t in (STORY, EDITED, OTHER))
    assert story.similarity(edited) >= 0.7
    assert story.similarity(other) < 0.2
    assert set(story.band_keys) & set(edited.band_keys)
    assert finder.matches(story, {"e": edited.to_bytes(), "o": other}) == [("e", story.similarity(edited))]


def test_signatures_survive_storage_and_are_stable_across_runs() -> None:
    finder = NearDuplicateFinder()
    signature = finder.signature(STORY)
    again = Signature.from_bytes(signature.to_bytes())
    assert again.similarity(signature) == 1.0
    assert NearDuplicateFinder().signature(STORY).band_keys == signature.band_keys


def test_very_short_texts_still_get_a_signature() -> None:
    assert len(NearDuplicateFinder().signature("Two").band_keys) == 20
