"""What people mean: a body part with a symptom, short words and misspellings, thanks and goodbye,
and the language they name (issue 30, items 4 and 5)."""

from __future__ import annotations

import pytest

from service.content import Content
from service.content.prompts import Prompt
from service.core.calls import OPENING, CallNavigator, CallState, Turn
from service.core.texts import Show, TextNavigator, TextReply, TextState, not_found
from service.core.understand.meaning import closes, language_key, language_named, only_language
from service.core.wording import text_message, turn_lines


@pytest.mark.parametrize(("words", "topic"), [
    ("lungs cough", "symptoms-lungs"), ("liver pain", "symptoms-liver"),
    ("my lungs ache", "symptoms-lungs"), ("my back is killing me", "symptoms-bones"),
    ("la espalda me mata", "symptoms-bones"), ("swollen liver", "symptoms-liver"),
    ("bone ache", "symptoms-bones"),
    ("head pain", "symptoms-brain"), ("me duele el higado", "symptoms-liver"),
    ("tos en los pulmones", "symptoms-lungs"), ("lung mets", "spread-lungs"), ("liver", "spread-liver"),
    ("hígado síntomas", "symptoms-liver"), ("señales de que se extendió al cerebro", "symptoms-brain"),
    ("signs it spread to the brain", "symptoms-brain"),
    ("she has liver mets and her skin is yellow", "symptoms-liver"),
    ("mi mama tiene metastasis en el higado y esta muy amarilla", "symptoms-liver"),
    ("mi esposa tiene cancer en los pulmones y tose mucho", "symptoms-lungs"),
    ("how do i know if its spread to my brain", "symptoms-brain"),
    ("how would i know if it went to her liver", "symptoms-liver"),
    ("how do i kno if its in her brain", "symptoms-brain"), ("migraines", "symptoms-brain"),
    ("my wife finished radiation for her bones last month. now she has headaches", "symptoms-brain"),
    ("lung mets and now her back hurts", "symptoms-bones"),
    ("como se si se fue al cerebro", "symptoms-brain"),
])
def test_a_body_part_with_a_symptom_gets_its_symptom_page(content: Content, words: str, topic: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic) == (Show.PAGE, topic)


@pytest.mark.parametrize(("words", "lang"), [
    ("nausea after chemo", "en"), ("chemo makes me sick", "en"), ("headache after chemo", "en"),
    ("constipated from the pain pills", "en"), ("my skin is peeling from radiation", "en"),
    ("bones ache after the shot", "en"), ("i feel awful since my last chemo", "en"),
    ("nauseas despues de la quimio", "es"), ("tengo nauseas por la quimio", "es"),
    ("me arde la piel por la radiacion", "es"), ("la quimio me da mucho cansancio", "es"),
    ("me siento mal por la quimio", "es"), ("i feel bad after chemo", "en"),
])
def test_a_treatment_named_as_the_cause_gets_the_side_effects_page_not_a_place_of_spread(
    content: Content, words: str, lang: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic, reply.state.lang) == (Show.PAGE, "symptoms-general", lang), reply
    heard = CallNavigator(content).say(CallState(lang=lang), words)
    assert heard.state.node == "symptoms-general", heard


@pytest.mark.parametrize(("words", "topic"), [
    ("nausea", "symptoms-liver"), ("headaches", "symptoms-brain"), ("chemo", "treat-chemo"),
    ("radiation", "treat-radiation"), ("back pain", "symptoms-bones"),
])
def test_a_symptom_or_a_treatment_alone_keeps_its_own_page(content: Content, words: str, topic: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert reply.state.topic == topic, reply


@pytest.mark.parametrize("words", [
    "hot flashes", "lymphedema", "cant taste anything", "my nails are falling off",
    "my hands and feet are peeling", "radiation burn", "calores", "sofocos", "linfedema",
    "she keeps sleeping all day", "shes not drinking water", "my hand is tingling", "duerme todo el dia",
])
def test_side_effects_by_their_own_names_get_the_side_effects_page(content: Content, words: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic) == (Show.PAGE, "symptoms-general"), reply


@pytest.mark.parametrize(("words", "says"), [
    ("what is a cdk4/6 inhibitor", "One kind is CDK4/6 inhibitors"),
    ("parp inhibitor", "For BRCA1 or BRCA2 gene changes, there are PARP inhibitors"),
    ("inhibidor de cdk4/6", "Los inhibidores de CDK4/6"),
])
def test_a_kind_of_targeted_drug_gets_the_page_that_names_it(content: Content, words: str, says: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert reply.state.topic == "treat-targeted" and text_message(content, reply).startswith(says), reply


@pytest.mark.parametrize(("words", "lang"), [
    ("my joints ache", "en"), ("me duelen las articulaciones", "es"),
])
def test_aching_joints_get_the_bone_symptoms_page(content: Content, words: str, lang: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic, reply.state.lang) == (Show.PAGE, "symptoms-bones", lang), reply


@pytest.mark.parametrize(("words", "sign"), [
    ("my chest is sore", "chest-pain"), ("stomach swelling", "belly"),
])
def test_a_body_part_with_an_emergency_sign_gets_what_to_do_before_any_page(
        content: Content, words: str, sign: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.sign, reply.state.topic) == (Show.URGENT, sign, "")
    assert text_message(content, reply).startswith(content.sign(sign).says["en"])


@pytest.mark.parametrize(("words", "node"), [
    ("stage4", "about-metastatic"), ("brest canser", "about-metastatic"),
    ("hair fal out", "symptoms-general"), ("bons", "spread-bones"), ("chest wall", "about-recurrence"),
    ("where does breast cancer spread", "spread"), ("stage 4", "about-metastatic"),
])
def test_short_words_and_misspellings_find_their_topic(content: Content, words: str, node: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert node in (reply.state.topic, reply.state.menu) and not reply.notices


@pytest.mark.parametrize(("words", "lang"), [
    ("what can i do to help my mom", "en"), ("how do i support my wife", "en"),
    ("como ayudar a mi mama", "es"),
])
def test_a_carer_asking_how_to_help_gets_the_page_on_talking_to_someone(
    content: Content, words: str, lang: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic, reply.state.lang) == (Show.PAGE, "support-talk", lang), reply


@pytest.mark.parametrize("words", ["de novo metastatic", "i was de novo", "what does metastasized mean"])
def test_words_of_being_metastatic_find_what_stage_4_means_in_english(content: Content, words: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.state.topic, reply.state.lang) == ("about-metastatic", "en"), reply


@pytest.mark.parametrize(("words", "kind"), [
    ("ok thx", "thanks"), ("thanks so much for the info", "thanks"), ("bye", "bye"),
    ("gracias, adios", "bye"),
    ("muchisimas gracias", "thanks"), ("thanks, what about my liver", ""), ("ok", ""),
    ("gracias por escuchar", "thanks"), ("thank you for listening", "thanks"),
    ("thanks for your help", "thanks"), ("that's all", "bye"), ("nothing else, thanks", "bye"),
    ("eso es todo", "bye"), ("nada más, gracias", "bye"), ("that's all about the liver?", ""),
    ("no nothing else", "bye"), ("that is all i needed to know", "bye"), ("no más preguntas, gracias", "bye"),
    ("nothing else matters", ""), ("god bless you", "thanks"), ("you are a blessing", "thanks"),
    ("this is helpful", "thanks"), ("que dios le bendiga", "thanks"), ("this is not helpful", ""),
    ("ty so much ur a blessing", "thanks"), ("eres una bendición, gracias", "thanks"),
])
def test_thanks_and_goodbyes(words: str, kind: str) -> None:
    """"god bless you" and "this is helpful" had got "We did not find that"."""
    assert closes(words) == kind


def test_a_texted_thanks_gets_a_kind_close_in_the_texters_language(content: Content) -> None:
    texts = TextNavigator(content)
    english = texts.reply(TextState(), "ok thx")
    spanish = texts.reply(TextState(), "muchas gracias")
    assert english.show is Show.CLOSE and text_message(content, english).startswith("You are welcome.")
    assert text_message(content, spanish).startswith("De nada.")


@pytest.mark.parametrize(("words", "lang"), [("bye", "en"), ("that's all", "en"), ("adiós", "es")])
def test_a_texted_goodbye_without_thanks_gets_take_care_not_you_are_welcome(
    content: Content, words: str, lang: str
) -> None:
    reply = TextNavigator(content).reply(TextState(lang=lang), words)
    message = text_message(content, reply)
    assert message.startswith(("Take care.", "Cuídese.")), message
    assert "welcome" not in message and "De nada" not in message


def test_a_caller_saying_goodbye_hears_a_kind_close_and_the_call_ends(content: Content) -> None:
    calls = CallNavigator(content)
    bye = calls.say(CallState(), "thank you, bye")
    assert bye.hangup and bye.notices == (Prompt.CLOSE_GOODBYE,)
    thanks = calls.say(CallState(), "thank you")
    assert not thanks.hangup and thanks.notices == (Prompt.CLOSE,)


@pytest.mark.parametrize(("words", "lang"), [("nothing", "en"), ("nada", "es")])
def test_nothing_wanted_is_the_menu_again_never_sorry(content: Content, words: str, lang: str) -> None:
    reply = TextNavigator(content).reply(TextState(lang=lang), words)
    assert (reply.show, reply.notices) == (Show.MENU, ()), reply
    turn = CallNavigator(content).say(CallState(lang=lang), words)
    assert Prompt.SORRY_SPEECH not in turn.notices and not turn.hangup, turn


@pytest.mark.parametrize(("words", "lang"), [
    ("hablo español", "es"), ("en español por favor", "es"), ("spanish please", "es"), ("Español", "es"),
    ("english", "en"), ("in english please", "en"), ("inglés", "en"),
    ("hablan español?", "es"), ("hablas español", "es"), ("se habla español?", "es"),
    ("alguien habla español?", "es"), ("buenas noches, hablan español?", "es"),
    ("does anyone speak spanish", "es"),
])
def test_a_language_named_is_chosen(words: str, lang: str) -> None:
    assert language_named(words) == lang and only_language(words) == lang


def test_a_language_named_in_passing_is_not_all_the_message_says() -> None:
    assert language_named("herceptin en español") == "es" and only_language("herceptin en español") is None


@pytest.mark.parametrize(("words", "lang"), [("dos", "es"), ("two", "es"), ("uno", "en"), ("one", "en")])
def test_number_words_of_either_language_choose_at_the_opening(
    content: Content, words: str, lang: str
) -> None:
    assert language_key(words) == lang
    assert CallNavigator(content).say(OPENING, words).state.lang == lang


@pytest.mark.parametrize("words", ["hablo español", "en español por favor", "spanish please"])
def test_saying_spanish_at_the_opening_chooses_it(content: Content, words: str) -> None:
    turn = CallNavigator(content).say(OPENING, words)
    assert turn.state.lang == "es" and turn.welcome and turn.chose_language  # 911 was said in each


@pytest.mark.parametrize(("words", "lang"), [("hola", "es"), ("buenas tardes", "es"), ("hello", "en")])
def test_a_greeting_at_the_opening_is_answered_in_its_language(
    content: Content, words: str, lang: str
) -> None:
    turn = CallNavigator(content).say(OPENING, words)
    assert (turn.state.lang, turn.state.node) == (lang, "main") and Prompt.SORRY_SPEECH not in turn.notices


@pytest.mark.parametrize("words", ["yes", "what?", "no", "uh huh", "hold on"])
def test_words_at_the_opening_lead_to_the_first_main_menu_with_the_lines_name(
    content: Content, words: str
) -> None:
    """"yes" at the opening had got the main menu without the line's name or the keys in full."""
    turn = CallNavigator(content).say(OPENING, words)
    assert turn.state.node == "main" and turn.welcome and turn.full_keys, turn
    said = " ".join(turn_lines(content, turn))
    assert said.count(content.prompt(Prompt.WELCOME, "en")) == 1, said


@pytest.mark.parametrize("words", ["i want to kill myself", "she can't breathe", "operator"])
def test_safety_or_a_person_at_the_opening_is_not_delayed_by_the_lines_name(
    content: Content, words: str
) -> None:
    turn = CallNavigator(content).say(OPENING, words)
    assert not turn.welcome and turn.notices, turn


def test_saying_the_other_language_at_any_menu_switches_and_stays_there(content: Content) -> None:
    calls = CallNavigator(content)
    at_symptoms = calls.press(CallState(), "4").state
    spanish = calls.say(at_symptoms, "español")
    assert (spanish.state.lang, spanish.state.node) == ("es", at_symptoms.node)
    english = calls.say(spanish.state, "english please")
    assert (english.state.lang, english.state.node) == ("en", at_symptoms.node)


@pytest.mark.parametrize("words", ["en español por favor", "hi hablo español", "hola, hablo español"])
def test_texting_a_language_phrase_sends_the_menu_in_it(content: Content, words: str) -> None:
    """"hi hablo español" had got "No encontramos eso"."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang) == (Show.MENU, "es")
    assert not not_found(reply), reply


@pytest.mark.parametrize(("words", "lang"), [
    ("hello is this the cancer line", "en"), ("what can you tell me", "en"), ("hello", "en"),
    ("hola es la linea del cancer", "es"), ("who am i talking to", "en"), ("con quien hablo", "es"),
])
def test_a_caller_asking_what_the_line_is_hears_its_name_and_the_main_menu_not_sorry(
    content: Content, words: str, lang: str
) -> None:
    calls = CallNavigator(content)
    in_a_topic = calls.press(calls.press(CallState(lang=lang), "3").state, "1").state
    assert in_a_topic.node in content.topics
    turn = calls.say(in_a_topic, words)
    named = turn.welcome or Prompt.WELCOME in turn.notices  # after its choices, or first when asked who
    assert turn.state.node == "main" and named and Prompt.SORRY_SPEECH not in turn.notices, turn


@pytest.mark.parametrize(("words", "lang"), [
    ("i was told to call this number", "en"), ("my doctor gave me this number", "en"),
    ("I got this number from my oncologist", "en"), ("me dijeron que llamara a este número", "es"),
    ("mi doctora me dio este número", "es"),
])
def test_saying_who_sent_them_gets_what_the_line_is_never_the_urgent_signs(
    content: Content, words: str, lang: str
) -> None:
    """"I was told to call this number" had got the urgent signs (its "call") by text and on a call."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang) == (Show.HELP, lang), reply
    turn = CallNavigator(content).say(CallState(lang=lang), words)
    assert turn.state.node == "main" and turn.welcome, turn


@pytest.mark.parametrize(("words", "topic"), [
    ("i was told to text this number about my bones", "spread-bones"),
    ("um hi yes I was told to call this number about my breast cancer", "about-metastatic"),
    ("my doctor told me to call if my legs get weak", ""),
])
def test_who_sent_them_is_left_out_and_what_they_ask_is_answered(
    content: Content, words: str, topic: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert reply.state.topic == topic and (topic or reply.show is Show.URGENT), reply


def test_a_caller_saying_words_the_line_does_not_know_still_hears_sorry(content: Content) -> None:
    turn = CallNavigator(content).say(CallState(), "blue sky")
    assert Prompt.SORRY_SPEECH in turn.notices and not turn.welcome


@pytest.mark.parametrize(("words", "lang"), [("can I still work", "en"), ("is it contagious", "en"),
                                             ("puedo seguir trabajando", "es"), ("oxycodone", "en"),
                                             ("tylenol", "en")])
def test_a_question_heard_that_no_topic_answers_points_to_the_care_team_not_did_not_catch(
    content: Content, words: str, lang: str
) -> None:
    """A medicine the line has no page on was heard too: it is not "I did not catch that"."""
    turn = CallNavigator(content).say(CallState(node="main", lang=lang), words)
    assert turn.notices == (Prompt.NO_ANSWER_SPEECH,) and turn.state.node == "main", turn


@pytest.mark.parametrize("words", [
    "what are the symptoms of metastatic breast cancer", "symptoms of stage 4 breast cancer",
    "cuales son los sintomas del cancer de mama metastasico",
])
def test_symptoms_of_the_cancer_itself_get_the_symptoms_menu_not_what_metastatic_means(
    content: Content, words: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.menu) == (Show.MENU, "symptoms"), reply


@pytest.mark.parametrize(("first", "then", "topic"), [
    ("liver", "what are the symptoms", "symptoms-liver"), ("liver", "is it painful", "symptoms-liver"),
    ("bones", "does it hurt", "symptoms-bones"), ("pulmones", "cuales son los sintomas", "symptoms-lungs"),
    ("liver", "lung symptoms", "symptoms-lungs"),
])
def test_symptoms_asked_after_a_place_are_that_places_symptoms(
    content: Content, first: str, then: str, topic: str
) -> None:
    reply, heard = said_after(content, first, then)
    assert (reply.show, reply.state.topic) == (Show.PAGE, topic), reply
    assert heard.state.node == topic, heard


@pytest.mark.parametrize(("first", "then"), [
    ("chemo", "will it make me sick"), ("tamoxifen", "does it cause hot flashes"),
    ("radiation", "does it hurt"), ("quimio", "me va a dar nauseas"), ("surgery", "is it painful"),
])
def test_a_side_effect_asked_after_a_treatment_gets_the_side_effects_page(
    content: Content, first: str, then: str
) -> None:
    reply, heard = said_after(content, first, then)
    assert (reply.show, reply.state.topic) == (Show.PAGE, "symptoms-general"), reply
    assert heard.state.node == "symptoms-general", heard


@pytest.mark.parametrize(("first", "then"), [
    ("brain", "what do we do if she has one"), ("liver", "what should i do if it happens"),
    ("cerebro", "que hacemos si le pasa"),
])
def test_what_to_do_if_it_happens_after_a_page_gets_when_to_get_help(
    content: Content, first: str, then: str
) -> None:
    reply, heard = said_after(content, first, then)
    assert (reply.show, reply.state.topic) == (Show.PAGE, "symptoms-urgent"), reply
    assert heard.state.node == "symptoms-urgent", heard


@pytest.mark.parametrize(("first", "then", "page"), [
    ("liver", "how is that treated", 2), ("brain", "how do they treat it", 3),
    ("lungs", "what about treatment", 2), ("higado", "como se trata", 2),
])
def test_how_it_is_treated_after_a_place_gets_that_places_page_on_treating_it(
    content: Content, first: str, then: str, page: int
) -> None:
    texts = TextNavigator(content)
    at_place = texts.reply(TextState(), first).state
    reply = texts.reply(at_place, then)
    assert (reply.show, reply.state.topic, reply.state.page) == (Show.PAGE, at_place.topic, page), reply


@pytest.mark.parametrize(("first", "then", "page"), [
    ("liver", "what can they do for it", 2), ("liver", "what can be done", 2),
    ("liver", "wat can they do", 2), ("lungs", "can they fix it", 2),
    ("lungs", "what are the options", 2), ("higado", "que se puede hacer", 2),
])
def test_what_can_be_done_after_a_place_gets_that_places_page_on_treating_it(
    content: Content, first: str, then: str, page: int
) -> None:
    reply, heard = said_after(content, first, then)
    assert (reply.show, reply.state.page) == (Show.PAGE, page), reply
    assert heard.state.node == "medicines", heard  # a call hears the place whole: the kinds of treatment


@pytest.mark.parametrize(("first", "then", "topic"), [
    ("bones", "how is it treated", "treat-bone"), ("huesos", "como se trata", "treat-bone"),
    ("bones", "what can they do about it", "treat-bone"), ("huesos", "que se puede hacer", "treat-bone"),
    ("my back hurts", "how do they treat it", "treat-bone"), ("bones", "how is it treeted", "treat-bone"),
    ("leptomeningeal", "how is it treated", "treat-intrathecal"),
])
def test_how_a_place_is_treated_where_its_pages_do_not_say_gets_the_topic_that_does(
    content: Content, first: str, then: str, topic: str
) -> None:
    reply, heard = said_after(content, first, then)
    assert (reply.show, reply.state.topic) == (Show.PAGE, topic), reply
    assert heard.state.node == topic, heard


@pytest.mark.parametrize(("first", "then", "topic", "page"), [
    ("signs of brain mets", "how is it treated", "spread-brain", 3),
    ("liver pain", "what can they do for it", "spread-liver", 2),
    ("lungs cough", "how is it treated", "spread-lungs", 2),
])
def test_how_it_is_treated_after_a_places_symptoms_gets_the_places_page_on_treating_it(
    content: Content, first: str, then: str, topic: str, page: int
) -> None:
    """These had got the menu of the kinds of treatment."""
    reply, heard = said_after(content, first, then)
    assert (reply.show, reply.state.topic, reply.state.page) == (Show.PAGE, topic, page), reply
    assert heard.state.node == topic, heard


@pytest.mark.parametrize(("words", "topic"), [
    ("how do they treat bone cancer", "treat-bone"), ("how are bone mets treated", "treat-bone"),
    ("como tratan la metastasis en los huesos", "treat-bone"),
    # a pain told now gets its symptoms first: they say when to get help
    ("how do you treat bone pain", "symptoms-bones"),
    ("me duelen los huesos que le pueden hacer", "symptoms-bones"),
])
def test_a_first_question_on_treating_a_place_gets_its_treatment_unless_it_tells_a_symptom(
    content: Content, words: str, topic: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic) == (Show.PAGE, topic), reply
    assert CallNavigator(content).say(CallState(), words).state.node == topic


@pytest.mark.parametrize(("words", "topic", "page"), [
    ("chemo for liver mets", "spread-liver", 2), ("quimio para el higado", "spread-liver", 2),
    ("does radiation help brain tumors", "spread-brain", 3), ("radiacion en el cerebro", "spread-brain", 3),
    ("my mom is doing chemo and it spread to her liver", "spread-liver", 2),
    ("what can they do for brain mets", "spread-brain", 3),
    ("what will they do for her brain mets", "spread-brain", 3),
    ("mi hermana tiene metastasis en el cerebro que le van a hacer", "spread-brain", 3),
])
def test_a_treatment_named_with_a_place_gets_the_places_page_on_treating_it(
    content: Content, words: str, topic: str, page: int
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic, reply.state.page) == (Show.PAGE, topic, page), reply


@pytest.mark.parametrize(("words", "topic"), [
    ("radiation for bones", "treat-radiation"), ("what does radiation do for bones", "treat-radiation"),
    ("radiacion para los huesos", "treat-radiation"), ("radiation for liver", "treat-radiation"),
    ("chemo for lung mets", "treat-chemo"),
])
def test_a_treatment_named_with_a_place_that_does_not_speak_of_it_gets_the_treatment(
    content: Content, words: str, topic: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic, reply.state.page) == (Show.PAGE, topic, 0), reply
    assert CallNavigator(content).say(CallState(), words).state.node == topic


@pytest.mark.parametrize(("words", "topic"), [
    ("can you help me understand what stage 4 means", "about-metastatic"),
    ("help me understand liver mets", "spread-liver"),
    ("me puede ayudar a entender que es la metastasis", "about-metastatic"),
])
def test_help_to_understand_something_gets_that_something(content: Content, words: str, topic: str) -> None:
    """These had got the page on people to talk to, for the word "help"."""
    assert TextNavigator(content).reply(TextState(), words).state.topic == topic
    assert CallNavigator(content).say(CallState(), words).state.node == topic


@pytest.mark.parametrize(("words", "lang"), [
    ("what stage is this", "en"), ("what stage is it when it goes to the liver", "en"),
    ("which stage is bone mets", "en"), ("is stage 4 the last stage", "en"), ("stage?", "en"),
    ("que etapa es esta", "es"), ("en que etapa esta si ya se fue al higado", "es"),
    ("es la ultima etapa", "es"), ("my mom is stage 2", "en"), ("mi mama esta en etapa 3", "es"),
])
def test_asking_what_stage_gets_what_stage_4_means_not_the_place_or_not_found(
    content: Content, words: str, lang: str
) -> None:
    """These had got "we did not find that", or how often cancer spreads to the place named."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic, reply.state.lang) == (Show.PAGE, "about-metastatic", lang), reply
    assert CallNavigator(content).say(CallState(lang=lang), words).state.node == "about-metastatic"


def test_the_stage_answer_says_stage_4_is_the_most_advanced(content: Content) -> None:
    assert "most advanced stage" in content.topic_text("about-metastatic", "en").sms[0]
    assert "etapa más avanzada" in content.topic_text("about-metastatic", "es").sms[0]


@pytest.mark.parametrize("words", ["what stage is it if its in the lymph nodes",
                                   "what stage is hormone therapy used"])
def test_a_stage_asked_of_a_topic_that_names_stages_or_of_a_treatment_stays_there(
    content: Content, words: str
) -> None:
    """Cancer in the lymph nodes can be stage 2, 3 or 4: its own page says so."""
    assert TextNavigator(content).reply(TextState(), words).state.topic != "about-metastatic"


@pytest.mark.parametrize("words", ["what can be done", "what can they do", "que se puede hacer",
                                   "how do i get rid of it", "como se quita el cancer"])
def test_what_can_be_done_naming_nothing_gets_the_kinds_of_treatment_not_sorry(
    content: Content, words: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.menu) == (Show.MENU, "medicines"), reply
    assert not not_found(reply), reply


def test_symptoms_asked_after_a_treatment_get_the_symptoms_menu(content: Content) -> None:
    texts = TextNavigator(content)
    reply = texts.reply(texts.reply(TextState(), "chemo").state, "what are the symptoms")
    assert (reply.show, reply.state.menu) == (Show.MENU, "symptoms"), reply


@pytest.mark.parametrize("words", ["what else", "and?", "tell me more", "que mas"])
def test_what_else_after_a_page_is_the_next_page(content: Content, words: str) -> None:
    texts = TextNavigator(content)
    first = texts.reply(TextState(), "bones")
    reply = texts.reply(first.state, words)
    assert (reply.show, reply.state.topic, reply.state.page) == (Show.PAGE, first.state.topic, 1), reply


def said_after(content: Content, first: str, then: str) -> tuple[TextReply, Turn]:
    """What a texter and a caller get for `then`, sent or said right after `first`."""
    texts = TextNavigator(content)
    reply = texts.reply(texts.reply(TextState(), first).state, then)
    calls = CallNavigator(content)
    return reply, calls.say(calls.say(CallState(lang=reply.state.lang), first).state, then)


@pytest.mark.parametrize(("said", "lang"), [
    ("is this private", "en"), ("is this call recorded", "en"), ("are you recording this", "en"),
    ("es confidencial", "es"), ("me estan grabando", "es"),
])
def test_a_caller_asking_whether_the_call_is_private_hears_what_the_line_keeps_not_sorry(
    content: Content, said: str, lang: str
) -> None:
    """"is this private" heard "Sorry"; "is this call recorded" heard the emergency signs."""
    calls = CallNavigator(content)
    at_topic = calls.say(CallState(lang=lang), "bones" if lang == "en" else "huesos").state
    turn = calls.say(at_topic, said)
    assert turn.notices == (Prompt.PRIVACY,) and turn.state.node == at_topic.node, turn
    said_first = turn_lines(content, turn)[0]
    assert said_first.startswith("This call is not recorded" if lang == "en" else "Esta llamada no se graba")


@pytest.mark.parametrize(("first", "said", "lang"), [
    ("bones", "got it", "en"), ("bones", "makes sense", "en"), ("liver", "i see", "en"),
    ("bones", "alright", "en"), ("bones", "k got it", "en"), ("huesos", "ya entendi", "es"),
    ("huesos", "entiendo", "es"), ("bones", "ok cool", "en"), ("huesos", "bueno", "es"),
    ("bones", "okay", "en"), ("liver", "uh huh", "en"), ("huesos", "ajá", "es"),
])
def test_a_page_acknowledged_gets_the_way_on_not_sorry_and_the_place_is_kept(
    content: Content, first: str, said: str, lang: str
) -> None:
    """These had got "We did not find that" by text and "Sorry, I did not catch that" on a call ("okay",
    said in the middle of a topic, the main menu and the line's name: the place was lost)."""
    reply, heard = said_after(content, first, said)
    assert (reply.show, reply.state.lang) == (Show.MENU, lang) and not reply.notices, reply
    assert TextNavigator(content).reply(reply.state, "more").state.page == 1  # on from the page read
    assert Prompt.SORRY_SPEECH not in heard.notices and heard.reprompt, heard
    assert heard.state.node == ("spread-liver" if first == "liver" else "spread-bones"), heard


@pytest.mark.parametrize(("words", "lang"), [("Hi, I'm Mary", "en"), ("hello my name is john", "en"),
                                           ("hola, me llamo Rosa", "es"), ("buenas tardes, soy maría", "es")])
def test_a_greeting_with_a_name_hears_what_the_line_is_not_not_found(
    content: Content, words: str, lang: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang) == (Show.HELP, lang), reply
    turn = CallNavigator(content).say(CallState(lang=lang), words)
    assert turn.welcome and Prompt.SORRY_SPEECH not in turn.notices, turn


@pytest.mark.parametrize("said", ["ok that makes sense thank you", "that helped a lot",
                                  "ok gracias ya entendi"])
def test_a_page_acknowledged_with_thanks_gets_you_are_welcome(content: Content, said: str) -> None:
    reply, heard = said_after(content, "bones", said)
    assert reply.show is Show.CLOSE and Prompt.CLOSE in heard.notices, (reply, heard)


@pytest.mark.parametrize(("first", "asked", "lang"), [
    ("tamoxifen", "is it a pill", "en"), ("xgeva", "how is it given", "en"),
    ("radiation", "how long does it take", "en"), ("chemo", "how long do i take it", "en"),
    ("quimio", "¿cuánto dura?", "es"), ("quimio", "¿es una pastilla?", "es"),
])
def test_a_texter_asking_how_a_treatment_is_given_hears_the_care_team_plans_it_and_stays(
    content: Content, first: str, asked: str, lang: str
) -> None:
    """"is it a pill", after Tamoxifen, had got "We have no page on that medicine"."""
    texts = TextNavigator(content)
    before = texts.reply(TextState(lang=lang), first)
    reply = texts.reply(before.state, asked)
    message = text_message(content, reply)
    assert message.startswith(("How it is given", "Como se da", "Cómo se da")), message
    assert reply.state.topic == before.state.topic, "MORE still goes on with the treatment"


@pytest.mark.parametrize(("first", "asked", "topic"), [
    ("radiation", "how long will she have radiation", "treat-radiation"),
    ("chemo", "how long do i have chemo", "treat-chemo"),
    ("", "how long will she have radiation", "treat-radiation"),
    ("", "how many rounds of chemo will i need", "treat-chemo"),
    ("bones", "how long will i have radiation", "treat-radiation"),
])
def test_how_long_a_named_treatment_lasts_is_the_care_teams_to_say_never_how_long_people_live(
    content: Content, first: str, asked: str, topic: str
) -> None:
    """"how long will she have radiation" had got how long people live."""
    texts = TextNavigator(content)
    before = texts.reply(TextState(), first).state if first else TextState()
    reply = texts.reply(before, asked)
    assert text_message(content, reply).startswith("How it is given"), reply
    assert reply.state.topic == topic
    assert texts.reply(reply.state, "more").state.topic == topic, "MORE goes on with the treatment"
    calls = CallNavigator(content)
    heard = calls.say(calls.say(CallState(), first).state if first else CallState(), asked)
    assert heard.notices == (Prompt.HOW_GIVEN,) and heard.state.node == topic, heard


@pytest.mark.parametrize(("asked", "lang", "topic"), [
    ("how long do you take letrozole", "en", "treat-hormone"), ("is ibrance a pill", "en", "treat-targeted"),
    ("how often is xgeva given", "en", "treat-bone"), ("cada cuánto se pone el xgeva", "es", "treat-bone"),
])
def test_how_a_named_medicine_is_given_is_the_care_teams_to_say_then_its_kinds_page(
    content: Content, asked: str, lang: str, topic: str
) -> None:
    """These had got the medicine's own words, as if not asked; "letrozole" alone still gets them."""
    texts = TextNavigator(content)
    reply = texts.reply(TextState(lang=lang), asked)
    assert text_message(content, reply).startswith(("How it is given", "Cómo se da")), reply
    assert reply.state.topic == topic and texts.reply(reply.state, "more").state.topic == topic
    heard = CallNavigator(content).say(CallState(lang=lang), asked)
    assert heard.notices == (Prompt.HOW_GIVEN,) and heard.medicine is not None and heard.state.node == topic
    assert texts.reply(TextState(), "letrozole").show is Show.MEDICINE


def test_asking_how_it_is_given_away_from_a_treatment_is_not_answered_so(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(), "is it a pill")
    assert not text_message(content, reply).startswith("How it is given")


def test_a_caller_asking_how_a_treatment_is_given_hears_the_care_team_plans_it(content: Content) -> None:
    calls = CallNavigator(content)
    state = CallState(node="treat-chemo")
    turn = calls.say(state, "how long does it take")
    assert turn.notices == (Prompt.HOW_GIVEN,) and turn.state.node == "treat-chemo"


@pytest.mark.parametrize(("words", "lang", "topic"), [
    ("my mom has cancer", "en", "about-metastatic"), ("mi mamá tiene cáncer", "es", "about-metastatic"),
    ("i have cancer again", "en", "about-recurrence"), ("tengo cáncer otra vez", "es", "about-recurrence"),
])
def test_telling_of_cancer_and_nothing_more_gets_the_lines_subject_not_not_found(
    content: Content, words: str, lang: str, topic: str
) -> None:
    """"my mom has cancer" had got "We did not find that" by text and "Sorry" on a call."""
    assert TextNavigator(content).reply(TextState(lang=lang), words).state.topic == topic
    if "otra vez" not in words:  # said in four words or fewer, "otra vez" is the call's REPEAT
        assert CallNavigator(content).say(CallState(lang=lang), words).state.node == topic


@pytest.mark.parametrize("words", ["mi papá tiene cáncer de próstata",
                                   "my mom has cancer, is it hereditary?"])
def test_another_cancer_or_a_question_is_not_answered_with_what_stage_4_means(
    content: Content, words: str
) -> None:
    assert TextNavigator(content).reply(TextState(), words).state.topic != "about-metastatic"


@pytest.mark.parametrize(("sign", "asked", "lang"), [
    ("my legs are numb and my back hurts", "is it serious", "en"),
    ("tiene fiebre y está en quimio", "¿es grave?", "es"),
])
def test_is_it_serious_after_a_sign_hears_what_to_do_now_not_how_long_people_live(
    content: Content, sign: str, asked: str, lang: str
) -> None:
    texts = TextNavigator(content)
    first = texts.reply(TextState(lang=lang), sign)
    reply = texts.reply(first.state, asked)
    assert reply.show is Show.URGENT, reply
    message = text_message(content, reply)
    assert message.startswith(("If this may be an emergency", "Si puede ser una emergencia")), message


def test_is_that_serious_after_a_place_still_gets_the_honest_answer(content: Content) -> None:
    texts = TextNavigator(content)
    liver = texts.reply(TextState(), "liver")
    assert texts.reply(liver.state, "is that serious").state.topic == "about-outlook"


@pytest.mark.parametrize(("words", "kind"), [("she is better now", Show.GLAD), ("ya está mejor", Show.GLAD),
                                             ("ok we are going", Show.BYE)])
def test_better_now_is_good_news_and_we_are_going_a_goodbye(content: Content, words: str, kind: Show) -> None:
    assert TextNavigator(content).reply(TextState(), words).show is kind


def test_a_caller_asking_is_it_serious_after_a_sign_hears_what_to_do_now(content: Content) -> None:
    calls = CallNavigator(content)
    sign = calls.say(CallState(), "my legs are numb and my back hurts")
    turn = calls.say(sign.state, "is it serious")
    assert turn.notices == (Prompt.URGENT_NOW,) and turn.state.node == sign.state.node
