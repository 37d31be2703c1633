"""The topics as pages: every topic readable in every content language, public, with its recording."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from flask import Flask

from service.config import Settings
from service.content import Content
from service.speech.cache import audio_name
from service.web.app import create_app
from service.web.pages.topic_pages import paragraphs

ELSEWHERE = {"REMOTE_ADDR": "203.0.113.7"}


def page(app: Flask, path: str) -> str:
    answer = app.test_client().get(path, environ_base=ELSEWHERE)
    assert answer.status_code == 200, path
    return html.unescape(answer.get_data(as_text=True))


def test_every_topic_has_a_page_in_every_language_linked_from_the_index(app: Flask, content: Content) -> None:
    for lang in content.languages:
        index = page(app, f"/topics/{lang}/")
        for topic_id in content.topics:
            assert f'href="/topics/{lang}/{topic_id}"' in index, topic_id
            body = page(app, f"/topics/{lang}/{topic_id}")
            words = content.topic_text(topic_id, lang)
            assert re.search(rf"<h1( lang=\"{lang}\")?>{re.escape(words.title)}</h1>", body), (lang, topic_id)
            text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
            assert " ".join(words.voice.split()) in text


def test_the_topics_are_public_even_with_a_real_token(app: Flask) -> None:
    assert app.test_client().get("/topics", environ_base=ELSEWHERE).status_code == 302
    assert "Liver" in page(app, "/topics/en/spread-liver")


def test_a_topic_page_says_which_keys_and_which_word_reach_it(app: Flask) -> None:
    body = page(app, "/topics/en/spread-liver")
    assert "press 3, then 3" in body and "send the word <strong>liver</strong>" in body
    assert 'href="/topics/en/#spread"' in body


def test_unknown_topics_and_languages_are_not_found(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/topics/en/no-such-topic").status_code == 404
    assert client.get("/topics/xx/").status_code == 404
    assert client.get("/topics/en/spread").status_code == 404  # a menu is a section of the index


def test_topic_pages_can_be_turned_off(make_app) -> None:
    assert make_app(topic_pages=False).test_client().get("/topics/en/").status_code == 404


def test_listen_uses_the_recording_when_audio_is_on_and_it_is_rendered(
    make_app, tmp_path: Path, content: Content
) -> None:
    folder = tmp_path / "audio"
    folder.mkdir()
    name = audio_name(content.topic_text("spread-liver").voice, "en-us", 150)
    (folder / f"{name}.wav").write_bytes(b"RIFF")
    with_audio = page(make_app(audio_enabled=True, audio_dir=folder), "/topics/en/spread-liver")
    assert f'data-audio="/audio/{name}.wav"' in with_audio and f'src="/audio/{name}.wav"' in with_audio
    not_rendered = page(make_app(audio_enabled=True, audio_dir=folder), "/topics/en/spread-brain")
    assert 'data-audio=""' in not_rendered and "<audio" not in not_rendered
    audio_off = page(make_app(audio_dir=folder), "/topics/en/spread-liver")
    assert 'data-audio=""' in audio_off


def test_paragraphs_keep_every_sentence_in_order() -> None:
    text = "One is here. Two is 2.5 big! Three? Four. Five."
    split = paragraphs(text)
    assert split == ["One is here. Two is 2.5 big! Three?", "Four. Five."]


def test_topic_pages_link_to_the_phone_only_where_it_is_on(make_app) -> None:
    assert 'href="/"' not in page(make_app(), "/topics/en/spread-liver")
    assert 'href="/"' in page(make_app(simulator=True, simulator_password="pw"), "/topics/en/spread-liver")
    assert 'href="/"' in page(make_app(twilio_auth_token="", local_demo=True), "/topics/en/")


def with_spanish(content: Content) -> Content:
    """The content with a stand-in Spanish translation, as the loader builds it once `es` is added."""
    topics = {
        tid: replace(t, texts={**t.texts, "es": replace(t.texts["en"], title="ES " + t.texts["en"].title)})
        for tid, t in content.topics.items()
    }
    menus = {
        mid: replace(m, texts={**m.texts, "es": replace(m.texts["en"], title="ES " + m.texts["en"].title)})
        for mid, m in content.menus.items()
    }
    prompts = {**content.prompts, "es": content.prompts["en"]}
    return replace(content, topics=topics, menus=menus, prompts=prompts)


def test_a_second_language_gets_its_own_pages_marked_with_its_language(
    settings: Settings, content: Content, tmp_path: Path
) -> None:
    app = create_app(settings, instance_path=str(tmp_path / "instance"), content=with_spanish(content))
    index = page(app, "/topics/es/")
    assert '<a href="/topics/es/spread-liver" lang="es">ES Liver</a>' in index
    assert 'hreflang="en"' in index and ">Español</a>" in index
    body = page(app, "/topics/es/spread-liver")
    assert '<h1 lang="es">ES Liver</h1>' in body and 'id="topic-text" class="topic-text" lang="es"' in body
    assert 'lang="es">ES Where it spreads</a>' in body and 'data-lang="es"' in body
    english = page(app, "/topics/en/spread-liver")
    assert "<h1>Liver</h1>" in english and 'href="/topics/es/spread-liver"' in english


def test_flask_audio_render_plans_the_recording_each_topic_page_plays(content: Content) -> None:
    from service.config import Settings
    from service.speech.render import plan_audio

    planned = {job.name for job in plan_audio(content, Settings())}
    for topic in content.topics:
        assert audio_name(content.topic_text(topic).voice, "en-us", 150) in planned, topic
