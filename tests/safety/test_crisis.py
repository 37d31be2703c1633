"""A person in crisis hears the Suicide and Crisis Lifeline first, by text and by phone, in English and
Spanish; questions of how long get an honest answer; what the line cannot match still names 911.

The wording here is not in the corpus (service/safety/corpus.tsv): it was written for these tests.
"""

from __future__ import annotations

import pytest
from flask import Flask

from service.config import DEFAULT_CRISIS_LINE_PHONE
from service.content import Content
from service.content.prompts import Prompt
from service.core.calls import CallNavigator, Offers
from service.core.gsm import to_gsm
from service.core.wording import topic_parts, turn_lines
from service.safety.triage import Concern, triage
from service.web.twilio.simulate import TwilioSimulator
from tests.conftest import AppFactory
from tests.safety.phone import not_read_as, texted

CRISIS_EN = "Please call or text 988, the Suicide and Crisis Lifeline; call 911 if you are in danger now."
CRISIS_ES = "Llame al 988 y oprima 2, o envíe AYUDA al 988"
OUTLOOK = "about-outlook"

# Words of suicide or self-harm, of oneself or someone else, as people text or say them.
CRISIS_WORDS_EN = [
    "i am done, i don't want to wake up tomorrow",
    "i have a plan", "ive got a plan", "no one cares if i live or die", "nobody would care if i died",
    "i've started giving my things away, i won't need them",
    "thinking i should just overdose and get it over with",
    "Everybody would be better off if I was gone.",
    "im such a burden on my daughter",
    "my dad keeps saying he wants to die and he has a gun",
    "honestly whats the point in living",
    "i might hurt myself tonight",
    "i want to end it",
    "i cant keep going",
    "i cant hang on",
    "i overdosed", "she overdosed", "goodbye everyone", "this is my last message", "i wont be here tomorrow",
    "this is my last call",
    "i cant hold on any longer",
    "i want to be with my husband in heaven",
    "i just want god to take me",
    "im afraid ill do something stupid",
    "i might do something to myself",
    "i dont trust myself tonight",
    "i have the pills ready",
    "i want to sleep forever",
    "im gona end it tonite",
    "just kill me now",
    "let me die",
    "done living",
    "i want to see my mom in heaven",
    "i want to meet my maker",
    "i want to be at rest",
    "i bought a gun",
    "i want to go home to be with the lord",
    "i am ready to go",
    "i just want the pain to stop",
    "i want it all to be over",
    "theres no reason to keep going",
    "i want everything to stop",
    "i want to be with my mom who passed",
    "im going to drive off a cliff",
    "i want to step in front of a train",
    "im going to stop eating until i die",
    "i stopped taking my meds so i can die",
    "what is the easiest way to die",
    "how many oxycodone would it take",
    "what is a lethal dose of morphine",
    "i think i should just end it",
    "i lost my will to live",
    "i just want to dye",
    "i feel like dying",
    "i want to unalive myself",
]
CRISIS_WORDS_ES = [
    "ya no quiero vivir así",
    "quiero quitarme la vida",
    "tomé una sobredosis", "adiós a todos", "este es mi último mensaje", "mañana ya no voy a estar aquí",
    "mi hija dice que se quiere matar",
    "me quiero morir",
    "estoy pensando en hacerme daño",
    "quiero suicidarme",
    "me quiero ir con Dios",
    "que Dios ya me lleve",
    "morirme",
    "déjame morir",
    "voy a hacer una locura",
    "no respondo de mí",
    "ya regalé todas mis cosas",
    "la forma más fácil de morir",
    "cuántas pastillas se necesitan para morir",
    "perdí las ganas de vivir",
    "quiero ir a dormir y no despertar",
    "quiero ir al cielo",
    "quiero estar en el cielo con mi mamá",
    "quiero ir a ver a Dios",
    "ojalá no despierte mañana",
    "voy a tomar todas las pastillas",
    "quiero ir a descansar para siempre",
    "me quiero ahorcar",
    "mi esposo dice que se quiere colgar",
    "me voy a pegar un tiro",
    "me voy a aventar del puente",
    "me voy a tomar todo el frasco",
]
HOW_LONG = [
    "how long have i got left", "whats the life expectancy once it spreads", "is my mom dying",
    "how many months does she have", "so how long", "what will happen to her",
    "what's going to happen to me now", "is she going to make it to christmas",
    "can you live 10 years with mbc",
    "will i see my daughter graduate", "is there any hope", "is she in the final stage", "is it end stage",
]
HOW_LONG_ES = ["cuánto tiempo de vida me queda", "cuál es la esperanza de vida", "¿y cuánto tiempo?",
               "¿qué le va a pasar a mi mamá?", "¿va a llegar a navidad?",
               "cuánto tiempo se vive con metástasis en los huesos", "¿hay esperanza?",
               "¿ya está en la etapa final?"]


@pytest.mark.parametrize("words", CRISIS_WORDS_EN)
def test_a_crisis_text_gets_the_lifeline_first_then_the_way_on(twilio: TwilioSimulator, words: str) -> None:
    answer = texted(twilio, words)
    assert answer.startswith(CRISIS_EN)
    assert "did not find" not in answer and "Sorry" not in answer and "Reply 1 for" not in answer
    assert "MENU" in answer
    assert "Reply with a number" in texted(twilio, "menu"), "the usual way on still works"


@pytest.mark.parametrize("words", ["i want to end it", "I want to kill myself tonight"])
def test_crisis_words_in_english_after_a_spanish_conversation_get_the_lifeline_in_english(
        twilio: TwilioSimulator, words: str) -> None:
    assert "Envie un numero" in texted(twilio, "hola")
    assert texted(twilio, words).startswith(CRISIS_EN)


@pytest.mark.parametrize("words", ["STOP. I want to die", "stop texting me i want to end it all"])
def test_an_opt_out_with_words_of_suicide_gets_the_lifeline_first_and_still_opts_out(
        twilio: TwilioSimulator, words: str) -> None:
    answer = texted(twilio, words)
    assert answer.startswith(CRISIS_EN) and "no more texts" in answer
    assert twilio.text("what is chemo").messages == [], "the opt-out holds: nothing more is sent"


@pytest.mark.parametrize("words", CRISIS_WORDS_ES)
def test_a_crisis_text_in_spanish_gets_the_lifeline_in_spanish(twilio: TwilioSimulator, words: str) -> None:
    answer = texted(twilio, words)
    assert answer.startswith(to_gsm(CRISIS_ES)) and "911" in answer
    assert "No encontramos" not in answer


@pytest.mark.parametrize("words", CRISIS_WORDS_EN)
def test_crisis_words_said_on_a_call_are_answered_with_the_lifeline_and_its_key(
    twilio: TwilioSimulator, words: str
) -> None:
    twilio.dial()
    twilio.press("3")  # at a menu of medicines: the crisis still comes first
    heard = twilio.speak(words)
    assert heard.says[0].startswith(CRISIS_EN)
    assert "To be connected to the Lifeline now, press 1 or say yes." in heard.says
    assert not any(s.startswith("For ") for s in heard.says), "no topic or menu before the Lifeline"


@pytest.mark.parametrize("answer", ["1", "yes", "yes please"])
def test_key_1_or_yes_after_the_lifeline_connects_the_call(twilio: TwilioSimulator, answer: str) -> None:
    twilio.dial()
    twilio.speak("i keep thinking about ending my life")
    heard = twilio.press(answer) if answer.isdigit() else twilio.speak(answer)
    assert heard.dials == [DEFAULT_CRISIS_LINE_PHONE]
    assert heard.says[0].startswith("Connecting you to the Suicide and Crisis Lifeline")


@pytest.mark.parametrize("wait", ["hold on", "un momento"])
def test_asking_to_wait_after_the_lifeline_keeps_its_offer(twilio: TwilioSimulator, wait: str) -> None:
    twilio.dial()
    twilio.speak("i keep thinking about ending my life")
    held = twilio.speak(wait)
    assert held.says[0] in ("Take your time.", "Tómese su tiempo.")
    assert any("988" in say for say in held.says), "the Lifeline again, its offer kept"
    assert twilio.press("1").dials == [DEFAULT_CRISIS_LINE_PHONE]


def test_the_lifeline_is_offered_again_when_its_call_ends_unanswered(content: Content) -> None:
    calls = CallNavigator(content, offers=Offers(crisis_line=True))
    offered = calls.say(calls.start("en").state, "i want to kill myself")
    connecting = calls.press(offered.state, "1")
    assert connecting.dial_crisis
    again = calls.dialed(connecting.state, answered=False)
    assert again.notices == (Prompt.PERSON_NO_ANSWER, Prompt.CRISIS, Prompt.CRISIS_CONNECT)


def test_the_lines_own_helpline_is_offered_after_the_lifeline_when_set(make_app: AppFactory) -> None:
    phone = TwilioSimulator(make_app(helpline_phone="+18005550100"), lang="en")
    phone.dial()
    heard = phone.speak("my wife says she wants to end her life")
    assert heard.says[0].startswith(CRISIS_EN) and "To talk with our own helpline, press 6." in heard.says
    assert phone.press("6").dials == ["+18005550100"]


def test_another_key_after_the_lifeline_goes_on_as_usual(twilio: TwilioSimulator, content: Content) -> None:
    twilio.dial()
    twilio.speak("i want to die")
    heard = twilio.press("0")
    assert heard.dials == [] and any(s.startswith("For ") for s in heard.says)


def test_silence_after_the_lifeline_repeats_it_and_the_goodbye_names_it_first(
    twilio: TwilioSimulator,
) -> None:
    twilio.dial()
    twilio.speak("i dont want to be alive")
    again = twilio.wait()
    assert again.says[0].startswith(CRISIS_EN)
    twilio.wait()
    last = twilio.wait()
    assert last.says[0].startswith(CRISIS_EN) and last.hangs_up


def test_crisis_words_said_in_spanish_get_the_lifeline_in_spanish(app: Flask) -> None:
    phone = TwilioSimulator(app, lang="es")
    phone.dial()
    heard = phone.speak("ya no quiero seguir viviendo")
    assert heard.says[0].startswith(CRISIS_ES)
    assert "Para comunicarse ahora con la Línea, oprima 1 o diga sí." in heard.says
    assert phone.speak("sí").dials == [DEFAULT_CRISIS_LINE_PHONE]


def test_the_talking_menu_which_cannot_dial_says_the_lifeline_without_a_key(content: Content) -> None:
    calls = CallNavigator(content, offers=Offers())
    turn = calls.say(calls.start("en").state, "i want to kill myself")
    lines = turn_lines(content, turn)
    assert lines[0].startswith(CRISIS_EN) and not any("press 1" in line for line in lines)


# --- how long ------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "no_cure"), [
    ("is it curable", "There is no cure yet"), ("can stage 4 be cured", "There is no cure yet"),
    ("se puede curar", "Todavia no hay cura"),
])
def test_asking_for_a_cure_hears_there_is_none_yet_in_the_first_reply(
    twilio: TwilioSimulator, words: str, no_cure: str
) -> None:
    assert no_cure in texted(twilio, words)


@pytest.mark.parametrize("words", HOW_LONG)
def test_how_long_gets_the_honest_answer_with_a_person_not_a_treatment(
    twilio: TwilioSimulator, content: Content, words: str
) -> None:
    answer = texted(twilio, words)
    first_page = content.topics[OUTLOOK].texts["en"].sms[0]
    assert answer.startswith(" ".join(first_page.split())), answer
    assert "27 in 100" in answer and "1-800-227-2345" in answer
    twilio.dial()
    heard = twilio.speak(words)
    assert heard.says[0] == topic_parts(content, OUTLOOK, "en")[0]


@pytest.mark.parametrize("words", HOW_LONG_ES)
def test_how_long_in_spanish_gets_the_honest_answer_in_spanish(twilio: TwilioSimulator, words: str) -> None:
    answer = texted(twilio, words)
    assert "27 de cada 100" in answer and "1-800-227-2345" in answer


def test_the_honest_answer_is_sourced_and_reached_from_the_about_menu(content: Content) -> None:
    topic = content.topics[OUTLOOK]
    assert "ref-acs-facts-figures-2019" in topic.sources
    assert any(option.target == OUTLOOK for option in content.menus["about"].options)


# --- the net under everything --------------------------------------------------------------


@pytest.mark.parametrize("body", ["wibble wobble", "xyzzy", "the thing from before"])
def test_every_text_the_line_cannot_match_names_911_and_988(twilio: TwilioSimulator, body: str) -> None:
    answer = texted(twilio, body)
    assert "911" in answer and "988" in answer


def test_a_spanish_text_the_line_cannot_match_names_911_and_988(twilio: TwilioSimulator) -> None:
    texted(twilio, "hola")
    answer = texted(twilio, "blablabla qwerty")
    assert "No encontramos" in answer and "911" in answer and "988" in answer


def test_an_unknown_medicine_names_911(twilio: TwilioSimulator) -> None:
    assert "911" in texted(twilio, "what about zorblatinib")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_words_a_call_cannot_catch_name_911(app: Flask, lang: str) -> None:
    phone = TwilioSimulator(app, lang=lang)
    phone.dial()
    heard = phone.speak("purple umbrella seventeen")
    assert "911" in heard.says[0]


@pytest.mark.parametrize(
    "words",
    ["my back hurts", "i have a cough", "cough that wont go away", "lump in my armpit",
     "me duele la espalda", "tengo tos desde hace una semana"],
)
def test_an_everyday_symptom_is_not_an_emergency_by_the_model_alone(words: str) -> None:
    assert triage(words) is None


def test_end_it_alone_is_a_crisis_and_as_a_stop_word_also_opts_out(twilio: TwilioSimulator) -> None:
    reply = texted(twilio, "end it")
    assert reply.startswith(CRISIS_EN) and "no more texts" in reply, reply


@pytest.mark.parametrize("words", [
    "im ready to go home", "are you ready to go", "ready to go to my appointment",
])
def test_ready_to_go_somewhere_is_no_crisis(words: str) -> None:
    not_read_as(words, Concern.CRISIS)


@pytest.mark.parametrize("words", ["whats the number for the crisis line", "988", "crisis hotline?",
                                   "call 988", "is the lifeline free"])
def test_the_crisis_line_asked_for_by_name_is_given_first(twilio: TwilioSimulator, words: str) -> None:
    answer = texted(twilio, words)
    assert answer.startswith(CRISIS_EN), answer
    assert "did not find" not in answer


@pytest.mark.parametrize("words", ["nine eight eight", "call nine eight eight"])
def test_988_said_on_a_call_as_a_phone_hears_it_gets_the_lifeline_and_its_key(
    twilio: TwilioSimulator, words: str
) -> None:
    """The recogniser writes the number as words: it had got "Sorry, I did not catch that"."""
    twilio.dial()
    heard = twilio.speak(words)
    assert heard.says[0].startswith(CRISIS_EN)
    assert "To be connected to the Lifeline now, press 1 or say yes." in heard.says


def test_the_crisis_line_asked_for_in_spanish_is_given_in_spanish(twilio: TwilioSimulator) -> None:
    assert texted(twilio, "¿cuál es el número de la línea de crisis?").startswith(to_gsm(CRISIS_ES))


@pytest.mark.parametrize("words", ["my number is 555-988-1234", "call me at 1 800 988 2345"])
def test_988_inside_a_phone_number_is_no_crisis(words: str) -> None:
    not_read_as(words, Concern.CRISIS)


@pytest.mark.parametrize("words", ["there is no point to keep going to the support group",
                                   "no reason to keep going back to that doctor"])
def test_no_reason_to_keep_going_somewhere_is_no_crisis(words: str) -> None:
    not_read_as(words, Concern.CRISIS)


@pytest.mark.parametrize("words", ["i have a plan for treatment", "the doctor has a plan", "we have a plan",
                                   "no one cares if i live in texas"])
def test_a_plan_of_care_or_a_place_to_live_is_no_crisis(words: str) -> None:
    not_read_as(words, Concern.CRISIS)


@pytest.mark.parametrize("words", ["what will happen to her hair", "what will happen to my dog while im out"])
def test_what_will_happen_to_a_thing_is_no_question_of_how_long(words: str) -> None:
    not_read_as(words, Concern.PROGNOSIS)


@pytest.mark.parametrize("words", ["nothing else, thanks", "no nothing else", "nope nothing else",
                                   "nothing more to ask", "that is all i needed to know",
                                   "no más preguntas"])
def test_ending_the_talk_is_no_crisis_and_gets_a_kind_close(twilio: TwilioSimulator, words: str) -> None:
    """The model had read "nothing else, thanks" as a crisis, and sent the Lifeline to a goodbye."""
    assert triage(words) is None
    answer = texted(twilio, words)
    assert answer.startswith(("You are welcome", "Take care", "Cuídese", "Cuidese")), answer


@pytest.mark.parametrize("words", ["there is nothing else to live for",
                                   "no more questions, i just want to die"])
def test_words_of_ending_with_words_of_death_are_still_a_crisis(words: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.CRISIS, finding


@pytest.mark.parametrize("words", ["my mom wants to die at home", "she wants to die at home with her family",
                                   "she wants to be buried next to dad", "mi mamá quiere morir en casa"])
def test_end_of_life_wishes_get_a_person_to_talk_to_not_the_lifeline(
        twilio: TwilioSimulator, words: str) -> None:
    """Where to die, or be buried, is care at the end of life; the Lifeline had come first."""
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding
    assert "1-800-227-2345" in texted(twilio, words)


@pytest.mark.parametrize("words", ["i want to die at home tonight with my pills",
                                   "quiero morir en casa hoy con las pastillas", "i want to die in my sleep"])
def test_a_wish_to_die_that_names_a_place_is_still_a_crisis(words: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.CRISIS, finding


@pytest.mark.parametrize("words", ["i am leaving this world", "i want to leave this world",
                                   "me quiero ir de este mundo", "ya quiero dejar este mundo"])
def test_leaving_the_world_is_a_crisis(words: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.CRISIS, finding


@pytest.mark.parametrize("words", ["my mom left this world last year", "mi mamá dejó este mundo"])
def test_someone_who_left_the_world_is_grief_not_a_crisis(words: str) -> None:
    finding = triage(words)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding


@pytest.mark.parametrize("words", ["voy a colgar el teléfono", "ya voy a colgar"])
def test_hanging_up_the_phone_in_spanish_is_no_crisis(words: str) -> None:
    not_read_as(words, Concern.CRISIS)


@pytest.mark.parametrize("words", ["i will love her until i die",
                                   "she walked in front of the car and got hit"])
def test_love_until_death_or_an_accident_told_is_no_crisis(words: str) -> None:
    not_read_as(words, Concern.CRISIS)


@pytest.mark.parametrize(("follow", "lang"), [("im ok", "en"), ("i didnt mean it", "en"),
                                              ("just kidding", "en"), ("ya estoy bien", "es")])
def test_words_the_line_cannot_place_right_after_the_lifeline_hear_it_again_kindly(
        twilio: TwilioSimulator, follow: str, lang: str) -> None:
    """"i didn't mean it", after the Lifeline, had got "We did not find that"."""
    texted(twilio, "i want to die" if lang == "en" else "me quiero morir")
    answer = texted(twilio, follow)
    assert "988" in answer and "911" in answer, answer
    assert "did not find" not in answer and "No encontramos" not in answer
    assert "Reply with a number" in texted(twilio, "menu") or lang == "es", "the way on is unchanged"


def test_the_lifeline_is_not_repeated_for_a_topic_asked_after_it(twilio: TwilioSimulator) -> None:
    texted(twilio, "i want to die")
    assert texted(twilio, "liver").startswith("The liver")


@pytest.mark.parametrize("words", ["mi hija va a llegar a la casa mañana", "vamos a llegar a la cita"])
def test_arriving_somewhere_in_spanish_is_no_question_of_how_long(words: str) -> None:
    not_read_as(words, Concern.PROGNOSIS)
