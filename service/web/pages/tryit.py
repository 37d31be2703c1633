"""The try-it page: a phone and a text pane in the browser, over the real webhooks, signed on the server.

The browser never signs anything: it asks this small JSON API to press a key or send a text, and
the API drives /voice and /sms through `TwilioSimulator`, exactly as Twilio would. Because the API
holds the power to sign, it is on with LOCAL_DEMO; with a real token only when SIMULATOR=1, and
then always behind SIMULATOR_PASSWORD (throttled after wrong ones) and only under the line's own
host names (the line will not start with SIMULATOR=1, a real token and no password).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, redirect, render_template, request
from flask.typing import ResponseReturnValue

from service.content.prompts import Prompt
from service.speech.render import plan_audio
from service.web.pages import topic_pages
from service.web.runtime import Runtime, runtime
from service.web.twilio.simulate import CallProgress, Heard, Step, TwilioSimulator

log = logging.getLogger(__name__)
bp = Blueprint("tryit", __name__)
COOKIE = "try_line"
SESSION_TTL_SECONDS = 2 * 3600
KEYS = frozenset("0123456789*#")
MAX_WORDS_CHARS = 200
MAX_TEXT_CHARS = 1600
PROXY_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Real-IP")
RECORDINGS = "mbc_line_try_recordings"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_FAILED_TRIES = 5  # wrong passwords from one address in FAILED_TRIES_SECONDS
MAX_FAILED_TRIES_ALL = 50  # wrong passwords from everywhere together
FAILED_TRIES_SECONDS = 15 * 60


def init_app(app: Flask) -> None:
    """Register the page, its API and the readable topic pages."""
    app.register_blueprint(bp)
    topic_pages.init_app(app)

    @app.context_processor
    def links() -> dict[str, bool]:
        """Pages link to the phone only where it is on."""
        return {"show_phone_link": simulator_on(runtime())}


def simulator_on(rt: Runtime) -> bool:
    """On for the local demo (no real token); with a real token only when SIMULATOR=1."""
    return not rt.settings.twilio_auth_token or rt.settings.simulator


@bp.before_request
def guard() -> ResponseReturnValue | None:
    """Refuse the page and its API unless it is on and this client may use it."""
    rt = runtime()
    if not simulator_on(rt):
        if request.path == "/" and rt.settings.topic_pages:
            return redirect("/topics")
        abort(404)
    if rt.settings.twilio_auth_token:
        return _real_token_guard(rt)
    if _from_this_computer() or not rt.settings.simulator_password:
        return None  # the local demo signs with a token of its own, which Twilio never accepts
    return _password_guard(rt)


def _real_token_guard(rt: Runtime) -> Response | None:
    """With a real token the page signs what Twilio would: only under the line's own names (no DNS
    rebinding) and always behind its password, wherever the client seems to be (a missing proxy
    header proves nothing)."""
    if request.host.rsplit(":", 1)[0].strip("[]").lower() not in own_hosts(rt.settings.public_base_url):
        log.warning("try-it: refused a request for another host name")
        abort(421, "This page answers only under the line's own address.")
    return _password_guard(rt)


def own_hosts(public_base_url: str) -> frozenset[str]:
    """The names the line answers the try-it page under: PUBLIC_BASE_URL's host and this computer's."""
    public = urlsplit(public_base_url).hostname if public_base_url else None
    return LOOPBACK_NAMES | ({public.lower()} if public else set())


def _password_guard(rt: Runtime) -> Response | None:
    """HTTP basic auth with SIMULATOR_PASSWORD; after MAX_FAILED_TRIES wrong ones from an address (or
    MAX_FAILED_TRIES_ALL from anywhere) in a while, every try is refused until the while is over."""
    password = rt.settings.simulator_password
    given = request.authorization.password if request.authorization else None
    if given is None:
        return _ask_password()
    keys = ((f"try-fails:{request.remote_addr}", MAX_FAILED_TRIES), ("try-fails:all", MAX_FAILED_TRIES_ALL))
    try:
        if any(not rt.store.take(key, limit - 1, FAILED_TRIES_SECONDS, cost=0) for key, limit in keys):
            return _throttled()
        if password and hmac.compare_digest(given.encode(), password.encode()):
            return None
        for key, limit in keys:
            rt.store.take(key, limit, FAILED_TRIES_SECONDS)
    except Exception:
        log.exception("try-it: the store cannot count wrong passwords, so the page is refused")
        return _throttled()
    log.warning("try-it: a wrong password")
    return _ask_password()


def _ask_password() -> Response:
    challenge = {"WWW-Authenticate": 'Basic realm="Try the line"'}
    return Response("The try-it page needs its password.", 401, challenge)


def _throttled() -> Response:
    return Response("Too many wrong passwords: try again later.", 429,
                    {"Retry-After": str(FAILED_TRIES_SECONDS)})


def _from_this_computer() -> bool:
    """A loopback client that did not come through a proxy (a proxy on this host looks like loopback)."""
    if any(name in request.headers for name in PROXY_HEADERS):
        return False
    try:
        return ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        return False


@bp.get("/")
def page() -> str:
    """The phone and the text pane."""
    rt = runtime()
    return render_template(
        "phone.html",
        line_name=rt.content.prompt(Prompt.LINE_NAME),
        audio_on=rt.settings.audio_enabled,
        topic_pages=rt.settings.topic_pages,
    )


# --- the call --------------------------------------------------------------------------------


@bp.post("/try/call/start")
def call_start() -> Response:
    """Dial the line: a new call from this browser's made-up number."""
    return _call(lambda phone, caller: phone.dial(caller), need_call=False)


@bp.post("/try/call/press")
def call_press() -> Response:
    """Press one key on the keypad."""
    key = str(_json().get("key", ""))
    if key not in KEYS:
        return _error("Press one key: 0 to 9, * or #.", 400)
    return _call(lambda phone, caller: phone.press(key))


@bp.post("/try/call/say")
def call_say() -> Response:
    """Say words: sent as Twilio's speech result."""
    words = " ".join(str(_json().get("words", "")).split())[:MAX_WORDS_CHARS]
    if not words:
        return _error("Type the words to say first.", 400)
    return _call(lambda phone, caller: phone.speak(words))


@bp.post("/try/call/wait")
def call_wait() -> Response:
    """Say nothing until the line stops waiting."""
    return _call(lambda phone, caller: phone.wait())


@bp.post("/try/call/hangup")
def call_hangup() -> Response:
    """Hang up: the line is told nothing more, as when a caller puts the phone down."""
    session = _session()
    session["call"] = CallProgress(caller=session["phone"]).to_dict()
    return _with_cookie(jsonify(steps=[], waiting=False, ended=True, status=200), session)


def _call(action: Any, need_call: bool = True) -> Response:
    """Run one step of this browser's call through the simulator and answer what was heard."""
    session = _session()
    phone = TwilioSimulator(current_app)
    phone.progress = CallProgress.from_dict(session["call"])
    if need_call and not phone.on_call:
        return _error("There is no call. Press Call the line first.", 409)
    heard: Heard = action(phone, session["phone"])
    session["call"] = phone.progress.to_dict()
    body = jsonify(
        steps=[_step_json(step) for step in heard.steps],
        waiting=heard.waiting,
        ended=heard.ended,
        status=heard.status,
    )
    return _with_cookie(body, session)


def _step_json(step: Step) -> dict[str, str]:
    """A step for the page; a recording carries the words it speaks, so the transcript can show them."""
    if step.kind != "play":
        return {"kind": step.kind, "text": step.text, **({"lang": step.language} if step.language else {})}
    path = urlsplit(step.text).path
    return {"kind": "play", "audio": path, "text": _recording_text(path)}


def _recording_text(path: str) -> str:
    """The line a recording speaks, looked up by its cache name among every line the phone can say."""
    texts: dict[str, str] | None = current_app.extensions.get(RECORDINGS)
    if texts is None:
        rt = runtime()
        texts = {job.name: job.line.text for job in plan_audio(rt.content, rt.settings)}
        current_app.extensions[RECORDINGS] = texts
    name = path.rsplit("/", 1)[-1].removesuffix(".wav")
    return texts.get(name, "")


# --- texts -----------------------------------------------------------------------------------


@bp.post("/try/text")
def text() -> Response:
    """Send one text message from this browser's made-up number; answer each reply with its facts."""
    body = str(_json().get("body", ""))[:MAX_TEXT_CHARS]
    if not body.strip():
        return _error("Type a message first.", 400)
    session = _session()
    heard = TwilioSimulator(current_app).text(body, sender=session["phone"])
    replies = [
        {"text": r.text, "encoding": r.encoding, "segments": r.segments, "characters": r.characters}
        for r in heard.sms
    ]
    return _with_cookie(jsonify(replies=replies, status=heard.status), session)


# --- this browser's session ------------------------------------------------------------------


def _json() -> dict[str, Any]:
    """The request's JSON object; a form post or another site's request is refused.

    Requiring JSON makes a browser ask before sending it from another site (CORS preflight),
    which this app never allows: no other page can press keys or send STOP for a visitor.
    """
    data = request.get_json(silent=True) if request.is_json else None
    if not isinstance(data, dict):
        abort(415)
    return data


def _session() -> dict[str, Any]:
    """This browser's made-up phone number and its call, kept in the store so any worker finds it."""
    _json()
    rt = runtime()
    sid = request.cookies.get(COOKIE, "")
    data = rt.store.get(_key(sid)) if sid.isalnum() and len(sid) <= 64 else None
    if data and isinstance(data.get("phone"), str):
        return {**data, "sid": sid}
    phone = "+1555" + "".join(secrets.choice("0123456789") for _ in range(7))
    return {"sid": secrets.token_hex(16), "phone": phone, "call": CallProgress(caller=phone).to_dict()}


def _with_cookie(response: Response, session: dict[str, Any]) -> Response:
    """Save the session and hand its id back in a cookie no script and no other site can send."""
    sid = session["sid"]
    runtime().store.put(_key(sid), {"phone": session["phone"], "call": session["call"]}, SESSION_TTL_SECONDS)
    response.set_cookie(
        COOKIE, sid, max_age=SESSION_TTL_SECONDS, httponly=True, samesite="Strict",
        secure=request.is_secure, path="/try",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _key(sid: str) -> str:
    return f"try:{sid}"


def _error(message: str, status: int) -> Response:
    response = jsonify(error=message)
    response.status_code = status
    return response
