"""The try-it page in a real browser: a person calls and texts the line by keyboard and reads the topics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import soundfile
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from service.content import Content
from service.content.model import MAIN_MENU
from service.core.wording import topic_parts
from service.speech.cache import audio_name
from tests.web.pages.conftest import DESKTOP, WAIT_MS, Serve, screenshot

FOCUSABLE_ON_PHONE = {
    "dial", "key-1", "key-0", "key-#", "say-words", "wait", "speak-aloud", "text-body", "send-STOP",
}
# A stand-in for the browser's voice that records what it is asked to say (headless chromium has none).
SPEECH_STUB = """
window.__spoken = [];
window.speechSynthesis.speak = (u) => { window.__spoken.push({text: u.text, lang: u.lang}); };
window.speechSynthesis.cancel = () => { window.__spoken.push({cancel: true}); };
"""


def heard_after(page: Page, action: Callable[[], None]) -> str:
    """Do something on the phone and return what the line says next, once it is in the transcript."""
    said = page.locator("#transcript li.line")
    before = said.count()
    action()
    expect(said).to_have_count(before + 1)
    return " ".join(said.last.inner_text().split())


def words(text: str) -> str:
    return " ".join(text.split())


def dial(page: Page, base: str) -> str:
    """Call the line and pick English at the opening's language choice: what is heard then."""
    page.goto(base + "/")
    heard_after(page, lambda: page.get_by_role("button", name="Call the line").click())
    return heard_after(page, lambda: page.keyboard.press("1"))


def test_a_caller_dials_presses_keys_on_the_keyboard_and_reaches_every_main_topic(
    page: Page, serve: Serve, demo_app: Flask, content: Content
) -> None:
    page.goto(serve(demo_app) + "/")
    page.get_by_role("button", name="Call the line").focus()
    opening = heard_after(page, lambda: page.keyboard.press("Enter"))
    assert "call 911" in opening and "Para español, oprima 2" in opening
    welcome = heard_after(page, lambda: page.keyboard.press("1"))
    assert "This is the Breast Cancer Spread Info Line" in welcome and "press 1" in welcome
    expect(page.locator(".key[data-key='1']")).to_be_focused()
    expect(page.locator("#call-status")).to_contain_text("On a call")
    for option in content.menus[MAIN_MENU].options:
        menu = heard_after(page, lambda key=option.key: page.keyboard.press(key))
        if option.target in content.topics:  # the urgent signs: one key from the main menu
            assert words(topic_parts(content, option.target, "en")[0]) in menu
            heard_after(page, lambda: page.keyboard.press("0"))
            continue
        assert words(content.menu_text(option.target).intro) in menu
        first = content.menus[option.target].target("1")
        topic = heard_after(page, lambda: page.keyboard.press("1"))
        is_topic = first in content.topics
        expected = topic_parts(content, first, "en")[0] if is_topic else content.menu_text(first).intro
        assert words(expected) in topic, first
        if option.key == "3":
            screenshot(page, "phone")
        heard_after(page, lambda: page.keyboard.press("0"))
    assert "Pressed 1." in page.locator("#transcript").inner_text()


def test_a_caller_says_words_lets_it_time_out_and_hangs_up(
    page: Page, serve: Serve, demo_app: Flask, content: Content
) -> None:
    base = serve(demo_app)
    dial(page, base)
    page.get_by_label("Words to say").fill("liver")
    liver = heard_after(page, lambda: page.get_by_label("Words to say").press("Enter"))
    assert words(topic_parts(content, "spread-liver", "en")[0]) in liver
    wait = page.get_by_role("button", name="Say nothing (let it time out)")
    for _ in range(2):
        assert "did not hear" in heard_after(page, wait.click)
    goodbye = heard_after(page, wait.click)
    assert "Goodbye" in goodbye and "The line hangs up." in goodbye
    expect(page.locator("#call-status")).to_contain_text("No call")
    expect(page.get_by_role("button", name="Hang up")).to_be_disabled()
    dial(page, base)
    page.get_by_role("button", name="Hang up").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#transcript")).to_contain_text("You hang up.")
    expect(page.get_by_role("button", name="Call the line")).to_be_focused()
    page.keyboard.press("5")
    expect(page.locator("#transcript li.note").last).to_contain_text("There is no call")


def test_speak_aloud_gives_each_line_to_the_browsers_voice(page: Page, serve: Serve, demo_app: Flask) -> None:
    page.add_init_script(SPEECH_STUB)
    page.goto(serve(demo_app) + "/")
    page.get_by_label("Speak what the line says out loud").check()
    heard_after(page, lambda: page.get_by_role("button", name="Call the line").click())
    spoken = page.evaluate("window.__spoken.filter(s => s.text).map(s => [s.text, s.lang])")
    assert spoken[0][0].startswith("In an emergency, call 911") and spoken[0][1].startswith("en")
    assert spoken[1][0].startswith("En una emergencia, llame al 911") and spoken[1][1].startswith("es")


def test_a_texter_reads_replies_with_their_segments_and_stop_and_start_work(
    page: Page, serve: Serve, demo_app: Flask, content: Content
) -> None:
    page.goto(serve(demo_app) + "/")
    replies = page.locator("#texts li")
    box = page.get_by_label("Your text message")
    box.fill("my bones hurt")
    box.press("Enter")
    expect(replies).to_have_count(2)
    first = replies.nth(1).inner_text()
    assert "The line replied:" in first and "GSM-7" in first and "segment" in first
    expect(box).to_have_value("")
    steps = [("STOP", "No reply"), ("MENU", "No reply"), ("START", "You will get our replies again")]
    for word, expected in steps:
        before = replies.count()
        page.get_by_role("button", name=word, exact=True).click()
        expect(replies).to_have_count(before + 2)
        expect(replies.last).to_contain_text(expected)
    box.fill("menu")
    box.press("Enter")
    expect(replies.last).to_contain_text(content.title("spread"))
    screenshot(page, "texts")


def test_everything_on_the_phone_is_reached_by_tab_with_a_visible_focus(
    page: Page, serve: Serve, demo_app: Flask
) -> None:
    page.goto(serve(demo_app) + "/")
    reached: set[str] = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => { const el = document.activeElement; const style = getComputedStyle(el);
                return {id: el.id || (el.dataset.key ? 'key-' + el.dataset.key : '')
                          || (el.dataset.send ? 'send-' + el.dataset.send : el.tagName),
                        outline: style.outlineStyle, width: parseFloat(style.outlineWidth)}; }"""
        )
        reached.add(focus["id"])
        if focus["id"] in FOCUSABLE_ON_PHONE:
            assert focus["outline"] != "none" and focus["width"] >= 3, focus
    assert FOCUSABLE_ON_PHONE <= reached, FOCUSABLE_ON_PHONE - reached


def serious(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_no_serious_problem_on_the_phone_or_the_topic_pages(
    page: Page, serve: Serve, demo_app: Flask
) -> None:
    base = serve(demo_app)
    dial(page, base)
    heard_after(page, lambda: page.keyboard.press("1"))
    page.get_by_label("Your text message").fill("liver")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#texts li")).to_have_count(2)
    page.get_by_role("button", name="Call the line").focus()
    assert serious(page) == []
    for path in ("/topics/en/", "/topics/en/spread-liver"):
        page.goto(base + path)
        assert serious(page) == [], path
    screenshot(page, "topic")
    page.goto(base + "/topics/en/")
    screenshot(page, "topics")


def test_a_topic_page_listens_with_the_browsers_voice_when_there_is_no_recording(
    page: Page, serve: Serve, demo_app: Flask, content: Content
) -> None:
    page.add_init_script(SPEECH_STUB)
    page.goto(serve(demo_app) + "/topics/en/spread-liver")
    listen = page.locator("#listen")
    expect(listen).to_have_accessible_name("Listen")
    expect(page.get_by_text("Your browser reads this topic aloud.")).to_be_visible()
    listen.click()
    expect(listen).to_have_text("Stop")
    said = page.evaluate("window.__spoken.filter(s => s.text)")
    assert said[0]["lang"] == "en" and said[0]["text"].startswith("Liver.")
    assert words(content.topic_text("spread-liver").voice) in said[0]["text"]
    listen.click()
    expect(listen).to_have_text("Listen")


def test_a_topic_page_in_a_browser_with_no_voice_hides_listen_and_says_how_else_to_hear_it(
    page: Page, serve: Serve, demo_app: Flask
) -> None:
    page.add_init_script(
        "delete window.SpeechSynthesisUtterance;"
        "Object.defineProperty(window, 'speechSynthesis', {value: undefined});"
    )
    page.goto(serve(demo_app) + "/topics/en/spread-liver")
    expect(page.get_by_text("This browser cannot read aloud.")).to_be_visible()
    expect(page.locator("#listen")).to_be_hidden()
    expect(page.get_by_text("Your browser reads this topic aloud.")).to_be_hidden()


def recording(folder: Path, text: str) -> str:
    """A two-second u-law WAV in the audio cache under the name the line gives this text."""
    folder.mkdir(exist_ok=True)
    name = audio_name(text, "en-us", 150)
    tone = 0.3 * np.sin(2 * np.pi * 440 * np.arange(16000) / 8000)
    soundfile.write(folder / f"{name}.wav", tone, 8000, subtype="ULAW", format="WAV")
    return name


def test_with_audio_on_the_transcript_shows_each_recordings_words_and_plays_it(
    page: Page, serve: Serve, make_app: Callable[..., Flask], content: Content, tmp_path: Path
) -> None:
    welcome = words(content.prompt("welcome"))
    recording(tmp_path / "audio", welcome)
    app = make_app(twilio_auth_token="", local_demo=True, audio_enabled=True, audio_dir=tmp_path / "audio")
    heard = dial(page, serve(app))
    assert welcome in heard and "press 1" in heard
    play = page.get_by_role("button", name="Play the recording: This is the Breast Cancer")
    expect(play).to_have_count(1)
    expect(play).to_have_accessible_name("Play the recording: " + " ".join(welcome.split()[:8]) + "…")
    page.evaluate("""() => {
        window.__played = [];
        const real = HTMLMediaElement.prototype.play;
        HTMLMediaElement.prototype.play = function () {
            window.__played.push(this.src);
            return real.call(this);
        };
    }""")
    screenshot(page, "phone-with-recordings")
    play.click()
    page.wait_for_function("window.__played.length > 0")
    assert page.evaluate("window.__played[0]").endswith(".wav")


def test_a_topic_page_plays_the_lines_recording_when_audio_is_on(
    page: Page, serve: Serve, make_app: Callable[..., Flask], content: Content, tmp_path: Path
) -> None:
    folder = tmp_path / "audio"
    recording(folder, content.topic_text("spread-liver").voice)
    app = make_app(twilio_auth_token="", local_demo=True, audio_enabled=True, audio_dir=folder)
    page.goto(serve(app) + "/topics/en/spread-liver")
    page.get_by_role("button", name="Listen").click()
    page.wait_for_function(
        "document.getElementById('listen-audio').currentTime > 0.2", timeout=WAIT_MS
    )
    expect(page.get_by_role("button", name="Stop")).to_be_visible()
    expect(page.get_by_role("button", name="Listen")).to_be_visible(timeout=WAIT_MS)


def test_the_pages_fit_a_phone_and_200_percent_zoom_without_sideways_scrolling(
    browser: Browser, serve: Serve, demo_app: Flask
) -> None:
    base = serve(demo_app)
    sizes = {
        "desktop": {"viewport": DESKTOP},
        "phone-size": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2},
        "narrowest": {"viewport": {"width": 320, "height": 640}},  # WCAG reflow: 1280 px at 400 %
        "zoom-200": {"viewport": {"width": DESKTOP["width"] // 2, "height": DESKTOP["height"] // 2},
                     "device_scale_factor": 2},
    }
    for size, options in sizes.items():
        context = browser.new_context(**options)
        tab = context.new_page()
        for name, path in (("phone", "/"), ("topic", "/topics/en/spread-liver")):
            tab.goto(base + path)
            if name == "phone":
                dial(tab, base)
            wide = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert wide <= 0, f"{name} at {size} scrolls sideways by {wide}px"
            if size in ("phone-size", "zoom-200") or (name, size) == ("topic", "desktop"):
                screenshot(tab, f"{name}-{size}")
        context.close()
