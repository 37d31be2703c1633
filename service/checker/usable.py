"""The part of a content folder the wording checks can run on, even when other parts are broken."""

from __future__ import annotations

from service.content.loader import Reading
from service.content.model import Content
from service.content.prompts import Prompt


def usable_content(reading: Reading) -> Content | None:
    """The content, or, when files have errors, every topic and menu that can still be worded.

    So one run names all of a broken topic's problems: its SMS budget, its keywords and its
    spoken turns are checked beside the loader's errors, not after they are fixed.
    """
    if reading.content is not None:
        return reading.content
    readable = reading.readable
    languages = readable.languages
    if not languages or any(
        prompt.value not in readable.prompts[lang] for lang in languages for prompt in Prompt
    ):
        return None
    topics = {
        topic_id: topic for topic_id, topic in readable.topics.items()
        if all(lang in topic.texts for lang in languages)
    }
    menus = {m: menu for m, menu in readable.menus.items() if all(lang in menu.texts for lang in languages)}
    while True:  # a menu offering a node that cannot be worded cannot be worded either
        nodes = set(topics) | set(menus)
        kept = {m: menu for m, menu in menus.items() if all(o.target in nodes for o in menu.options)}
        if len(kept) == len(menus):
            break
        menus = kept
    if "main" not in menus:
        return None
    return Content(
        topics, menus, readable.prompts, readable.sources, readable.near_main,
        phones=readable.phones, signs=readable.signs, medicines=readable.medicines, sites=readable.sites,
    )
