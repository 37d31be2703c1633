"""Whether a text opts out or back in: checked before anything else, on the whole message.

The rule (README, "Opting out"), on the message folded as every match is (service.words.fold):
- The whole message is a stop word, in any letters, case, spacing or punctuation ("STOP", "ＳＴＯＰ",
  "S T O P", "Stop!!", "opt-out"), or a typo of one that cannot be another word ("stopp", "stpo",
  "unsubcribe"): it opts out.
- A message that starts with a stop word opts out when nothing follows but polite words or words
  about the texts themselves ("Stop please", "STOP texting me", "stop sending me these", "end texts",
  "cancelar mensajes"), or when the stop word ends its own sentence ("STOP. I don't want these").
  A stop word followed by anything else is a person's question and is answered as one: "stop the
  pain", "stop chemo", "stop bone pain", "end of life care", "cancel my appointment".
- A message that says plainly not to text opts out wherever it says it: "don't text me", "no more
  texts", "remove me from your list", "no me escriban más", "dejen de enviarme mensajes", "quiero
  darme de baja".
- Words in the middle of a question ("how to stop bone pain", "can I stop chemo") never opt out.
"""

from __future__ import annotations

import re
from typing import Literal

from rapidfuzz.distance import DamerauLevenshtein

from service.core.commands import START_WORDS, STOP_WORDS
from service.core.kept import Kept
from service.words.fold import fold_text

CHECKED_CHARS = 300
KEPT_READINGS = 4096  # messages whose reading is kept (at most CHECKED_CHARS each: about 1 MB)
# Words that may stand beside a stop word without making the message about something else.
POLITE_WORDS = frozenset(
    "please pls plz now it all me us them these those this that the your ur you any anymore more "
    "thanks thank thx ok okay already just right away immediately forever again i said no oh omg ugh "
    "por favor ya gracias todo todos todas me los las sus tus estos esos de el la lo ahora".split()
)
# Words about the texts themselves: after a stop word they make it an opt-out ("stop texting").
TEXTING_WORDS = frozenset(
    "text texts texting txt txts txting message messages messaging msg msgs sms send sending sent "
    "contact contacting spam spamming bothering bugging notifications alerts subscription list "
    "mensaje mensajes textos texto sms envios enviar enviarme mandar mandarme escribir escribirme "
    "suscripcion notificaciones alertas lista".split()
)
# Stop words that begin many questions too: they stop alone, or before words about the texts.
# The others ("unsubscribe", "optout", "stopall", "revoke") mean nothing else, so they always stop.
ORDINARY_STOP_WORDS = frozenset({"stop", "end", "cancel", "quit", "parar", "alto", "baja", "detener",
                                 "cancelar"})
SENTENCE_STOP_WORDS = frozenset({"stop", "parar", "detener"})  # "STOP. ..." is a command, not a question
# Plain ways of saying "do not text me", in English and Spanish, as folded text reads them.
_PLAINLY = re.compile(
    r"\b(?:"
    r"(?:dont|do not|never|pls dont|please dont|please do not) (?:ever )?"
    r"(?:text|txt|message|msg|sms|send|contact|write)(?: me| us| this number| to me| here)"
    r"|(?:dont|do not) (?:ever )?(?:text|txt|message|msg|sms)(?: again| anymore|$)"
    r"|no (?:more|further) (?:texts?|txts?|messages?|msgs?|sms|texting|messaging)"
    r"|(?:stop|quit|cease|end) (?:texting|txting|messaging|sending|contacting|spamming|bothering|bugging)"
    r"|(?:i )?(?:dont|do not) want (?:any |these |your |this |those )?(?:more |further )?"
    r"(?:texts?|txts?|messages?|msgs?|text messages)"
    r"|unsubscribe|opt (?:me )?out"
    r"|^(?:please )?(?:remove|take) me(?: off)?(?: please| now| thanks| thank you)?$"
    r"|^(?:please )?remove(?: please| now| thanks| thank you)?$"
    r"|^(?:i )?(?:dont|do not) want (?:these|them|any more of these|any of these)(?: anymore| any more)?$"
    r"|(?:remove|take) me (?:off|from|out of) (?:of )?(?:this |your |the |ur |these |all |yall )?"
    r"(?:list|texts?|messages?|line|number|service)"
    r"|no me (?:escriban|escribas|escriba|manden|mandes|mande|envien|envies|envie|contacten|contactes"
    r"|texteen|textees|vuelvan a|vuelvas a)"
    r"|(?:ya )?no (?:quiero|deseo) (?:recibir )?(?:mas |estos |sus |los )?(?:mensajes|textos|sms)"
    r"|no (?:mas|envien|manden) (?:mensajes|textos|sms)"
    r"|(?:dejen|deja|deje|dejar|paren|para|pare) de (?:escribirme|enviarme|mandarme|enviar|mandar|escribir"
    r"|textear)"
    r"|(?:(?:quiero|quisiera|deseo|favor de|pueden|puede) darme|denme|deme|dame) de baja"
    r"|de baja (?:de|del) (?:la lista|los mensajes|estos mensajes|este servicio|este numero|esta linea)"
    r"|(?:quitenme|quiteme|quitame|saquenme|saqueme|sacame|borrenme|borreme|borrame|eliminenme|elimineme)"
    r"|(?:remove|delete|erase|take) (?:my )?(?:number|phone number|cell number|cell|info|information)"
    r"(?: off| from)? ?(?:your |this |the )?(?:list)?$"
    r"|basta (?:de|con los) (?:mensajes|textos|sms)|no me (?:molesten|moleste|molestes) mas"
    r"|^(?:ya )?(?:para|pare|paren|parale|parenle) (?:ya|por favor|de una vez)$"
    r")\b"
)
_WORD = re.compile(r"[a-z0-9]+")
_READ: Kept[str, Control | None] = Kept(KEPT_READINGS)
# The keywords Twilio's own opt-out handling answers, when they are the whole message.
TWILIO_STOP_KEYWORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke",
                                  "optout"})
SPANISH_WORDS = frozenset(
    "parar alto baja detener cancelar mensajes mensaje textos escriban escribas escribirme enviarme "
    "mandarme manden envien quiero mas favor dejen deja quitenme lista".split()
)
_SENTENCE_END = re.compile(r"^\W*([a-z]+)\s*[.!]")
LONG_STOP_WORDS = tuple(sorted(word for word in STOP_WORDS if len(word) >= 8))
TYPO_SIMILARITY = 0.85  # for long stop words only ("unsubcribe"): short ones have real neighbours

Control = Literal["stop", "start"]


def control_word(body: str, opt_out_type: str = "") -> Control | None:
    """Whether a message opts out ("stop") or back in ("start"); None for anything else.

    `opt_out_type` is Twilio's OptOutType, when its opt-out handling read the message first:
    its word (for keywords an operator may have added in Twilio's console) is taken as it is.
    """
    told = opt_out_type.strip().lower()
    if told in ("stop", "start"):
        return "stop" if told == "stop" else "start"
    body = body[:CHECKED_CHARS]
    return _READ.get(body, lambda: _control_words(body))


def _control_words(body: str) -> Control | None:
    """control_word's reading of the words themselves (kept per message: texts repeat, and each
    text is read twice, by the rate limits and by the webhook)."""
    text = fold_text(body)
    words = _WORD.findall(text)
    if not words:
        return None
    joined = "".join(words)
    if joined in STOP_WORDS or _stop_typo(joined, len(words)):
        return "stop"
    if joined in START_WORDS:
        return "start"
    if _starts_with_stop(words, text) or _only_polite(words) or _PLAINLY.search(" ".join(words)):
        return "stop"
    return None


def confirmed_by_twilio(body: str, opt_out_type: str = "", keywords_read: bool = True) -> bool:
    """Whether Twilio sends its own confirmation: it read the opt-out (OptOutType), or the message is
    exactly one of its keywords where Twilio reads them (SMS; on WhatsApp only a Messaging Service's
    Advanced Opt-Out reads them, and says so in OptOutType). Any other opt-out the line confirms, once."""
    by_keyword = keywords_read and body.strip().lower() in TWILIO_STOP_KEYWORDS
    return bool(opt_out_type.strip()) or by_keyword


def language_of(body: str) -> str:
    """The language to confirm an opt-out in: Spanish when the message has Spanish words, else English."""
    return "es" if SPANISH_WORDS.intersection(_WORD.findall(fold_text(body[:CHECKED_CHARS]))) else "en"


def _only_polite(words: list[str]) -> bool:
    """A stop word among polite words only, anywhere ("please STOP texting me", "I said stop")."""
    others = [word for word in words if word not in STOP_WORDS]
    return len(others) < len(words) and all(word in POLITE_WORDS or word in TEXTING_WORDS for word in others)


def _starts_with_stop(words: list[str], text: str) -> bool:
    """A stop word first, then only polite words or words about the texts, or its sentence's end."""
    first = words[0]
    if first not in STOP_WORDS:
        return False
    if first not in ORDINARY_STOP_WORDS:
        return True
    rest = [word for word in words[1:] if word not in POLITE_WORDS]
    if not rest or rest[0] in TEXTING_WORDS or rest[0] in STOP_WORDS:
        return True
    sentence = _SENTENCE_END.match(text)
    return sentence is not None and sentence.group(1) in SENTENCE_STOP_WORDS


def _stop_typo(joined: str, count: int) -> bool:
    """A one-word message that is a stop word with a doubled letter or two letters swapped ("stopp",
    "stpo"), or a long stop word misspelt ("unsubcribe"); never a real word such as "step" or "spot"."""
    if count > 2 or not joined.isalpha():
        return False
    squeezed = re.sub(r"(.)\1+", r"\1", joined)
    if squeezed in STOP_WORDS:
        return True
    swapped = (joined[:i] + joined[i + 1] + joined[i] + joined[i + 2:] for i in range(len(joined) - 1))
    if any(word in STOP_WORDS - ORDINARY_STOP_WORDS or word == "stop" for word in swapped):
        return True
    return len(joined) >= 8 and any(
        DamerauLevenshtein.normalized_similarity(joined, word) >= TYPO_SIMILARITY for word in LONG_STOP_WORDS
    )
