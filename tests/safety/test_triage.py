"""Urgent signs and frightened people, in their own words (typos too), get the right answer first,
by text and by phone; facts asked about in the same words do not set off the alarm."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core.matching import Matcher
from service.core.wording import topic_parts, without_opening_advice
from service.safety import triage as triage_module
from service.safety.triage import Concern, triage
from service.web.twilio.simulate import TwilioSimulator
from tests.safety.phone import not_read_as, texted, urgent_with_no_sign

URGENT_NOW = "If this may be an emergency, call 911 now. If not, call your care team right away."
CIS = "1-800-422-6237"
ACS = "1-800-227-2345"

# (message, the topic "Reply 1" should open, the emergency sign said first or "" for the general line):
# realistic texts, typos and all.
URGENT = [
    ("my legs are numb and my back hurts", "symptoms-urgent", "spinal-cord"),
    ("i cant feel my legs", "symptoms-urgent", "cord-severe"),
    ("my legs feel weak and wobbly", "symptoms-urgent", "spinal-cord"),
    ("numbness in both legs since this morning", "symptoms-urgent", "spinal-cord"),
    ("I can't breathe", "symptoms-urgent", "breathing"),
    ("cant breth properly", "symptoms-urgent", "breathing"),
    ("trouble breathing tonight", "symptoms-urgent", "breathing"),
    ("chest pain", "symptoms-urgent", "chest-pain"),
    ("my chest hurts really bad", "symptoms-urgent", "chest-pain"),
    ("my mom is having a seizure", "symptoms-brain", "seizure"),
    ("she had a fit", "symptoms-brain", "seizure"),
    ("my wife is siezing", "symptoms-brain", "seizure"),
    ("sudden bad headache and throwing up", "symptoms-brain", ""),
    ("worst headache of my life", "symptoms-brain", ""),
    ("left side of my face is drooping", "symptoms-brain", "stroke"),
    ("my arm went numb on one side", "symptoms-brain", "stroke"),
    ("my mum is confused and not making sense", "symptoms-urgent", "confusion"),
    ("coughing up blood", "symptoms-urgent", "coughing-blood"),
    ("cougjing up blood", "symptoms-urgent", "coughing-blood"),
    ("i fell and my hip might be broken", "symptoms-bones", "fracture"),
    ("I think I broke my wrist", "symptoms-bones", "fracture"),
    ("fever during chemo", "symptoms-urgent", "fever"),
    ("i have a fever of 101", "symptoms-urgent", "fever"),
    ("lost control of my bladder", "symptoms-urgent", "cord-severe"),
    ("cant pee since yesterday", "symptoms-urgent", "cord-severe"),
    ("EMERGENCY", "symptoms-urgent", ""),
    ("emergancy", "symptoms-urgent", ""),
    ("911", "symptoms-urgent", ""),
    ("call an ambulance", "symptoms-urgent", ""),
    ("Im short of breath", "symptoms-urgent", "breathing"),
    ("my arm is swollen and red", "symptoms-urgent", "clot-leg"),
]
DISTRESS = [
    "help me", "I need help", "please help", "talk to someone", "can i talk to a nurse", "nurse",
    "I want to talk to a real person", "just diagnosed",
    "i was just told it spread", "i am scared", "im so scared", "I'm terrified", "i am afriad",
    "i cant cope", "my mom passed away", "is there a helpline",
]
# More people's words, each said first by text and by phone (the topic offered may vary).
MORE_URGENT = [
    "i think i'm having a stroke", "my husband collapsed", "she cant stand up anymore", "blood when i cough",
    "i cant stop throwing up and my head is killing me", "pain in my chest and arm",
    "i'm really struggling to breathe", "he's been fitting for 2 minutes",
    "my temperature is 39 after chemo yesterday", "I peed myself and cant feel my feet", "her legs gave way",
    "i slipped on the stairs and my leg looks wrong", "face drooping", "she doesnt know where she is",
    "can't wake my mom up", "numb from the waist down", "i'm breathless walking to the bathroom",
    "got chills and fever day after infusion", "my back is killing me and my legs are tingling",
    "heavy bleeding", "my chest feels tight and i cant get air",
    "mum has gone really confused since this morning", "i cant swallow and my throat is closing",
    "i coughed up some blood this morning", "sudden weakness in my right arm",
    "i keep vomiting and have the worst headache", "i fell in the shower",
    "my hip hurts after a fall and i cant put weight on it", "running a temp on chemo",
    "cant control my bowels",
    "she is having convulsions", "I cant move my legs", "my dad isnt breathing right",
    "shaking uncontrollably and fever after treatment", "my speech is slurred", "help my wife is unconscious",
]
MORE_DISTRESS = [
    "i dont know what to do", "im so frightened", "we just got the news",
    "i'm not ready to die", "who can i talk to", "i feel so alone", "my sister died of this",
    "can someone call me", "i need to talk", "I'm so worried about what's next",
    "just found out the cancer has spread", "i cant handle this", "i dont want to die",
    "my daughter has cancer and i am lost", "is anybody there", "i want a human", "feeling hopeless",
    "are you ai", "is this a chatbot", "i cant afford chemo", "my pills cost too much",
]
# Facts asked about in the same words: these must get their topic, never the alarm.
BENIGN = [
    "bones", "liver", "chemo", "where does it spread", "side effects of chemo", "what is a seizure",
    "what are the signs of spinal cord compression", "does chemo kill the cancer cells",
    "what happens to the dying cells after radiation", "which symptoms are an emergency",
    "can it cause seizures", "broken bones", "fracture", "headache", "cough", "shortness of breath",
    "spinal cord compression", "high calcium", "brain mets symptoms", "breast cancer",
    "does chemo cause fever", "herceptin", "how is it diagnosed", "what is stage 4",
    "is it serious if i cough",
    "can it spread to the brain", "numbness", "is confusion a symptom", "my bones hurt", "diet",
    "breathless", "out of breath",
    "radiation for brain mets", "treatment for seizures", "weak bones", "what treatment is there",
    "is bone pain normal", "how fast does it spread", "what does stage 4 mean",
    "can radiation help brain mets",
    "does herceptin cause heart problems", "lung nodules", "what are the side effects of radiation",
    "what foods should i eat", "does tamoxifen cause headaches",
    "what is a pleural effusion", "how is liver spread treated", "what causes seizures in cancer",
    "is fatigue a symptom", "what are bone mets", "treatment options for liver mets", "what is herceptin",
    "will hair grow back after chemo", "can exercise help", "what does her2 positive mean",
    "bone strengthening drugs", "can breast cancer spread to the skin", "what is a ct scan",
    "side effects of letrozole", "how are lung mets found", "brain radiation", "fluid around the lungs",
    "is it safe to take tylenol", "can i take aleve with ibrance", "can my mom take her pain pills now",
    "i lost my appetite", "i lost my hair",
    "i cant swallow pills", "i cant see well", "i cant feel my fingertips since chemo",
]


# How long, survival, am I dying: the honest answer (about-outlook), never a treatment topic.
PROGNOSIS = [
    "am i dying", "how long do i have", "is this the end", "how much time does she have",
    "can you live long with bone mets", "whats the survival rate for stage 4", "is it serious",
    "how serious is it", "es grave", "que tan grave es",
]


def first_line(content: Content, sign: str) -> str:
    """What an urgent reply says first: the sign's own sentence (signs.yaml), else the general line."""
    return content.sign(sign).says["en"] if sign else URGENT_NOW


# --- the core ------------------------------------------------------------------------------


@pytest.mark.parametrize("message", [m for m, _, _ in URGENT] + MORE_URGENT)
def test_urgent_words_are_urgent(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.URGENT, message


@pytest.mark.parametrize(("message", "sign"), [(m, s) for m, _, s in URGENT])
def test_each_urgent_message_names_its_sign(message: str, sign: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.sign == sign, message


@pytest.mark.parametrize(("message", "lang", "limb"), [
    ("my arm is swollen and red", "en", "arm"), ("mi brazo está hinchado y rojo", "es", "brazo"),
])
def test_a_swollen_arm_is_told_about_its_arm_not_a_leg_or_the_belly(
        content: Content, message: str, lang: str, limb: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.sign == "clot-leg"
    assert limb in content.sign("clot-leg").says[lang].split(",")[0]


@pytest.mark.parametrize(("message", "told"), [
    ("cant keep food down", "call your care team right away"),
    ("throwing up all day cant keep anything down", "call your care team right away"),
    ("my mom keeps throwing up", "call your care team right away"),
    ("she can't keep her meds down", "call your care team right away"),
    ("vomiting and cant stop", "call your care team right away"),
    ("no para de vomitar", "llame de inmediato a su equipo médico"),
    ("no puedo retener nada", "llame de inmediato a su equipo médico"),
])
def test_vomiting_that_goes_on_gets_the_care_team_now_not_another_sign(
        twilio: TwilioSimulator, message: str, told: str) -> None:
    """Nothing staying down had been told about the bladder and the spinal cord (the model's guess)."""
    first = urgent_with_no_sign(twilio, message)
    assert told in first
    assert "bladder" not in first and "orina" not in first


@pytest.mark.parametrize("message", [
    "me duele mucho la cabeza y vomito", "vomito y me duele la cabeza", "me duele muchísimo la cabeza",
    "me duele la cabeza muy fuerte", "le duele la cabeza horrible",
])
def test_a_bad_headache_in_spanish_says_what_to_do_now_then_offers_brain_symptoms(
        twilio: TwilioSimulator, message: str) -> None:
    """It had got the brain page alone, where the same words in English get what to do now first."""
    first = texted(twilio, message)
    assert first.startswith("Si puede ser una emergencia, llame al 911 ahora.")
    assert first.endswith("Responda 1 para Sintomas: cerebro.")


@pytest.mark.parametrize("message", ["does chemo make you throw up", "i threw up once after chemo", "nausea"])
def test_a_question_about_vomiting_gets_no_alarm(message: str) -> None:
    assert triage(message) is None


@pytest.mark.parametrize("message", ["😢", "😭😭😭", "ok 😞", "💔"])
def test_tears_or_a_broken_heart_get_a_person_not_the_menu(twilio: TwilioSimulator, message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.DISTRESS
    first = texted(twilio, message)
    assert first.startswith("You are not alone.") and "1-800-227-2345" in first


@pytest.mark.parametrize("message", [
    "❤️", "👍", "thank you ❤️", "what are the side effects of chemo 😢 i start monday",
])
def test_other_emoji_or_a_question_with_tears_are_read_as_words(message: str) -> None:
    assert triage(message) is None


@pytest.mark.parametrize("message", PROGNOSIS)
def test_questions_of_how_long_are_prognosis(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.PROGNOSIS, message


@pytest.mark.parametrize("message", DISTRESS + MORE_DISTRESS)
def test_distress_words_ask_for_a_person(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.DISTRESS, message


@pytest.mark.parametrize("message", [*BENIGN, "help", "HELP", "menu", "more", ""])
def test_questions_about_facts_are_not_triaged(message: str) -> None:
    assert triage(message) is None


def test_triage_wins_over_a_keyword_that_matches(content: Content, twilio: TwilioSimulator) -> None:
    words = "my legs are numb and my back hurts"
    assert Matcher(content, "en").match(words) == "symptoms-bones", "the keyword alone finds bone pain"
    assert texted(twilio, words).startswith(first_line(content, "spinal-cord"))


# --- by text -------------------------------------------------------------------------------


@pytest.mark.parametrize(("message", "topic", "sign"), URGENT)
def test_an_urgent_text_says_what_to_do_now_then_offers_its_topic(
    twilio: TwilioSimulator, content: Content, message: str, topic: str, sign: str
) -> None:
    first = texted(twilio, message)
    assert first.startswith(first_line(content, sign)) and "911" in first
    assert f"Reply 1 for {content.title(topic)}" in first
    then = texted(twilio, "1")
    assert any(then.startswith(page) for page in content.topics[topic].texts["en"].sms)


@pytest.mark.parametrize("message", MORE_URGENT)
def test_more_urgent_texts_and_words_said_hear_what_to_do_now_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    finding = triage(message)
    assert finding is not None
    said_first = first_line(content, finding.sign)
    first = texted(twilio, message)
    assert first.startswith(said_first) and "911" in said_first and "Reply 1 for " in first
    twilio.dial()
    assert twilio.speak(message).says[0] == said_first


@pytest.mark.parametrize("message", DISTRESS + MORE_DISTRESS)
def test_a_frightened_text_gets_a_person_not_sorry(twilio: TwilioSimulator, message: str) -> None:
    answer = texted(twilio, message)
    assert "Sorry" not in answer and "care team" in answer
    assert CIS in answer and ACS in answer and "911" in answer


@pytest.mark.parametrize("message", BENIGN)
def test_a_question_about_facts_gets_no_alarm(twilio: TwilioSimulator, message: str) -> None:
    answer = texted(twilio, message)
    assert not answer.startswith(URGENT_NOW) and "Reply 1 for" not in answer
    assert not answer.startswith("You are not alone")


def test_help_alone_is_still_the_carrier_help_reply(twilio: TwilioSimulator, content: Content) -> None:
    for body in ("HELP", "help"):
        answer = texted(twilio, body)
        assert content.prompt("line_name") in answer and "STOP" in answer


def test_the_operators_helpline_is_named_when_set(make_app) -> None:
    phone = TwilioSimulator(make_app(helpline_phone="+18005550100"))
    assert "1-800-555-0100" in texted(phone, "i am scared")
    unmatched = texted(phone, "asdfghjkl")
    assert "our helpline, 1-800-555-0100." in unmatched and "911" in unmatched and "988" in unmatched


def test_a_distress_text_that_names_a_topic_offers_it(twilio: TwilioSimulator, content: Content) -> None:
    answer = texted(twilio, "im scared it spread to my liver")
    assert CIS in answer and f"Reply 1 for {content.title('spread-liver')}" in answer
    assert any(texted(twilio, "1").startswith(p) for p in content.topics["spread-liver"].texts["en"].sms)


def test_the_offer_lasts_one_reply(twilio: TwilioSimulator, content: Content) -> None:
    texted(twilio, "chest pain")
    texted(twilio, "menu")
    assert texted(twilio, "3").startswith(content.menus["spread"].texts["en"].intro)


@pytest.mark.parametrize(("sign", "after"), [
    ("chest pain", "its gone now"), ("chest pain", "should i still go"),
    ("she had a seizure", "she is ok now"), ("me duele mucho el pecho", "ya se le pasó"),
])
def test_a_sign_that_has_passed_still_hears_what_to_do_now(
    twilio: TwilioSimulator, sign: str, after: str
) -> None:
    """"its gone now" after chest pain had got "We did not find that": a sign that went away is still
    for the care team, and 911 if it may be an emergency."""
    texted(twilio, sign)
    answer = texted(twilio, after)
    assert "911" in answer.split(". ")[0] and ("care team" in answer or "equipo" in answer), answer


def test_its_gone_now_with_no_sign_before_it_is_no_emergency(twilio: TwilioSimulator) -> None:
    assert not texted(twilio, "its gone now").startswith(URGENT_NOW)


@pytest.mark.parametrize("body", ["asdfghjkl", "purple elephant", "qwzx vvv"])
def test_a_text_the_line_cannot_match_ends_with_how_to_reach_a_person(
    twilio: TwilioSimulator, body: str
) -> None:
    answer = texted(twilio, body)
    assert not answer.startswith("Sorry") and "Reply with a number" in answer
    ending = f"To talk with someone: your care team or {ACS}. Emergency: 911. Suicide or crisis: 988."
    assert answer.endswith(ending)


@pytest.mark.parametrize("body", [
    "zorblatinib", "florbotamab", "what about the pill xeltora", "can i take tylenol",
    "how much advil can i take",
])
def test_an_unknown_medicine_gets_the_medicines_menu_and_the_care_team(
    twilio: TwilioSimulator, content: Content, body: str
) -> None:
    answer = texted(twilio, body)
    assert "care team" in answer and not answer.startswith("Sorry")
    first = content.menus["medicines"].options[0].target
    assert f"1 {content.title(first)}" in answer


def test_a_keyword_on_a_later_page_is_answered_with_that_page_then_more_sends_the_rest(
    twilio: TwilioSimulator, content: Content
) -> None:
    pages = content.topics["treat-hormone"].texts["en"].sms
    holding = next(i for i, page in enumerate(pages) if "aromatase inhibitors" in page.lower())
    assert holding > 0, "the test needs aromatase inhibitors past the first page"
    first = texted(twilio, "aromatase inhibitors")  # a medicine's own name gets its kind's page first
    assert first.startswith(pages[holding]) and "MORE" in first
    rest = [texted(twilio, "more") for _ in range(len(pages) - 1)]
    assert [next(p for p in pages if m.startswith(p)) for m in rest] == [
        p for i, p in enumerate(pages) if i != holding
    ]
    assert "MENU" in rest[-1] and "MORE" not in rest[-1]
    assert "end of this topic" in texted(twilio, "more")


# --- by phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "topic", "sign"), URGENT)
@pytest.mark.parametrize("menu_keys", [(), ("3",)])
def test_urgent_words_said_at_any_menu_are_answered_first_with_what_to_do_now(
    twilio: TwilioSimulator, content: Content, words: str, topic: str, sign: str, menu_keys: tuple[str, ...]
) -> None:
    twilio.dial()
    for key in menu_keys:
        twilio.press(key)
    heard = twilio.speak(words)
    assert heard.says[0] == first_line(content, sign)
    assert heard.says[1] == without_opening_advice(topic_parts(content, topic, "en")[0])
    assert not heard.says[1].startswith("If this may be an emergency"), "the safety line is said once"


@pytest.mark.parametrize("words", DISTRESS)
def test_frightened_words_said_get_a_person_first(
    twilio: TwilioSimulator, content: Content, words: str
) -> None:
    """Then the topic the words ask about ("how long do I have"), or else the same menu again."""
    twilio.dial()
    menu = twilio.press("2")
    heard = twilio.speak(words)
    assert not heard.says[0].startswith("Sorry")
    assert CIS in heard.says[0] and ACS in heard.says[0] and "care team" in heard.says[0]
    asked = Matcher(content, "en").match(words)
    if asked in content.topics and asked != Matcher(content, "en").match("talk to someone"):
        assert heard.says[1] == topic_parts(content, asked, "en")[0]
    else:
        offered = [s for s in heard.says if s.startswith("For ")]
        assert offered == [s for s in menu.says if s.startswith("For ")]


def test_help_said_on_a_call_is_a_person_asking_for_help(twilio: TwilioSimulator) -> None:
    twilio.dial()
    heard = twilio.speak("Help.")
    assert CIS in heard.says[0] and ACS in heard.says[0]


@pytest.mark.parametrize("words", ["liver", "bones", "chemo", "what is a seizure", "where does it spread"])
def test_topic_words_said_get_no_alarm(twilio: TwilioSimulator, words: str) -> None:
    twilio.dial()
    heard = twilio.speak(words)
    assert URGENT_NOW not in heard.says and CIS not in heard.text


def test_the_helpline_is_said_after_the_distress_prompt_when_set(make_app) -> None:
    phone = TwilioSimulator(make_app(helpline_phone="+18005550100"))
    phone.dial()
    heard = phone.speak("I'm scared")
    assert "our helpline at 1-800-555-0100" in heard.says[1]


def test_words_the_line_cannot_match_say_how_to_reach_a_person(twilio: TwilioSimulator) -> None:
    twilio.dial()
    heard = twilio.speak("purple elephant umbrella")
    assert heard.says[0].startswith("Sorry") and "talk to a person" in heard.says[0]


@pytest.mark.parametrize(("words", "lang"), [
    ("my breast is red and swollen", "en"), ("her breast is hot and red", "en"),
    ("tengo el seno rojo e hinchado", "es"), ("mi seno está rojo y caliente", "es"),
])
def test_a_red_or_swollen_breast_gets_the_care_team_now_with_no_other_places_sign(
    twilio: TwilioSimulator, words: str, lang: str
) -> None:
    """The model had read "her breast is hot and red" as hard breathing, and a Spanish one as nothing."""
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.URGENT and finding.sign == "", finding
    first = twilio.text(words).messages[0]
    assert first.startswith(("If this may be an emergency, call 911 now.", "Si puede ser una emergencia")), \
        first


@pytest.mark.parametrize("words", ["i dont have a fever", "she doesnt have any chills", "no tengo fiebre"])
def test_a_fever_said_not_to_be_there_is_no_sign(words: str) -> None:
    assert triage(words) is None


@pytest.mark.parametrize("words", ["i dont have anyone to talk to", "no tengo con quien hablar"])
def test_having_no_one_to_talk_to_gets_a_person(words: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding


@pytest.mark.parametrize(("words", "sign"), [
    ("no puede despertar", "confusion"), ("mi mamá no está respondiendo", "confusion"),
    ("le está dando un ataque", "seizure"),
])
def test_spanish_words_of_someone_who_will_not_wake_or_is_seizing_get_911(words: str, sign: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.URGENT and finding.sign == sign, finding


@pytest.mark.parametrize("words", ["no está respondiendo al tratamiento", "le está dando un ataque de pánico",
                                   "no puede despertar temprano para ir al trabajo"])
def test_spanish_words_of_treatment_panic_or_mornings_are_no_such_sign(words: str) -> None:
    not_read_as(words, Concern.URGENT)


@pytest.mark.parametrize(("words", "sign"), [
    ("she went limp", "confusion"), ("she is seeing things that arent there", "confusion"),
    ("my words are coming out wrong", "stroke"), ("my poop is black", ""),
    ("my heart feels like its going to explode", ""),
])
def test_more_ways_of_telling_an_emergency_get_what_to_do_now(words: str, sign: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.URGENT and finding.sign == sign, finding


@pytest.mark.parametrize("words", ["i keep seeing things wrong in the report",
                                   "is seeing things a side effect"])
def test_seeing_things_in_a_report_or_a_question_is_no_confusion(words: str) -> None:
    finding = triage(words)
    assert finding is None or finding.sign != "confusion", finding


@pytest.mark.parametrize("words", ["i feel guilty", "im a mess", "my family doesnt get it",
                                   "me siento culpable"])
def test_guilt_and_not_being_understood_get_a_person(words: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding


@pytest.mark.parametrize("words", ["is she going to make it to the bathroom", "my room is a mess",
                                   "they dont understand the question"])
def test_everyday_words_like_them_are_neither_distress_nor_how_long(words: str) -> None:
    assert triage(words) is None


@pytest.mark.parametrize("words", ["should i take her to the er", "should we call 911",
                                   "is this an emergency", "la llevo al hospital", "¿llamo al 911?"])
def test_asking_whether_to_go_to_the_er_gets_what_to_do_now_first(
        twilio: TwilioSimulator, words: str) -> None:
    """"should i take her to the er", after a fever on chemo, had got "We did not find that"."""
    first = twilio.text(words).messages[0]
    assert first.startswith(("If this may be an emergency, call 911 now.", "Si puede ser una emergencia")), \
        first


@pytest.mark.parametrize("words", ["should i go to the hospital for my appointment tomorrow",
                                   "can we go to the hospital cafeteria"])
def test_a_planned_visit_to_the_hospital_is_no_emergency(words: str) -> None:
    assert triage(words) is None


@pytest.mark.parametrize("words", ["i called them and they didnt answer", "no contestan", "nadie contesta"])
def test_a_care_team_that_does_not_answer_gets_other_people_to_call(
        twilio: TwilioSimulator, words: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding
    assert "1-800-227-2345" in texted(twilio, words)


@pytest.mark.parametrize("words", ["no chest pain", "she is not confused", "i am not bleeding",
                                   "she isnt having seizures anymore", "no fever or chills",
                                   "ella no tiene convulsiones", "mi mamá no está sangrando"])
def test_a_sign_said_not_to_be_there_is_no_emergency(words: str) -> None:
    """"she is not confused" had got "Sudden confusion ... needs help now: call 911"."""
    assert triage(words) is None


@pytest.mark.parametrize(("words", "sign"), [
    ("no, she is confused", "confusion"), ("no she has chest pain", "chest-pain"),
    ("no, está sangrando", "bleeding"), ("no tiene convulsiones", "seizure"),
    ("she is not having a seizure she is having chest pain", "chest-pain"),
    ("no fever but she has chest pain", "chest-pain"), ("she is not breathing", "breathing"),
    ("she hasnt stopped bleeding", "bleeding"), ("the bleeding has not stopped", "bleeding"),
])
def test_a_no_that_answers_or_denies_another_sign_still_gets_what_to_do_now(words: str, sign: str) -> None:
    """A first "no" may answer ("no, está sangrando", its comma lost): it denies only a sign right after."""
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.URGENT and finding.sign == sign, finding


@pytest.mark.parametrize("words", ["my cancer progressed", "the scan showed new spots",
                                   "they found more tumors", "el cáncer avanzó", "encontraron más tumores"])
def test_bad_news_told_gets_a_person_to_talk_to(twilio: TwilioSimulator, words: str) -> None:
    """"my cancer progressed" had got "We did not find that"."""
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding
    assert "1-800-227-2345" in texted(twilio, words)


def test_a_short_message_read_again_gets_the_same_finding_and_the_kept_ones_stay_bounded() -> None:
    """Findings of short messages are kept (most texts repeat), so they must not grow without end."""
    first = triage("i want to die")
    assert first is not None and first.concern is Concern.CRISIS and triage("i want to die") == first
    for n in range(triage_module.KEPT_FINDINGS + 200):
        triage(f"blue sky number {n}")
    assert triage_module._kept_finding.cache_info().currsize <= triage_module.KEPT_FINDINGS
    long_message = "i want to die " + "and so on " * 30  # longer than the kept ones: read each time
    assert len(long_message) > triage_module.KEPT_MESSAGE_CHARS
    found = triage(long_message)
    assert found is not None and found.concern is Concern.CRISIS
