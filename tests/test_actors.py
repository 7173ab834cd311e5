"""The actor dictionary: named groups, generic nouns per country, people's names vs places."""

from __future__ import annotations

import pytest

from sitrep.actors import load_actor_dictionary


@pytest.fixture(scope="module")
def find(nlp):
    dictionary = load_actor_dictionary(vocab=nlp.vocab)

    def found(text: str) -> list[tuple[str, str, int]]:
        from sitrep.actors import extract_actors

        return [(a.text, a.name, a.inter) for a in extract_actors(nlp(text), dictionary=dictionary)]

    return found


pytestmark = pytest.mark.model


def test_an_ethnic_militia_is_named_for_the_country_of_the_event(find):
    assert ("Pokot raiders", "Pokot Ethnic Militia ({country})", 4) in find(
        "Pokot raiders attacked a village.")


def test_a_peoples_name_after_in_is_their_home_area_not_an_actor(find):
    assert find("Two herders were killed in Turkana.") == [
        ("herders", "Civilians ({country})", 7)]


def test_military_posts_and_checkpoints_stand_for_the_forces_holding_them(find):
    (post,) = [a for a in find("Taliban militants attacked an Afghan military post.")
               if a[0].endswith("post")]
    assert post[1:] == ("Military Forces of Afghanistan", 1)


def test_abbreviations_that_are_common_words_are_not_group_aliases():
    dictionary = load_actor_dictionary()
    assert "is" not in dictionary.phrases and "aa" not in dictionary.phrases
    assert dictionary.phrases["kachin independence army"] == "KIA: Kachin Independence Army"


def test_generic_entries_and_groups_keep_the_country_placeholder_until_named():
    dictionary = load_actor_dictionary()
    name, inter = dictionary.name_actor("Turkana Ethnic Militia ({country})", 4, country="KE")
    assert (name, inter) == ("Turkana Ethnic Militia (Kenya)", 4)
