"""The text core on its own: what each message does to a texter's place, before any wording."""

from __future__ import annotations

from dataclasses import replace

import pytest

from service.content import Content
from service.content.prompts import Prompt
from service.core import wording
from service.core.texts import Show, TextNavigator, TextState


def test_a_topic_word_shows_its_first_page(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(), "livr")
    assert (reply.show, reply.state.topic, reply.state.page) == (Show.PAGE, "spread-liver", 0)


@pytest.mark.parametrize(("message", "lang"), [
    ("clinical studies", "en"), ("are there any clinical studies", "en"), ("hay estudios clinicos", "es"),
])
def test_another_name_for_a_topic_shows_its_first_page_not_a_page_using_the_word(
    content: Content, message: str, lang: str,
) -> None:
    """"Studies" names Clinical trials itself: not its third page, on a 2019 study."""
    reply = TextNavigator(content).reply(TextState(lang=lang), message)
    assert (reply.show, reply.state.topic, reply.state.page) == (Show.PAGE, "clinical-trials", 0)


def test_more_walks_the_pages_then_says_there_is_no_more(content: Content) -> None:
    texts = TextNavigator(content)
    reply = texts.reply(TextState(), "bones")
    pages = len(content.topic_text(reply.state.topic).sms)
    for page in range(1, pages):
        reply = texts.reply(reply.state, "MORE")
        assert (reply.show, reply.state.page) == (Show.PAGE, page)
    end = texts.reply(reply.state, "more")
    assert (end.show, end.notices) == (Show.MENU, (Prompt.SMS_NO_MORE,))


def test_a_number_answers_the_last_menu_sent(content: Content) -> None:
    texts = TextNavigator(content)
    menu = texts.reply(TextState(), "2")
    assert (menu.show, menu.state.menu) == (Show.MENU, content.menus["main"].target("2"))
    topic = texts.reply(menu.state, "two")
    assert topic.state.topic == content.menus[menu.state.menu].target("2")


def test_a_number_that_is_not_a_choice_resends_that_menu_with_sorry(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(menu="spread"), "9")
    sorry = (Prompt.SMS_NOT_UNDERSTOOD,)
    assert (reply.show, reply.state.menu, reply.notices) == (Show.MENU, "spread", sorry)


def test_a_place_the_content_no_longer_has_starts_fresh(content: Content) -> None:
    stale = TextState(menu="gone", topic="gone-topic", page=4, lang="xx")
    reply = TextNavigator(content).reply(stale, "more")
    assert reply.state == TextState()
    assert (reply.show, reply.notices) == (Show.MENU, ())  # at a menu, what comes next is its choices


def test_a_malformed_stored_state_starts_fresh() -> None:
    assert TextState.from_dict({"page": "not a number"}) == TextState()
    assert TextState.from_dict(None) == TextState()


def test_every_reply_kind_has_words(content: Content) -> None:
    texts = TextNavigator(content)
    replies = [texts.reply(TextState(), "help"), texts.resubscribed(), texts.error(),
               texts.reply(TextState(), "menu"), texts.reply(TextState(), "bones")]
    messages = [wording.text_message(content, reply, "+15555550199") for reply in replies]
    assert "1-555-555-0199" in messages[0]
    assert len(set(messages)) == len(messages)
    assert all(message.strip() for message in messages)


def test_a_symptom_topic_always_opens_with_its_when_to_call_page(content: Content) -> None:
    texts = TextNavigator(content)
    for message in ("my back hurts and my legs are weak at night", "me duele la espalda"):
        reply = texts.reply(TextState(), message)
        if reply.show is Show.PAGE and reply.state.topic.startswith("symptoms-"):
            assert reply.state.page == 0, message
            message_sent = wording.text_message(content, reply)
            assert "911" in message_sent.split(".")[0], message_sent


def test_a_texter_who_writes_spanish_gets_spanish_and_keeps_it(content: Content) -> None:
    texts = TextNavigator(content)
    hola = texts.reply(TextState(), "HOLA")
    assert hola.state.lang == "es" and "Envíe un número" in wording.text_message(content, hola)
    bones = texts.reply(hola.state, "uesos")  # a typo, no accents
    assert (bones.state.lang, bones.state.topic) == ("es", "spread-bones")
    back = texts.reply(bones.state, "ENGLISH")
    assert back.state.lang == "en" and "Reply with a number" in wording.text_message(content, back)
    assert texts.reply(TextState(), "me duele la espalda").state.lang == "es"
    assert texts.reply(TextState(), "bones").state.lang == "en"


@pytest.mark.parametrize(("message", "lang"), [
    ("herseptin", "en"), ("hercepton", "en"), ("letrozol", "en"), ("anastrozol", "en"),
    ("tamoxifeno", "es"), ("capecitabina", "es"), ("exemestano", "es"), ("que es herseptin", "es"),
])
def test_a_medicine_alone_is_answered_in_english_unless_named_as_only_spanish_names_it(
    content: Content, message: str, lang: str
) -> None:
    """"herseptin" had got a Spanish answer; "letrozol" may be "letrozole" with its last letter off."""
    reply = TextNavigator(content).reply(TextState(), message)
    assert reply.state.lang == lang, reply


def test_a_kept_reply_is_the_same_as_one_worked_out_afresh(content: Content, monkeypatch) -> None:
    from service.core import texts as texts_module

    monkeypatch.setattr(texts_module, "KEPT_REPLIES", 3)
    kept, fresh = TextNavigator(content), TextNavigator(content)
    messages = ["livr", "MENU", "2", "livr", "more", "my legs are numb", "livr", "x" * 200, "x" * 200]
    state_kept = state_fresh = TextState()
    for message in messages:
        reply = kept._kept(state_kept, message)
        assert reply == fresh._reply(state_fresh, message), message
        state_kept = state_fresh = reply.state
    assert len(kept._replies) <= 3  # bounded, the oldest forgotten first; long messages never kept
    assert all(len(body) <= texts_module.KEPT_MESSAGE_CHARS for _, body in kept._replies)


@pytest.mark.parametrize(("first", "chosen"), [
    ("liver", "2"), ("que tratamiento hay", "2"), ("bones", "menu"),
])
def test_after_a_menu_is_chosen_more_and_repeat_are_about_the_menu_not_the_page_read_before(
    content: Content, first: str, chosen: str
) -> None:
    """"liver", then "2" (a menu), then "more" had sent the liver's next page under that menu."""
    texts = TextNavigator(content)
    menu = texts.reply(texts.reply(TextState(), first).state, chosen)
    assert menu.show is Show.MENU
    for word in ("more", "mas", "repeat"):
        again = texts.reply(menu.state, word)
        assert (again.show, again.state.menu, again.state.topic) == (Show.MENU, menu.state.menu, ""), word


@pytest.mark.parametrize("ack", ["ok", "hi"])  # "yes" is MORE itself (below)
def test_after_an_ok_more_still_goes_on_with_the_page_read_before(content: Content, ack: str) -> None:
    """"ok" shows the menu, but a texter who says "more" next means the page they were reading."""
    texts = TextNavigator(content)
    page = texts.reply(TextState(), "bones")
    more = texts.reply(texts.reply(page.state, ack).state, "more")
    assert (more.show, more.state.topic, more.state.page) == (Show.PAGE, "spread-bones", 1), more


@pytest.mark.parametrize(("first", "said"), [
    ("stage 4", "what does that mean"), ("bones", "i dont understand"), ("huesos", "que significa eso"),
    ("huesos", "no entiendo"),
])
def test_not_understanding_a_page_gets_a_person_who_can_explain_it(
    content: Content, first: str, said: str
) -> None:
    """"what does that mean" after a page had got "We did not find that"."""
    texts = TextNavigator(content)
    reply = texts.reply(texts.reply(TextState(), first).state, said)
    assert reply.show is Show.DISTRESS, reply
    assert texts.reply(TextState(), said).show is Show.HELP  # before any page: what the line is


def test_back_goes_from_a_topic_to_its_menu_then_up_to_the_main_menu(content: Content) -> None:
    texts = TextNavigator(content)
    menu = texts.reply(TextState(), "3")
    topic = texts.reply(menu.state, "1")
    assert topic.show is Show.PAGE
    back = texts.reply(topic.state, "back")
    assert (back.show, back.state.menu, back.notices) == (Show.MENU, menu.state.menu, ())
    assert back.state.topic == ""
    more = texts.reply(back.state, "more")  # the topic is left: its pages do not go on
    assert (more.show, more.state.menu, more.state.topic) == (Show.MENU, menu.state.menu, "")
    up = texts.reply(back.state, "go back")
    assert (up.show, up.state.menu, up.notices) == (Show.MENU, "main", ())
    assert texts.reply(up.state, "BACK").notices == ()  # at the top, the main menu again, no "not found"


def test_atras_goes_back_in_spanish(content: Content) -> None:
    texts = TextNavigator(content)
    topic = texts.reply(texts.reply(TextState(), "4").state, "1")
    back = texts.reply(topic.state, "atrás")
    assert (back.show, back.state.lang, back.state.menu) == (Show.MENU, "es", topic.state.menu)


def test_asking_what_the_line_is_gets_the_help_reply(content: Content) -> None:
    texts = TextNavigator(content)
    for asked, lang in (("what is this?", "en"), ("Who are you", "en"), ("¿Qué es esto?", "es")):
        reply = texts.reply(TextState(), asked)
        assert (reply.show, reply.state.lang) == (Show.HELP, lang), asked
    said = wording.text_message(content, texts.reply(TextState(), "who is this"), phone="+15555550199")
    assert said.endswith("call 1-555-555-0199.")


@pytest.mark.parametrize(("words", "show"), [
    ("😭😭😭", Show.DISTRESS), ("💔", Show.DISTRESS), ("🙏", Show.MENU), ("", Show.MENU), ("!!!", Show.MENU),
])
def test_a_text_of_no_words_gets_an_answer_never_the_apology(
    content: Content, words: str, show: Show
) -> None:
    assert TextNavigator(content).reply(TextState(), words).show is show


@pytest.mark.parametrize(("words", "lang"), [("huh", "en"), ("idk", "en"), ("mande", "es"), ("no se", "es")])
def test_not_knowing_what_to_say_gets_the_menu_in_the_texters_language_not_not_found(
    content: Content, words: str, lang: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang, reply.notices) == (Show.MENU, lang, ()), reply


@pytest.mark.parametrize(("words", "lang", "show"), [
    ("q es la quimio", "es", Show.PAGE), ("q es metastasis", "es", Show.PAGE),
    ("opcion 2", "es", Show.MENU), ("numero 3", "es", Show.MENU), ("a que hora abren", "es", Show.HELP),
    ("what are your hours", "en", Show.HELP), ("are you open now", "en", Show.HELP),
])
def test_shorthand_numbers_and_hours_are_answered_in_the_texters_language_not_not_found(
    content: Content, words: str, lang: str, show: Show
) -> None:
    """"q es metastasis" had got the spread menu, "opcion 2" an English menu, "a que hora abren" and
    "what are your hours" "not found"."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang, reply.notices) == (show, lang, ()), reply
    if words.endswith("metastasis"):
        assert reply.state.topic == "about-metastatic"


@pytest.mark.parametrize(("words", "lang", "says"), [
    ("is this private", "en", "This line does not keep your phone number or your words"),
    ("will you share my number", "en", "it shares nothing"),
    ("who sees my messages?", "en", "Text MENU for topics, STOP to stop."),
    ("es confidencial", "es", "Esta línea no guarda su número de teléfono ni sus palabras"),
])
def test_asking_whether_the_line_is_private_says_what_it_keeps_and_shares(
    content: Content, words: str, lang: str, says: str
) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang) == (Show.PRIVACY, lang), reply
    assert says in wording.text_message(content, reply)


@pytest.mark.parametrize("words", [
    "can i call instead", "what number do i call", "how do i stop these texts",
    "como dejo de recibir mensajes",
])
def test_asking_how_to_call_or_stop_gets_help_which_says_both(content: Content, words: str) -> None:
    reply = TextNavigator(content).reply(TextState(), words)
    said = wording.text_message(content, reply, phone="+15555550199")
    assert reply.show is Show.HELP and "1-555-555-0199" in said and ("STOP" in said or "PARAR" in said), said


def test_asking_what_the_line_costs_gets_help_that_says_it_is_free(content: Content) -> None:
    texts = TextNavigator(content)
    for asked, lang, says in (("how much does this cost", "en", "Free; msg rates may apply."),
                              ("is this free", "en", "Free; msg rates may apply."),
                              ("cuanto cuesta", "es", "Gratis, salvo tarifas de su plan."),
                              ("es gratis?", "es", "Gratis, salvo tarifas de su plan.")):
        reply = texts.reply(TextState(), asked)
        assert (reply.show, reply.state.lang) == (Show.HELP, lang), asked
        assert says in wording.text_message(content, reply), asked
    assert texts.reply(TextState(), "how much does chemo cost").state.topic == "treat-chemo"


@pytest.mark.parametrize(("words", "lang"), [
    ("email me", "en"), ("do you have a website", "en"), ("can my daughter text this number too", "en"),
    ("mándeme un correo", "es"), ("tienen página web", "es"), ("puedo compartir esto", "es"),
    ("wrong number", "en"), ("Wrong number!", "en"), ("i didnt sign up for this", "en"),
    ("how did you get my number", "en"), ("número equivocado", "es"),
    ("I got a call from this number", "en"), ("you called me?", "en"), ("who is calling", "en"),
    ("can i text you later", "en"), ("sry wrong number", "en"),
    ("¿Quién habla?", "es"), ("me llamaron de este número", "es"),
])
def test_asking_what_else_the_line_offers_gets_help_in_that_language(
    content: Content, words: str, lang: str
) -> None:
    """These had got "We did not find that" ("i didnt sign up for this": a symptoms menu, for "signs");
    help says what the line is and how to stop it. "email me" in Spanish (its "me" is Spanish too)."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang) == (Show.HELP, lang), reply


@pytest.mark.parametrize(("words", "lang"), [("can i get disability", "en"), ("how long does it take", "en"),
                                            ("is it every week", "en"), ("puedo seguir trabajando", "es")])
def test_a_question_no_topic_answers_is_told_so_with_a_person_to_ask(
    content: Content, words: str, lang: str
) -> None:
    """A whole question had got "We did not find that", as if it were not understood."""
    reply = TextNavigator(content).reply(TextState(lang=lang), words)
    assert (reply.notices, reply.person, reply.state.menu) == ((Prompt.SMS_NO_ANSWER,), True, "main"), reply
    sent = wording.text_message(content, reply)
    assert sent.startswith(content.prompt(Prompt.SMS_NO_ANSWER, lang)) and "911" in sent, sent
    unclear = TextNavigator(content).reply(TextState(lang=lang), "blue sky")
    assert unclear.notices == (Prompt.SMS_NOT_UNDERSTOOD,), "words half caught are still not found"


@pytest.mark.parametrize(("words", "lang"), [("yes", "en"), ("Yes please", "en"), ("sure", "en"),
                                            ("sí", "es")])
def test_yes_to_reply_more_sends_the_next_page_and_after_the_last_the_menu(
    content: Content, words: str, lang: str
) -> None:
    """"yes" after "(Reply MORE for the rest)" had got the main menu ("sí": "No encontramos eso")."""
    texts = TextNavigator(content)
    first = texts.reply(TextState(lang=lang), "liver" if lang == "en" else "hígado")
    assert first.show is Show.PAGE and texts.reply(first.state, words) == texts.reply(first.state, "more")
    last = replace(first.state, page=len(content.topic_text("spread-liver", lang).sms) - 1)
    assert texts.reply(last, words).state.menu == "main", "no page left: the menu, never a page again"


@pytest.mark.parametrize(("words", "lang"), [("its me again", "en"), ("I texted yesterday", "en"),
                                            ("hola otra vez", "es")])
def test_someone_back_again_gets_the_menu_in_their_language(content: Content, words: str, lang: str) -> None:
    """These had got "We did not find that"."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.lang, reply.notices) == (Show.MENU, lang, ()), reply


@pytest.mark.parametrize("greeting", ["ola", "Ola buenas"])
def test_hola_without_its_h_gets_the_spanish_menu(content: Content, greeting: str) -> None:
    reply = TextNavigator(content).reply(TextState(), greeting)
    assert (reply.show, reply.state.menu, reply.state.lang, reply.notices) == (Show.MENU, "main", "es", ())


def test_a_greeting_or_a_question_about_the_line_gets_help_not_sorry(content: Content) -> None:
    texts = TextNavigator(content)
    for words in ("hello is this the cancer line", "what can you tell me", "hello i need info",
                  "who runs this line",
                  "hola es la linea del cancer", "quiero saber mas", "cual es el numero",
                  "cual es el numero para llamar", "what number do i dial"):
        assert texts.reply(TextState(), words).show is Show.HELP, words
    for words in ("blue sky", "pizza tonight"):
        reply = texts.reply(TextState(), words)
        assert (reply.show, reply.notices) == (Show.MENU, (Prompt.SMS_NOT_UNDERSTOOD,)), words


def test_side_effects_of_a_treatment_are_named_on_the_first_page(content: Content) -> None:
    asked = (("what are the side effects of chemo", "en"), ("efectos secundarios de la quimio", "es"))
    for words, lang in asked:
        reply = TextNavigator(content).reply(TextState(lang=lang), words)
        first = content.topic_text(reply.state.topic, lang).sms[reply.state.page]
        assert reply.state.topic == "symptoms-general" and "911" in first, words
        assert "side effects" in first or "efectos secundarios" in first, first


def test_side_effects_in_their_own_names_find_general_symptoms_not_a_place(content: Content) -> None:
    for words in ("chemo brain", "i have brain fog from chemo", "mouth sores", "llagas en la boca"):
        reply = TextNavigator(content).reply(TextState(), words)
        assert (reply.show, reply.state.topic) == (Show.PAGE, "symptoms-general"), words


def test_a_question_about_sugar_gets_the_page_on_food(content: Content) -> None:
    asked = (("does sugar feed cancer", "en", "sugar"), ("el azucar alimenta el cancer", "es", "azúcar"))
    for words, lang, sugar in asked:
        reply = TextNavigator(content).reply(TextState(lang=lang), words)
        assert reply.state.topic == "lower-risk", words
        assert sugar in content.topic_text("lower-risk", lang).sms[reply.state.page], words


def test_throwing_up_finds_general_symptoms_with_when_to_call(content: Content) -> None:
    asked = (("throwing up", "en"), ("puking", "en"), ("estoy vomitando", "es"), ("vomito mucho", "es"))
    for words, lang in asked:
        reply = TextNavigator(content).reply(TextState(), words)
        found = (reply.show, reply.state.topic, reply.state.lang)
        assert found == (Show.PAGE, "symptoms-general", lang), words


def test_a_command_asked_for_in_a_sentence_is_the_command(content: Content) -> None:
    texts = TextNavigator(content)
    asked = ("menu please", "text me the menu", "start over please", "el menu por favor", "i want the menu")
    for words in asked:
        reply = texts.reply(TextState(topic="spread-liver", page=1, menu="spread"), words)
        assert (reply.show, reply.state.menu, reply.notices) == (Show.MENU, "main", ()), words
    at_liver = texts.reply(TextState(), "liver").state
    assert texts.reply(at_liver, "more please").state.page == 1
    assert texts.reply(at_liver, "go back please").show is Show.MENU


def test_repeat_sends_the_page_last_sent_again(content: Content) -> None:
    texts = TextNavigator(content)
    second = texts.reply(texts.reply(TextState(), "liver").state, "more").state
    for words in ("repeat", "again", "say that again", "otra vez", "repeat please"):
        reply = texts.reply(second, words)
        assert (reply.show, reply.state) == (Show.PAGE, second), words
    at_menu = texts.reply(TextState(), "menu").state
    assert texts.reply(at_menu, "repeat").show is Show.MENU


def test_help_me_stays_a_plea_not_the_help_reply(content: Content) -> None:
    reply = TextNavigator(content).reply(TextState(), "help me please")
    assert reply.show is Show.DISTRESS


def test_after_an_urgent_sign_yes_or_what_should_i_do_takes_the_offered_topic(content: Content) -> None:
    texts = TextNavigator(content)
    for sign, words, lang in (("she says her legs feel weak", "what should i do", "en"),
                              ("her chest hurts", "yes", "en"), ("me duele el pecho", "que hago", "es")):
        warned = texts.reply(TextState(), sign)
        assert warned.state.offer == "symptoms-urgent", sign
        reply = texts.reply(warned.state, words)
        found = (reply.show, reply.state.topic, reply.state.lang)
        assert found == (Show.PAGE, "symptoms-urgent", lang), words


def test_what_should_i_do_with_nothing_offered_gets_what_the_line_is(content: Content) -> None:
    assert TextNavigator(content).reply(TextState(), "what should i do").show is Show.HELP


@pytest.mark.parametrize("words", ["what do we do now", "now what", "y ahora qué hago", "qué hago ahora"])
def test_what_to_do_now_anywhere_gets_a_person_never_not_found(content: Content, words: str) -> None:
    """After hard news ("the doctor gave her 6 months") these had got what the line is, or "not found"."""
    texts = TextNavigator(content)
    after_news = texts.reply(TextState(), "the doctor gave her 6 months").state
    for state in (TextState(), after_news):
        assert texts.reply(state, words).show is Show.DISTRESS, words


def test_a_number_with_words_around_it_chooses_as_the_number_does(content: Content) -> None:
    texts = TextNavigator(content)
    at_main = texts.reply(TextState(), "menu").state
    chosen = texts.reply(at_main, "2")
    by_number = (chosen.show, chosen.state.menu, chosen.state.topic)
    for words in ("option 2", "number 2", "2 please", "the second one", "two", "la segunda", "opción 2",
                  "ok 2", "and 2", "ok now 2"):
        reply = texts.reply(at_main, words)
        assert (reply.show, reply.state.menu, reply.state.topic) == by_number, words
    for words in ("4 days", "stage 4", "100", "ok 2 days"):
        assert texts.reply(at_main, words).state.menu != "medicines", words


def test_after_a_kind_answer_what_does_that_mean_takes_the_offered_topic(content: Content) -> None:
    texts = TextNavigator(content)
    told = texts.reply(TextState(), "my aunt just found out her cancer is back")
    assert (told.show, told.state.offer) == (Show.DISTRESS, "about-recurrence")
    reply = texts.reply(told.state, "what does that mean for her")
    assert (reply.show, reply.state.topic) == (Show.PAGE, "about-recurrence")


def test_asking_for_other_options_gets_the_treatment_menu(content: Content) -> None:
    for words, lang in (("what are my options", "en"), ("any other options", "en"), ("otras opciones", "es")):
        reply = TextNavigator(content).reply(TextState(lang=lang), words)
        assert (reply.show, reply.state.menu) == (Show.MENU, "medicines"), words


def test_double_vision_swallowing_or_sleep_find_a_symptom_page_that_says_when_to_call(
    content: Content,
) -> None:
    asked = (("i see double", "symptoms-brain"), ("veo doble", "symptoms-brain"),
             ("i have trouble swallowing", "symptoms-general"), ("no puedo tragar", "symptoms-general"),
             ("i cant sleep", "symptoms-general"), ("no puedo dormir", "symptoms-general"),
             ("i havent slept in days", "symptoms-general"), ("no he dormido en dias", "symptoms-general"))
    for words, topic in asked:
        reply = TextNavigator(content).reply(TextState(), words)
        first = content.topic_text(topic, reply.state.lang).sms[reply.state.page]
        assert (reply.show, reply.state.topic) == (Show.PAGE, topic) and "911" in first, words


def test_taking_care_of_someone_is_no_medicine_but_taking_a_pill_may_be(content: Content) -> None:
    texts = TextNavigator(content)
    assert texts.reply(TextState(), "what are you taking care of").state.menu != "medicines"
    assert texts.reply(TextState(), "im taking something called zorbix").state.menu == "medicines"


@pytest.mark.parametrize("words", ["what should i do", "What do I do now?", "qué hago"])
def test_asking_what_to_do_after_a_page_gets_a_person_and_911_not_what_the_line_is(
    content: Content, words: str
) -> None:
    texts = TextNavigator(content)
    page = texts.reply(TextState(), "yellow skin")
    assert page.show is Show.PAGE
    assert texts.reply(page.state, words).show is Show.DISTRESS
    first = texts.reply(TextState(), words).show  # a first text: what the line is; "...now", a person
    assert first is (Show.DISTRESS if "now" in words.lower() else Show.HELP)


@pytest.mark.parametrize("words", ["no", "Nope", "not now", "ahora no"])
def test_a_plain_no_gets_the_menu_with_how_to_reach_a_person(content: Content, words: str) -> None:
    """"no" after the Lifeline's words had got "We did not find that"."""
    texts = TextNavigator(content)
    crisis = texts.reply(TextState(), "i want to die")
    assert crisis.show is Show.CRISIS
    reply = texts.reply(crisis.state, words)
    assert (reply.show, reply.state.menu, reply.person, reply.notices) == (Show.MENU, "main", True, ())


@pytest.mark.parametrize(("words", "lang"), [
    ("im in remission!", "en"), ("my oncologist says im stable", "en"), ("the tumor shrank", "en"),
    ("i rang the bell today", "en"), ("estoy en remisión", "es"), ("el tumor se redujo", "es"),
    ("my tumor shrank and the pain is gone", "en"), ("el tumor se redujo y ya no le duele", "es"),
])
def test_good_news_told_is_glad_to_hear_not_not_found(content: Content, words: str, lang: str) -> None:
    reply = TextNavigator(content).reply(TextState(lang=lang), words)
    assert reply.show is Show.GLAD, words
    assert wording.text_message(content, reply).startswith(("That is good to hear.", "Qué bueno")), words


@pytest.mark.parametrize("words", [
    "is the chemo working", "how do i know if the chemo is working",
    "my scan was clear but what about tamoxifen",
])
def test_asking_whether_treatment_works_is_no_good_news(content: Content, words: str) -> None:
    assert TextNavigator(content).reply(TextState(), words).show is not Show.GLAD


@pytest.mark.parametrize(("words", "topic"), [
    ("my wife finished radiation last month. now she has headaches every morning", "symptoms-brain"),
    ("i finished chemo and now my back hurts", "symptoms-bones"),
    ("finished radiation today and my skin is sore", "treat-radiation"),
])
def test_good_news_told_with_a_symptom_answers_the_symptom(content: Content, words: str, topic: str) -> None:
    """The first had got "That is good to hear"."""
    reply = TextNavigator(content).reply(TextState(), words)
    assert (reply.show, reply.state.topic) == (Show.PAGE, topic), reply


def test_a_spanish_sentence_with_a_word_shared_with_english_is_answered_in_spanish(content: Content) -> None:
    """"no quiere ir al doctor" had been answered in English ("doctor" and "no" are both)."""
    reply = TextNavigator(content).reply(TextState(), "no quiere ir al doctor")
    assert reply.state.lang == "es"
