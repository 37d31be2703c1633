"""A menu's choice named by its words: "the liver", said at Symptoms, is Liver symptoms.

A caller hears "The liver, 3" and says "the liver"; a texter at the symptoms menu sends "liver". The
words alone find where the cancer spreads to the liver, a topic of another menu; at this menu they
name one of its own choices, so that choice is what they mean. What the words found stays when it is
one of the menu's choices or under one ("radiation" at the main menu: Radiation itself, not the menu
of other treatments), and when the words fit no one choice alone.
"""

from __future__ import annotations

from service.content.model import Content
from service.core.understand.meaning import reachable
from service.words.fold import normalize

STEM_LETTERS = 5  # "lung" and "lungs", "pulmón" and "pulmones", "chemo" and "chemotherapy" are one word
# Words around a choice's name, said or texted ("the liver one", "la del hígado", "lungs please").
AROUND_A_CHOICE = frozenset(
    "the a an one ones please option choice number about and other for that this on i want to hear go "
    "lets let me us tell more ok okay um uh so yes "
    "el la los las lo de del un una uno y otro otros otra otras por favor opcion numero sobre quiero "
    "oir escuchar saber mas pues este esta eso".split()
)


def option_named(content: Content, menu: str, lang: str, words: str, found: str | None) -> str | None:
    """The choice of `menu` the words name by its label or title, else `found` (what they matched)."""
    if not content.is_menu(menu):
        return found
    targets = [option.target for option in content.menus[menu].options]
    if found is not None and (found in targets or found in reachable(content, menu)):
        return found  # one of the menu's choices, or under one
    said = _stems(words)
    if not said:
        return found
    named = [target for target in targets if said <= _choice_stems(content, target, lang)]
    return named[0] if len(named) == 1 else found


def _choice_stems(content: Content, target: str, lang: str) -> frozenset[str]:
    """The words a choice is said and written with: its spoken label and its title."""
    return _stems(f"{content.label(target, lang)} {content.title(target, lang)}")


def _stems(text: str) -> frozenset[str]:
    """A text's words, less those around a choice's name, each cut to its stem."""
    words = normalize(text).split()
    return frozenset(word.rstrip("s")[:STEM_LETTERS] for word in words if word not in AROUND_A_CHOICE)
