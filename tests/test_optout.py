"""Which messages opt a number out or back in: every way people write STOP, and what is not STOP."""

from __future__ import annotations

import pytest

from service.core.optout import control_word

# Every one of these opts out (the rule is in service/core/optout.py and the README).
STOPS_EN = [
    "STOP", "stop", " sToP ", "STOP!", "Stop.", "stop!!!", "STOPALL", "stop all", "UNSUBSCRIBE", "CANCEL",
    "END", "QUIT", "REVOKE", "OPTOUT", "opt-out", "Opt out", "stop please", "please stop",
    "STOP texting me", "Stop sending me these", "stop sending me these texts", "Stop it", "stop this",
    "stop now", "Stop, thanks", "STOP STOP STOP", "I said stop", "just stop", "ok stop",
    "Don't text me", "dont text me", "Do not text me again", "Please don't text me anymore",
    "don’t text me", "DO NOT MESSAGE ME", "No more texts", "no more texts please", "no more messages",
    "I don't want these texts", "i dont want any more messages", "please stop texting me",
    "can you stop sending me texts", "Unsubscribe me", "unsubscribe me from this",
    "remove me from your list", "take me off this list", "opt me out", "stop messaging me",
    "quit texting me", "end texts", "cancel texts", "Stop. I don't want these",
    "STOP! who is this", "stopp", "stpo", "unsubcribe", "remove my number", "delete my number from your list",
    "remove me", "please remove me", "take me off", "i dont want these anymore", "remove", "Remove please",
]
STOPS_ES = [
    "PARAR", "parar", "Alto", "ALTO!", "baja", "Detener", "CANCELAR", "parar por favor", "alto por favor",
    "baja por favor", "No me escriban más", "no me escriban mas", "No me manden más mensajes",
    "no me envíen mensajes", "No quiero más mensajes", "ya no quiero recibir mensajes",
    "No más mensajes", "Dejen de escribirme", "dejen de enviarme mensajes", "deja de mandarme mensajes",
    "Quiero darme de baja", "denme de baja", "Quítenme de la lista", "cancelar mensajes",
    "parar los mensajes", "no me vuelvan a escribir", "Por favor no me escriban", "basta de mensajes",
    "para ya", "ya paren por favor", "no me molesten más",
]
# The same words in letters that look alike or are written another way.
STOPS_DISGUISED = [
    "ＳＴＯＰ", "𝐒𝐓𝐎𝐏", "𝓢𝓣𝓞𝓟", "SТОР",  # full width, bold and script mathematical letters; Cyrillic Т, О, Р
    "ЅТОР", "S\u200bTOP", "S\u200dT\u200dO\u200dP", "stóp", "S̶T̶O̶P̶", "ⓢⓣⓞⓟ", "🅢🅣🅞🅟", "🇸🇹🇴🇵",
    "ꜱᴛᴏᴘ", "S T O P", "s.t.o.p", "Ｓｔｏｐ ｐｌｅａｓｅ", "ＰＡＲＡＲ", "ᴜɴꜱᴜʙꜱᴄʀɪʙᴇ", "Dοn't tеxt mе",
    "ＮＯ ＭＥ ＥＳＣＲＩＢＡＮ ＭＡＳ",
]


@pytest.mark.parametrize("body", STOPS_EN + STOPS_ES + STOPS_DISGUISED)
def test_stop_in_every_form(body: str) -> None:
    assert control_word(body) == "stop"


def test_the_corpus_is_broad() -> None:
    assert len(STOPS_EN + STOPS_ES + STOPS_DISGUISED) >= 60
    assert len(STOPS_ES) >= 20


@pytest.mark.parametrize(
    "body", ["START", "start", "Yes", "YES!", "UNSTOP", "un stop", "ＳＴＡＲＴ", "COMENZAR", "reanudar"]
)
def test_start_words(body: str) -> None:
    assert control_word(body) == "start"


# People's questions that contain a stop word but ask something: answered, never opted out.
@pytest.mark.parametrize(
    "body",
    ["how to stop bone pain", "will the pain end", "cancel my appointment", "yes liver", "starting chemo",
     "stopped", "", "menu", "help", "stop the pain", "stop chemo", "can i stop chemo", "Stop bone pain",
     "stop bleeding", "end of life care", "stop taking tamoxifen", "quit smoking", "when can I stop",
     "stop i have pain in my chest", "baja de peso", "parar el dolor", "alto riesgo",
     "cómo parar el dolor", "me van a dar de baja del hospital", "text me this", "send me the info",
     "can you text me", "does it spread to the brain", "step", "spot on my skin", "post", "tops",
     "what is the end stage", "I can't stop crying", "don't know what to do",
     "no more chemo", "¿me pueden mandar información?", "para ya saber", "remove my port",
     "can they remove my number of lymph nodes", "para el dolor", "i dont want this anymore",
     "remove me from the chemo trial", "i dont want chemo anymore"],
)
def test_other_messages_are_not_control_words(body: str) -> None:
    assert control_word(body) is None
