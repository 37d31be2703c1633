"""A sign the model guesses is not named when the message says the trouble is somewhere else."""

from __future__ import annotations

import pytest

from service.safety.places import elsewhere, unlike
from service.web.twilio.simulate import TwilioSimulator
from tests.safety.phone import urgent_with_no_sign


@pytest.mark.parametrize(("message", "wrong_place"), [
    ("me duele el estomago muy fuerte", "pecho"),  # the model had said chest pain
    ("me duele la barriga muy fuerte", "pecho"),
    ("pain in my ribs is really bad", "legs"),  # the model had said the spinal cord sign
    ("my stomach hurts really bad", "swollen"),  # the model had said the belly's swelling
    ("my breast is red and swollen", "leg"),  # the model had said an arm or leg's clot
    ("tengo el seno rojo e hinchado", "vientre"),  # the model had said the belly's swelling
    ("my dad is on xeloda and his hands are peeling and red, is that a side effect?", "stroke"),
    ("her face is very swollen", "leg"),  # the model had said an arm or leg's clot
    ("tiene la cara muy hinchada", "vientre"),  # the model had said the belly's swelling
    ("her face is red", "stroke"),  # the model had said a stroke, for the word "face"
])
def test_pain_in_one_place_is_not_told_as_another_places_sign(
        twilio: TwilioSimulator, message: str, wrong_place: str) -> None:
    assert wrong_place not in urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize(("sign", "message", "other_place"), [
    ("chest-pain", "me duele la cabeza muy fuerte", True),
    ("chest-pain", "my stomach hurts so bad", True),
    ("chest-pain", "my chest and my head hurt", False),  # its own place named too
    ("chest-pain", "it hurts so bad", False),  # no place named: the model's sign stands
    ("clot-leg", "my arm is red and hot", False),
    ("spinal-cord", "my back hurts really bad", False),
    ("fever", "my head is burning up", False),  # a sign of no one place
    ("spinal-cord", "pain in my ribs is really bad", True),
    ("clot-leg", "my breast is red and swollen", True),
    ("clot-leg", "mi mama tiene la pierna hinchada", False),  # "mama" is her mother here, not a breast
    ("spinal-cord", "my hand is tingling", True),  # the model had said the spinal cord sign
    ("spinal-cord", "tengo hormigueo en los dedos", True),
])
def test_a_sign_is_elsewhere_only_when_the_message_names_other_places_alone(
        sign: str, message: str, other_place: bool) -> None:
    assert elsewhere(sign, message) is other_place


@pytest.mark.parametrize(("sign", "message", "left_out"), [
    ("belly", "my stomach hurts really bad", True),
    ("belly", "my belly is swollen and hard", False),
    ("belly", "tengo el vientre hinchado", False),
    ("chest-pain", "it hurts so bad", False),  # no words asked of this sign
    ("breathing", "her breast is hot and red", True),  # the model had said hard breathing
    ("breathing", "she cant catch her breath", False),
    ("breathing", "le falta el aire", False),
])
def test_a_belly_sign_needs_the_belly_swollen(sign: str, message: str, left_out: bool) -> None:
    assert unlike(sign, message) is left_out
