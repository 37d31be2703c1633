"""The topics as pages to read in large print, in every content language, each with a Listen button.

Public and read-only: they show what the line says, nothing about anyone who used it. TOPIC_PAGES=0
turns them off.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from flask import Blueprint, Flask, abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

from service.content.model import DEFAULT_LANGUAGE, MAIN_MENU, Content
from service.content.prompts import Prompt
from service.speech.cache import audio_name
from service.speech.render import voice_for
from service.web.recordings import audio_cache
from service.web.runtime import Runtime, runtime

bp = Blueprint("topics", __name__, url_prefix="/topics")
SENTENCES_PER_PARAGRAPH = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9¿¡ÁÉÍÓÚÑ])")


def init_app(app: Flask) -> None:
    """Register the pages."""
    app.register_blueprint(bp)


@bp.before_request
def guard() -> None:
    """Off when TOPIC_PAGES=0."""
    if not runtime().settings.topic_pages:
        abort(404)


@dataclass(frozen=True)
class Entry:
    """One node in the index: a menu (with its entries) or a topic."""

    id: str
    title: str
    lang: str
    intro: str = ""
    children: tuple[Entry, ...] = ()

    @property
    def is_menu(self) -> bool:
        return bool(self.children)


@bp.get("")
def home() -> Response:
    """The topics in the default language."""
    return redirect(url_for("topics.index", lang=DEFAULT_LANGUAGE))


@bp.get("/<lang>/")
def index(lang: str) -> str:
    """Every topic, grouped as the phone menus group them."""
    rt = runtime()
    _check_language(rt, lang)
    main = _entry(rt.content, MAIN_MENU, lang, set())
    return render_template(
        "topics.html", lang=lang, menus=main.children, languages=rt.content.languages,
        line_name=rt.content.prompt(Prompt.LINE_NAME, lang),
    )


@bp.get("/<lang>/<topic_id>")
def topic(lang: str, topic_id: str) -> str:
    """One topic to read and listen to."""
    rt = runtime()
    _check_language(rt, lang)
    content = rt.content
    if topic_id not in content.topics:
        abort(404)
    words = content.topic_text(topic_id, lang)
    text_lang = lang if lang in content.topics[topic_id].texts else DEFAULT_LANGUAGE
    route = _route(content).get(topic_id, [])
    return render_template(
        "topic.html",
        lang=lang,
        text_lang=text_lang,
        topic=content.topics[topic_id],
        words=words,
        paragraphs=paragraphs(words.voice),
        crumbs=[
            (menu, content.title(menu, lang), _lang_of(content, menu, lang))
            for menu, _ in route if menu != MAIN_MENU
        ],
        keys=[key for _, key in route],
        text_word=words.keywords[0] if words.keywords else words.title,
        sources=[content.sources[s] for s in content.topics[topic_id].sources if s in content.sources],
        recording=_recording(rt, words.voice, text_lang),
        languages=content.languages,
        line_name=content.prompt(Prompt.LINE_NAME, lang),
    )


def paragraphs(text: str) -> list[str]:
    """Spoken prose as short paragraphs, easier to read in large print than one block."""
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    size = SENTENCES_PER_PARAGRAPH
    return [" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def _check_language(rt: Runtime, lang: str) -> None:
    if lang not in rt.content.languages:
        abort(404)


def _entry(content: Content, node: str, lang: str, seen: set[str]) -> Entry:
    """A menu and everything under it, each node once even if two menus lead to it."""
    seen.add(node)
    words = content.text(node, lang)
    if not content.is_menu(node):
        return Entry(node, words.title, _lang_of(content, node, lang))
    children = tuple(
        _entry(content, option.target, lang, seen)
        for option in content.menus[node].options
        if option.target not in seen
    )
    intro = content.menu_text(node, lang).intro
    return Entry(node, words.title, _lang_of(content, node, lang), intro, children)


def _lang_of(content: Content, node: str, lang: str) -> str:
    """The language a node's words are really in (it falls back to English when not translated)."""
    texts = content.menus[node].texts if content.is_menu(node) else content.topics[node].texts
    return lang if lang in texts else DEFAULT_LANGUAGE


def _route(content: Content) -> dict[str, list[tuple[str, str]]]:
    """For each node, the shortest list of (menu, key) a caller presses from the main menu."""
    routes: dict[str, list[tuple[str, str]]] = {MAIN_MENU: []}
    queue = deque([MAIN_MENU])
    while queue:
        menu = queue.popleft()
        for option in content.menus[menu].options:
            if option.target in routes:
                continue
            routes[option.target] = [*routes[menu], (menu, option.key)]
            if content.is_menu(option.target):
                queue.append(option.target)
    return routes


def _recording(rt: Runtime, text: str, lang: str) -> str:
    """The URL of the topic's recording when audio is on and it is rendered, else ""."""
    if not rt.settings.audio_enabled:
        return ""
    name = audio_name(text, voice_for(rt.settings, lang), rt.settings.speech_rate)
    if not audio_cache().has(name):
        return ""
    return url_for("audio.serve", name=name)
