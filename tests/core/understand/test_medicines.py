"""Medicines by name: the kind's page first, saying what it is; side effects; unknown names stay honest."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core.texts import Show, TextNavigator, TextState
from service.core.understand.medicines import MedicineFinder
from service.core.wording import text_message


@pytest.mark.parametrize(("words", "kind", "page"), [
    ("kisqali", "cdk46", "treat-targeted"),
    ("verzenio diarrhea", "cdk46", "treat-targeted"),
    ("what is enhertu", "adc", "treat-targeted"),
    ("faslodex", "hormone", "treat-hormone"),
    ("taxol", "chemo", "treat-chemo"),
    ("xeloda", "chemo", "treat-chemo"),
    ("zometa jaw pain", "bone", "treat-bone"),
    ("kiskali", "cdk46", "treat-targeted"),
    ("que es la capecitabina", "chemo", "treat-chemo"),
    ("keytruda", "immuno", "treat-immuno"),
    ("lynparza", "parp", "treat-targeted"),
])
def test_a_named_medicine_gets_its_kinds_page(content: Content, words: str, kind: str, page: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert reply.show is Show.MEDICINE and reply.medicine is not None
    assert (reply.medicine.kind, reply.state.topic) == (kind, page)


def test_kisqali_says_what_it_is_and_not_the_her2_page(content: Content) -> None:
    message = text_message(content, TextNavigator(content).reply(TextState(), "kisqali"))
    assert message.startswith("Kisqali (ribociclib) is a CDK4/6 inhibitor, a targeted drug")
    assert "HER2" not in message and "trastuzumab" not in message


def test_more_after_a_medicine_goes_to_its_kinds_page_of_the_topic(content: Content) -> None:
    texts = TextNavigator(content)
    reply = texts.reply(TextState(), "kisqali")
    more = texts.reply(reply.state, "more")
    pages = content.topic_text("treat-targeted").sms
    assert more.show is Show.PAGE and text_message(content, more).startswith(pages[2])


def test_a_side_effect_asks_the_care_team(content: Content) -> None:
    message = text_message(content, TextNavigator(content).reply(TextState(), "verzenio diarrhea"))
    assert "Ask your care team about side effects." in message and "CDK4/6" in message


@pytest.mark.parametrize(("words", "ask"), [
    ("i'm on anastrozole and my joints hurt", "Ask your care team about side effects."),
    ("letrozole makes my bones ache", "Ask your care team about side effects."),
    ("tomo anastrozol y me duelen las articulaciones",
     "Pregunte a su equipo médico por los efectos secundarios."),
    ("xeloda makes my hands peel", "Ask your care team about side effects."),
    ("tamoxifen gives me hot flashes", "Ask your care team about side effects."),
    ("ibrance side affects", "Ask your care team about side effects."),
    ("la capecitabina me hace daño en las manos", "Pregunte a su equipo médico por los efectos secundarios."),
    ("tamoxifeno efectos", "Pregunte a su equipo médico por los efectos secundarios."),
    ("i feel awful on ibrance", "Ask your care team about side effects."),
])
def test_a_side_effect_in_everyday_words_asks_the_care_team(content: Content, words: str, ask: str) -> None:
    assert ask in text_message(content, TextNavigator(content).reply(TextState(), words))


@pytest.mark.parametrize(("words", "now"), [
    ("xeloda and bleeding", "If this may be an emergency, call 911 now."),
    ("kadcyla shortness of breath", "If this may be an emergency, call 911 now."),
    ("enhertu and i cant breathe", "Very hard breathing"),
    ("enhertu y me falta el aire", "Si respirar se hace muy difícil"),
    ("kadcyla y tos con sangre", "Toser sangre"),
])
def test_an_urgent_side_effect_says_what_to_do_now_first(content: Content, words: str, now: str) -> None:
    message = text_message(content, TextNavigator(content).reply(TextState(), words))
    assert message.startswith(now)


def test_a_generic_name_opens_its_sentence_with_a_capital(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(lang="es"), "qué es el tamoxifeno")
    assert text_message(content, reply).startswith("Tamoxifeno (Soltamox) es una terapia hormonal")


def test_in_spanish_the_spanish_name_is_given(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(lang="es"), "xeloda")
    said = "Xeloda (capecitabina) es un medicamento de quimioterapia."
    assert text_message(content, reply).startswith(said)


@pytest.mark.parametrize("words", ["blorptanib", "what is zandrelimab", "live", "brain", "tired"])
def test_unknown_or_everyday_words_name_no_medicine(content: Content, words: str) -> None:
    assert content.medicines is not None
    assert MedicineFinder(content.medicines).find(words, "en") is None


def test_the_lexicon_has_at_least_40_medicines_each_with_a_source(content: Content) -> None:
    assert content.medicines is not None
    medicines = content.medicines.medicines
    assert len(medicines) >= 40 and all(m.source in content.sources for m in medicines)
    assert {m.kind for m in medicines} == set(content.medicines.classes)
