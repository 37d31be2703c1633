"""Checks that need the line's own wording: every text message as sent fits the plain SMS alphabet
and two segments, and no keyword is a command word (which would hide it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from service.checker.paths import menu_path
from service.checker.usable import usable_content
from service.content.loader import Reading
from service.content.model import MAIN_MENU, Content
from service.content.prompts import Prompt, is_sms
from service.content.yamlfile import Problem, YamlDoc
from service.core import wording
from service.core.commands import command_words
from service.core.gsm import MAX_SEGMENTS, SEGMENT_LIMIT, folded_letters, non_gsm, segments, to_gsm
from service.core.texts import NOT_FOUND, Show

SMS_NOTICES = (*NOT_FOUND, Prompt.SMS_NO_MORE)
LONGEST_PHONE = "+1 (555) 555-0199 ext 12"  # HELP must fit with any LINE_PHONE up to this long
LONGEST_HELPLINE = "+999999999999999"  # the longest E.164 HELPLINE_PHONE: 15 digits
TWO_PLACE_LETTERS = "€ [ ] { } ~ ^ | \\"  # GSM-7's escaped characters, as an editor types them


def serving_problems(reading: Reading) -> list[Problem]:
    """Problems that stop the line from serving the content, beyond the files' own shape."""
    return [*prompt_alphabet_problems(reading), *command_word_problems(reading), *sms_problems(reading)]


def prompt_alphabet_problems(reading: Reading) -> Iterator[Problem]:
    """Prompts sent by text use only the plain SMS alphabet."""
    doc = reading.docs.get(reading.prompts_file)
    if doc is None:
        return
    for lang, prompts in reading.readable.prompts.items():
        for prompt in Prompt:
            text = prompts.get(prompt.value, "")
            if is_sms(prompt) and len(folded_letters(text)) < len(non_gsm(text)):
                yield doc.problem((lang, prompt.value), gsm_message(text))


def command_word_problems(reading: Reading) -> Iterator[Problem]:
    """A keyword that is also a command never reaches its topic: the command always wins."""
    commands = command_words()
    content = reading.readable
    for owner in content.nodes():
        for lang, written in owner.texts.items():
            for index, keyword in enumerate(written.keywords):
                if keyword in commands:
                    doc, path = keyword_place(reading, owner.id, lang, index)
                    yield doc.problem(path, f"{keyword!r} is a command word and cannot be a keyword")


def sms_problems(reading: Reading) -> Iterator[Problem]:
    """Every message the SMS line can send stays GSM-7 and within two segments."""
    content = usable_content(reading)
    if content is None:
        return
    menus_doc = reading.docs.get(reading.menus_file)
    prompts_doc = reading.docs.get(reading.prompts_file)
    for lang in content.languages:
        longest = max((content.prompt(n, lang) for n in SMS_NOTICES), key=len)
        for topic in content.topics.values():
            for page, body in enumerate(topic.texts[lang].sms):
                if not body:
                    continue  # the loader names the empty page
                message = wording.sms_page(content, topic.id, page, lang)
                yield from message_problems(reading.docs[topic.file], (lang, "sms", page), message)
        for menu_id in content.menus:
            message = wording.sms_menu(content, menu_id, lang, longest)
            if menus_doc is not None:
                yield from message_problems(menus_doc, menu_path(menus_doc, menu_id), message)
        if prompts_doc is not None:
            yield from _prompt_problems(prompts_doc, content, lang)


def _prompt_problems(doc: YamlDoc, content: Content, lang: str) -> Iterator[Problem]:
    """HELP (with a long phone number), the START confirmation and the apology fit one reply."""
    help_text = wording.sms_help(content, lang, LONGEST_PHONE)
    yield from message_problems(doc, (lang, Prompt.SMS_HELP.value), help_text)
    for name in (Prompt.SMS_RESUBSCRIBED, Prompt.SMS_ERROR, Prompt.SMS_OPTED_OUT, Prompt.SMS_OPTED_OUT_CRISIS,
                 Prompt.SMS_MEDIA):
        yield from message_problems(doc, (lang, name.value), wording.sms_prompt(content, name, lang))
    yield from _safety_problems(doc, content, lang)


def _safety_problems(doc: YamlDoc, content: Content, lang: str) -> Iterator[Problem]:
    """The crisis reply; the urgent (with each sign's sentence) and distress replies with the longest
    topic offered and the longest helpline,
    the not-understood menu ending with how to reach a person, and the unknown-medicine menu."""
    offer = max(content.topics, key=lambda t: len(content.title(t, lang)), default="")
    shows = (
        (Show.CRISIS, Prompt.SMS_CRISIS),
        (Show.URGENT, Prompt.SMS_URGENT),
        (Show.DISTRESS, Prompt.SMS_DISTRESS),
    )
    for show, name in shows:
        message = wording.sms_triage(content, show, offer, lang, LONGEST_HELPLINE)
        yield from message_problems(doc, (lang, name.value), message)
    for sign in content.signs:  # an urgent reply starts with its sign's own sentence (signs.yaml)
        message = wording.sms_triage(content, Show.URGENT, offer, lang, LONGEST_HELPLINE, sign=sign.id)
        yield from message_problems(doc, (lang, Prompt.SMS_URGENT.value), message)
    notice = max((content.prompt(name, lang) for name in NOT_FOUND), key=len)
    for helpline, name in (("", Prompt.SMS_PERSON), (LONGEST_HELPLINE, Prompt.SMS_PERSON_HELPLINE)):
        person = wording.sms_person(content, lang, helpline)
        message = wording.sms_menu(content, MAIN_MENU, lang, notice) + person
        yield from message_problems(doc, (lang, name.value), message)
    medicine = content.prompt(Prompt.SMS_UNKNOWN_MEDICINE, lang)
    longest = max(content.menus, key=lambda m: len(wording.sms_menu(content, m, lang, "", False)))
    message = wording.sms_menu(content, longest, lang, medicine, with_intro=False)
    yield from message_problems(doc, (lang, Prompt.SMS_UNKNOWN_MEDICINE.value), message)


def message_problems(doc: YamlDoc, path: tuple[Any, ...], message: str) -> Iterator[Problem]:
    """A message as sent: plain alphabet (accented letters are folded, with a note), at most two segments."""
    folded = folded_letters(message)
    if len(folded) < len(non_gsm(message)):
        yield doc.problem(path, gsm_message(message))
    elif folded:
        shown = ", ".join(f"{c} -> {to_gsm(c)}" for c in folded)
        yield doc.problem(path, f"sent with these letters folded to plain SMS letters: {shown}", "note")
    sent = segments(to_gsm(message))
    if sent.units > SEGMENT_LIMIT:
        yield doc.problem(
            path, f"{sent.units} characters as sent (with the reply hint), over the {SEGMENT_LIMIT} budget"
        )
    elif sent.count > MAX_SEGMENTS:
        yield doc.problem(
            path, f"{sent.units} characters as sent (with the reply hint) arrive in {sent.count} segments, "
            f"over the budget of {MAX_SEGMENTS}: {TWO_PLACE_LETTERS} take two places and are never split "
            "between segments; shorten the text a little"
        )


def gsm_message(text: str) -> str:
    """What to tell an editor about letters a text message cannot carry."""
    shown = " ".join(repr(c) for c in non_gsm(text) if c not in folded_letters(text))
    return f"has characters outside the plain SMS alphabet (GSM-7): {shown}"


def keyword_place(reading: Reading, node: str, lang: str, index: int) -> tuple[YamlDoc, tuple[Any, ...]]:
    """The file and path of a topic's or menu's keyword."""
    topic = reading.readable.topics.get(node)
    if topic is not None:
        return reading.docs[topic.file], (lang, "keywords", index)
    doc = reading.docs[reading.menus_file]
    return doc, (*menu_path(doc, node), lang, "keywords", index)
