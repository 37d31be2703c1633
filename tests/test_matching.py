"""Keyword matching against the real content's keywords."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core import matching
from service.core.matching import Matcher
from service.core.texts import TextNavigator, TextState
from service.words.fold import normalize


@pytest.fixture(scope="module")
def matcher(content: Content) -> Matcher:
    return Matcher(content, "en")


@pytest.mark.parametrize(
    ("message", "node"),
    [
        ("brian", "spread-brain"),
        ("brain mets", "spread-brain"),
        ("livr", "spread-liver"),
        ("liver", "spread-liver"),
        ("lung", "spread-lungs"),
        ("bone mets", "spread-bones"),
        ("my bones hurt", "symptoms-bones"),
        ("herceptin", "treat-targeted"),
        ("hercepton", "treat-targeted"),
        ("chemo", "treat-chemo"),
        ("xgeva", "treat-bone"),
        ("treatment", "medicines"),
        ("symptoms", "symptoms"),
        ("what are the symptoms of brain mets", "symptoms-brain"),
        ("signs of liver mets", "symptoms-liver"),
        ("how long will I live", "about-outlook"),
        ("I'm in pain", "symptoms"),
        ("911", "symptoms-urgent"),
        ("lugns", "spread-lungs"),
        ("she hasnt pooped in a week", "symptoms-bones"),  # constipation, a sign of high calcium there
        ("she forgets everything", "symptoms-general"),  # no page says memory: the care team's to hear
        ("her feet are swollen", "symptoms-general"),
        ("can it go into remission", "choosing-treatment"),  # no cure yet, what treatment aims at
        ("what is NED", "choosing-treatment"),
        ("how would i know if it spread", "symptoms"),  # had found where it spreads
        ("what are the first signs of metastasis", "symptoms"),
    ],
)
def test_messages_find_their_node(matcher: Matcher, message: str, node: str) -> None:
    assert matcher.match(message) == node


@pytest.mark.parametrize(("message", "lang", "node"), [
    ("i have a question about chemo", "en", "treat-chemo"),
    ("question about my liver", "en", "spread-liver"),
    ("I have a question about my medicine", "en", "medicines"),
    ("i have questions", "en", "choosing-questions"),
    ("what questions should i ask", "en", "choosing-questions"),
    ("tengo una pregunta sobre la quimio", "es", "treat-chemo"),
    ("preguntas para el doctor", "es", "choosing-questions"),
    ("cuáles son los síntomas de que se extendió", "es", "symptoms"),
    ("cómo sé si se regó", "es", "symptoms"),
])
def test_a_question_about_a_topic_finds_the_topic_not_the_questions_page(
    content: Content, message: str, lang: str, node: str
) -> None:
    assert Matcher(content, lang).match(message) == node


@pytest.mark.parametrize("message", ["se le olvidan las cosas", "se me olvida todo",
                                     "tiene los pies hinchados"])
def test_spanish_memory_or_swollen_feet_find_general_symptoms(content: Content, message: str) -> None:
    """"se le olvidan las cosas" had got "No encontramos eso"; no page says memory: the care team hears it."""
    assert Matcher(content, "es").match(message) == "symptoms-general"


@pytest.mark.parametrize(("message", "lang"), [
    ("what is hospice", "en"), ("what is palliative care", "en"), ("que es hospicio", "es"),
    ("que son los cuidados paliativos", "es"), ("what should i say to my mom", "en"),
    ("my daughter doesnt want to talk about it", "en"), ("que le digo a mis hijos", "es"),
    ("does insurance cover this", "en"),
])
def test_hospice_family_talk_or_insurance_with_no_page_of_its_own_finds_the_care_team_and_helplines(
    content: Content, message: str, lang: str
) -> None:
    """They had got "We did not find that"; the sources have no page on them, people do."""
    assert Matcher(content, lang).match(message) == "support-talk"


@pytest.mark.parametrize(("message", "node"), [
    ("my mother has breast cancer in her liver", "spread-liver"),
    ("she has breast cancer in her lungs", "spread-lungs"), ("breast cancer in the brain", "spread-brain"),
    ("metastatic breast cancer in the liver", "spread-liver"),
    ("stage 4 breast cancer in bones", "spread-bones"),
    ("where does metastatic breast cancer spread", "spread"),
    ("what is metastatic breast cancer", "about-metastatic"), ("stage 4", "about-metastatic"),
    ("breast cancer", "about-metastatic"),
    ("my mother was diagnosed 3 years ago and now they say it has spread to her liver", "spread-liver"),
    ("how do they know it spread", "about-diagnosis"),
    ("i have a lump in my armpit", "spread-lymph-nodes"),  # not any lump's recurrence page
    ("he refuses to eat", "symptoms-general"),  # not the page on eating well to lower risk
    ("cancer in her hip", "spread-bones"), ("it spread to her skull", "spread-bones"),
])
def test_the_place_or_subject_beside_breast_cancer_chooses_the_topic(
    matcher: Matcher, message: str, node: str
) -> None:
    assert matcher.match(message) == node


@pytest.mark.parametrize(("message", "lang"), [
    ("how is metastatic breast cancer treated", "en"), ("treatment for stage 4", "en"),
    ("como se trata el cancer de mama metastasico", "es"),
])
def test_how_it_is_treated_finds_the_treatments_not_what_metastatic_means(
    content: Content, message: str, lang: str
) -> None:
    assert Matcher(content, lang).match(message) == "medicines"


@pytest.mark.parametrize(("message", "lang"), [
    ("when should i go to the er", "en"), ("should i go to the hospital", "en"),
    ("cuando debo ir al hospital", "es"),
])
def test_when_to_go_to_the_er_finds_when_to_get_help(content: Content, message: str, lang: str) -> None:
    assert Matcher(content, lang).match(message) == "symptoms-urgent"


def test_er_said_as_a_hesitation_is_no_keyword(matcher: Matcher) -> None:
    assert matcher.match("er what is chemo") == "treat-chemo"


@pytest.mark.parametrize(("message", "lang"), [
    ("pills", "en"), ("her meds", "en"), ("the pills she takes", "en"), ("pastillas", "es"),
    ("las pastillas que toma", "es"),
])
def test_pills_or_meds_find_the_medicines_menu_not_an_unknown_medicine(
    content: Content, message: str, lang: str
) -> None:
    """They had got "We have no page on that medicine": they name no one medicine, but all of them."""
    assert Matcher(content, lang).match(message) == "medicines"


@pytest.mark.parametrize(("message", "node"), [
    ("lnug", "spread-lungs"), ("lnugs", "spread-lungs"), ("bnes", "spread-bones"),
    ("ndoes", "spread-lymph-nodes"), ("pian", "symptoms"),
])
def test_two_letters_swapped_or_one_left_out_of_a_short_word_find_its_topic(
    matcher: Matcher, message: str, node: str,
) -> None:
    assert matcher.match(message) == node


@pytest.mark.parametrize(("message", "node"), [
    ("lvr", "spread-liver"), ("lngs", "spread-lungs"), ("bns", "spread-bones"),
    ("mets to lngs", "spread-lungs"), ("chm", "treat-chemo"),
])
def test_a_word_written_without_its_vowels_finds_its_topic(matcher: Matcher, message: str, node: str) -> None:
    assert matcher.match(message) == node


@pytest.mark.parametrize(("message", "lang", "node"), [
    ("ever", "en", None), ("evista", "es", None), ("hcemo", "en", "treat-chemo"),
    ("obnes", "en", "spread-bones"),
    ("adiation", "en", "treat-radiation"), ("bomito", "es", "symptoms-general"),
])
def test_a_short_word_that_starts_otherwise_is_no_slip_unless_it_sounds_or_swaps_alike(
    content: Content, message: str, lang: str, node: str | None
) -> None:
    """"ever" had found the liver (by "lever"), "evista" (a drug) brain symptoms (by "vista")."""
    assert Matcher(content, lang).match(message) == node


def test_consonants_that_could_be_two_words_of_different_topics_are_not_guessed(matcher: Matcher) -> None:
    assert matcher.match("aches") == "symptoms" and matcher.match("chs") is None  # aches, or choose


@pytest.mark.parametrize("message", ["train", "drain", "the river", "lover", "ones", "gone", "tone", "pin",
                                     "long", "gain"])
def test_everyday_words_are_not_read_as_typos_of_keywords(matcher: Matcher, message: str) -> None:
    assert matcher.match(message) is None


@pytest.mark.parametrize("message", ["", "😀", "zzzz qqqq", "the and of", "ok"])
def test_nonsense_finds_nothing(matcher: Matcher, message: str) -> None:
    assert matcher.match(message) is None


def test_normalize_drops_markup_accents_and_nul() -> None:
    assert normalize("Líver\x00 <b>mets</b>!") == "liver b mets b"


def test_a_message_answers_the_same_the_second_time_as_the_first(content: Content) -> None:
    """Kept answers (every keyword, and recent other wordings) are the fuzzy search's own."""
    fresh = Matcher(content, "en")
    messages = [k for node in content.topics for k in content.text(node, "en").keywords[:4]]
    messages += ["my bones hurt", "lugns", "I have a headache that wont go away", "xyzzy"]
    first = [fresh.match(m) for m in messages]
    assert [fresh.match(m) for m in messages] == first
    assert first == [Matcher(content, "en").match(m) for m in messages]


def test_kept_answers_to_other_wordings_are_bounded(content: Content,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "RECENT_ANSWERS", 5)
    fresh = Matcher(content, "en")
    for number in range(20):
        fresh.match(f"where does it go {number} times")
    assert len(fresh._recent) <= 5
    assert fresh.match("lugns") == "spread-lungs"


def test_everyday_spanish_words_are_not_read_as_typos_of_spanish_keywords(content: Content) -> None:
    spanish = Matcher(content, "es")
    assert spanish.match("lento") is None  # one letter from a keyword word, but an everyday word
    assert spanish.match("uesos") == "spread-bones"  # a typo that is no word still finds its topic
    assert spanish.match("igado") == spanish.match("hígado")


@pytest.mark.parametrize(
    ("word", "words", "near"),
    [
        ("mira", {"mira", "otra"}, True),  # the word itself
        ("msira", {"mira"}, True),  # one letter in 5 off: exactly 0.8, which counts
        ("lympx", {"lymph"}, True),
        ("boone", {"bones"}, True),  # a typo of the plural's stem
        ("tumor", {"liver", "lungs"}, False),
        ("bon", {"bone"}, False),  # short words match only exactly
    ],
)
def test_a_word_set_finds_a_word_its_typo_or_plural(word: str, words: set[str], near: bool) -> None:
    assert matching.WordSet(words).near(word, 0.8) is near


def test_a_word_set_agrees_with_typo_similarity_on_every_page(content: Content) -> None:
    texts = [content.topic_text(topic, "en") for topic in content.topics]
    pages = [normalize(page).split() for text in texts for page in text.sms]
    vocabulary = sorted({word for page in pages for word in page})
    dropped_letter = [word[:i] + word[i + 1:] for word in vocabulary[::7] for i in (1, len(word) // 2)]
    probes = dropped_letter + vocabulary[::5]
    for page in pages[::3]:
        found = matching.WordSet(page)
        for probe in probes:
            expected = probe in page or any(matching.typo_similarity(probe, w) >= 0.8 for w in page)
            assert found.near(probe, 0.8) is expected, (probe, page)


@pytest.mark.parametrize(("message", "node"), [
    ("se extendió a los huesos", "spread-bones"), ("se extiende a los huesos", "spread-bones"),
    ("se ha extendido al higado", "spread-liver"), ("se propaga al pulmon", "spread-lungs"),
    ("a dónde se puede extender el cancer de seno", "spread"), ("a donde se riega el cancer", "spread"),
    ("se extiende", "spread"),
])
def test_spanish_words_of_spreading_find_the_place_named_else_where_it_spreads(
    content: Content, message: str, node: str
) -> None:
    assert Matcher(content, "es").match(message) == node


@pytest.mark.parametrize("message", [
    "i have a lump under my arm", "lump under her arm", "bolita debajo del brazo",
])
def test_a_lump_under_the_arm_finds_the_lymph_nodes(content: Content, message: str) -> None:
    lang = "es" if "brazo" in message else "en"
    assert Matcher(content, lang).match(message) == "spread-lymph-nodes"


@pytest.mark.parametrize(("message", "lang", "node"), [
    ("mi mama tiene cancer de seno en los pulmones q hago", "es", "spread-lungs"),
    ("cancer de seno en los huesos", "es", "spread-bones"), ("cancer de mama", "es", "about-metastatic"),
    ("cancer de mama metastasico", "es", "about-metastatic"),
    ("que significa metastasis", "es", "about-metastatic"),
    ("metastasis de mama", "es", "spread"), ("metastasis", "en", "spread"),
])
def test_the_subject_in_spanish_lets_the_place_choose(
    content: Content, message: str, lang: str, node: str
) -> None:
    assert Matcher(content, lang).match(message) == node


@pytest.mark.parametrize(("message", "lang", "node"), [
    ("i feel very weak", "en", "symptoms-general"), ("me siento muy débil", "es", "symptoms-general"),
    ("no tengo fuerzas", "es", "symptoms-general"),
    ("que le pregunto a mi doctor", "es", "choosing-questions"),
])
def test_feeling_weak_and_what_to_ask_the_doctor_find_their_topics(
    content: Content, message: str, lang: str, node: str
) -> None:
    assert Matcher(content, lang).match(message) == node


@pytest.mark.parametrize(("message", "topic", "page"), [
    ("how do they treat brain mets", "spread-brain", 3), ("treatment for lung mets", "spread-lungs", 2),
    ("whats the treatment for bone mets", "treat-bone", 0),
    ("tratamiento de metastasis en el higado", "spread-liver", 2),
    ("how is liver mets treated", "spread-liver", 2), ("how are lung mets treated", "spread-lungs", 2),
    ("como tratan la metastasis en el cerebro", "spread-brain", 3),
])
def test_asking_how_a_place_is_treated_gets_the_page_on_treating_it(
    content: Content, message: str, topic: str, page: int
) -> None:
    reply = TextNavigator(content).reply(TextState(), message)
    assert (reply.state.topic, reply.state.page) == (topic, page), message


def test_asking_how_it_is_treated_gets_the_treatment_menu(content: Content) -> None:
    assert TextNavigator(content).reply(TextState(), "how do they treat it").state.menu == "medicines"


@pytest.mark.parametrize(("message", "lang", "topic"), [
    ("i have a lump in my breast", "en", "about-recurrence"), ("i have a lump", "en", "about-recurrence"),
    ("bump on my chest near my scar", "en", "about-recurrence"),
    ("tengo una bolita en el seno", "es", "about-recurrence"),
    ("me salió un bulto en el pecho", "es", "about-recurrence"),
    ("tengo una bolita en el cuello", "es", "spread-lymph-nodes"),
    ("lump under my arm", "en", "spread-lymph-nodes"),
    ("me sacaron líquido del pulmón", "es", "treat-lung-fluid"),
    ("tengo diarrea por la quimio", "es", "symptoms-general"), ("i have diarrhea", "en", "symptoms-general"),
    ("i have a rash on my chest", "en", "symptoms-general"),
])
def test_a_lump_a_rash_or_a_drained_lung_finds_its_topic(
    content: Content, message: str, lang: str, topic: str
) -> None:
    """A lump had found the symptoms of the place it was on (the lungs for the chest, bones for the neck)."""
    reply = TextNavigator(content).reply(TextState(lang=lang), message)
    assert reply.state.topic == topic, message


@pytest.mark.parametrize(("said", "topic"), [
    ("lever", "spread-liver"), ("kimo therapy", "treat-chemo"), ("bone meds", "treat-bone"),
    ("side affects", "symptoms-general"),
])
def test_words_as_a_phone_hears_or_people_spell_them_find_their_topic(
    content: Content, said: str, topic: str
) -> None:
    assert Matcher(content, "en").match(said) == topic


@pytest.mark.parametrize(("message", "lang"), [
    ("is mbc curable", "en"), ("is it treatable", "en"), ("se puede tratar", "es"), ("es curable", "es"),
])
def test_asking_if_it_can_be_cured_or_treated_gets_the_aims_of_treatment(
    content: Content, message: str, lang: str
) -> None:
    """"is mbc curable" had got What metastatic means, without a word about a cure."""
    assert TextNavigator(content).reply(TextState(lang=lang), message).state.topic == "choosing-treatment"


def test_asking_in_spanish_what_effects_a_treatment_has_finds_general_symptoms(content: Content) -> None:
    assert Matcher(content, "es").match("¿qué efectos tiene?") == "symptoms-general"


def test_a_misspelt_liver_with_pain_finds_the_liver_symptoms(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(lang="es"), "me duele el igado")
    assert reply.state.topic == "symptoms-liver"


@pytest.mark.parametrize(("message", "lang"), [
    ("can they do surgery if it spread", "en"), ("can they operate if it has spread", "en"),
    ("can they remove the tumor", "en"), ("se puede operar si se extendió", "es"),
    ("pueden quitar el tumor", "es"),
])
def test_asking_about_surgery_once_it_spread_gets_surgerys_first_page(
    content: Content, message: str, lang: str
) -> None:
    """"can they do surgery if it spread" had got How it is found (its "how do they know it spread")."""
    reply = TextNavigator(content).reply(TextState(lang=lang), message)
    assert (reply.state.topic, reply.state.page) == ("treat-surgery", 0), message


@pytest.mark.parametrize("message", ["what did the doctor say", "say it again", "can you say that slower"])
def test_the_word_say_alone_does_not_find_talk_to_someone(matcher: Matcher, message: str) -> None:
    assert matcher.match(message) != "support-talk"


def test_not_knowing_what_to_say_to_someone_finds_talk_to_someone(matcher: Matcher) -> None:
    assert matcher.match("i dont know what to say to my mom") == "support-talk"


def test_a_spanish_everyday_word_is_no_typo_of_an_english_keyword(content: Content) -> None:
    """"lento" (slow) in a Spanish text had found Leptomeningeal spread through the English keywords."""
    reply = TextNavigator(content).reply(TextState(lang="es"), "lento")
    assert reply.state.topic != "spread-leptomeningeal"


@pytest.mark.parametrize(("message", "lang"), [
    ("her cancer is er positive her2 negative", "en"), ("es er positivo her2 negativo", "es"),
])
def test_her2_negative_with_hormone_receptors_finds_hormone_therapy_not_her2_drugs(
    content: Content, message: str, lang: str
) -> None:
    """It had found Targeted therapy, whose first page is about HER2-positive cancer."""
    assert Matcher(content, lang).match(message) == "treat-hormone"


@pytest.mark.parametrize(("message", "topic"), [
    ("esta amarilla", "symptoms-liver"), ("se puso amarillo", "symptoms-liver"),
    ("tiene la boca llena de llagas", "symptoms-general"),
])
def test_spanish_words_of_yellow_skin_and_mouth_sores_find_their_symptoms(
    content: Content, message: str, topic: str
) -> None:
    assert Matcher(content, "es").match(message) == topic
