"""Signed requests through the app as Twilio sends them: for the demo commands, the try-it page and tests.

A call is followed the way Twilio runs TwiML: the verbs inside a <Gather> are heard and then the call
waits; a key or words go to the gather's action, silence runs the verbs after the gather (our
<Redirect>); a <Redirect> with no gather before it is followed at once; <Dial> is reported and the
call goes on after it (or to its action); <Hangup>, or running out of verbs, ends the call.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from flask import Flask
from twilio.request_validator import RequestValidator
from werkzeug.test import TestResponse

from service.core.commands import LANGUAGE_KEYS, OTHER_LANGUAGE
from service.core.gsm import segments
from service.web.runtime import runtime_of

DEMO_CALLER = "+15555550100"
DEMO_LINE = "+15555550199"
CALL_START = "/voice"
CALL_INPUT = "/voice/input"  # where input goes when no gather says otherwise (tests poke the webhook)
MAX_REDIRECTS = 10  # Twilio gives up on a loop of redirects; so do we
AT_OPENING = "opening"  # the query parameter of the opening's language choice (service.web.webhooks.voice)


@dataclass(frozen=True)
class Step:
    """One thing a caller meets, in order: `say` (text), `play` (url), `dial` (number), `hangup`."""

    kind: str
    text: str = ""
    language: str = ""  # a <Say>'s language (en-US, es-US): the bilingual opening says each in its own


@dataclass(frozen=True)
class SmsFacts:
    """How a reply travels: its alphabet and how many SMS segments a phone receives it in."""

    text: str
    encoding: str
    characters: int
    segments: int


def sms_facts(text: str) -> SmsFacts:
    """GSM-7 when every character fits (160 alone, 153 a part), else UCS-2 (70 alone, 67 a part)."""
    sent = segments(text)
    return SmsFacts(text, sent.encoding, sent.units, sent.count)


@dataclass
class Heard:
    """What one turn does, read the way a caller or texter meets it.

    `xml` and `root` are the first answer fetched in the turn; `steps` is everything the caller met
    in the turn, across redirects followed at once; `waiting` says the call waits for input.
    """

    status: int
    xml: str
    root: ET.Element | None = field(default=None, repr=False)
    steps: list[Step] = field(default_factory=list)
    waiting: bool = False

    @property
    def says(self) -> list[str]:
        """Every spoken text, in order."""
        return [step.text for step in self.steps if step.kind == "say"]

    @property
    def text(self) -> str:
        """All spoken text as one string."""
        return " ".join(self.says)

    @property
    def plays(self) -> list[str]:
        """The URL of every recording played, in order."""
        return [step.text for step in self.steps if step.kind == "play"]

    @property
    def dials(self) -> list[str]:
        """Every number the call is connected to."""
        return [step.text for step in self.steps if step.kind == "dial"]

    @property
    def messages(self) -> list[str]:
        """Every SMS body sent back."""
        if self.root is None:
            return []
        return ["".join(el.itertext()) for el in self.root.iter("Message")]

    @property
    def sms(self) -> list[SmsFacts]:
        """Every SMS body sent back, with its encoding and segment count."""
        return [sms_facts(message) for message in self.messages]

    @property
    def hangs_up(self) -> bool:
        return any(step.kind == "hangup" for step in self.steps)

    @property
    def gathers(self) -> bool:
        return self.waiting

    @property
    def ended(self) -> bool:
        """The call is over: hung up, out of verbs, or the webhook refused."""
        return not self.waiting


@dataclass
class CallProgress:
    """Where a simulated call is between turns; plain data so a page can keep it between requests."""

    call_sid: str = ""
    caller: str = DEMO_CALLER
    action: str = ""  # the waiting gather's action URL; "" when no gather waits
    method: str = "POST"
    inputs: str = "dtmf speech"
    rest: str = ""  # the verbs after the gather, as TwiML, run when the caller stays silent
    language: str = ""  # the waiting gather's speech language (en-US, es-US): the language spoken
    url: str = CALL_START  # the document being run: relative URLs in it are resolved against it

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> CallProgress:
        """Rebuild from `to_dict`; anything else is no call."""
        if not isinstance(data, dict):
            return cls()
        known = {name: str(data[name]) for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)


class TwilioSimulator:
    """Sends form posts signed with the app's auth token, to the URL Twilio would use."""

    def __init__(self, app: Flask, base_url: str = "http://localhost", lang: str | None = None) -> None:
        self.app = app
        self.lang = lang  # the language this caller picks at the opening's choice (None: they choose)
        self.client = app.test_client()
        rt = runtime_of(app)
        self.validator = RequestValidator(rt.auth_token)
        self.base_url = rt.settings.public_base_url or base_url
        self.progress = CallProgress()

    @property
    def call_sid(self) -> str:
        return self.progress.call_sid

    @call_sid.setter
    def call_sid(self, value: str) -> None:
        self.progress.call_sid = value

    def post(self, path: str, params: dict[str, str], sign: bool = True, method: str = "POST") -> Heard:
        """POST (or GET) a signed (or unsigned) form and read the TwiML that comes back."""
        url = path if "://" in path else f"{self.base_url}{path}"
        get = method.upper() == "GET"
        if get:  # Twilio puts a GET's parameters in the query string and signs the whole URL
            url += ("&" if "?" in url else "?") + urlencode(params)
        parts = urlsplit(url)
        headers = {}
        if sign:
            headers["X-Twilio-Signature"] = self.validator.compute_signature(url, {} if get else params)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        base = f"{parts.scheme}://{parts.netloc}"
        if get:
            response: TestResponse = self.client.get(target, headers=headers, base_url=base)
        else:
            response = self.client.post(target, data=params, headers=headers, base_url=base)
        return _read(response)

    # --- a call ------------------------------------------------------------------------

    def dial(self, caller: str = DEMO_CALLER, lang: str | None = None) -> Heard:
        """A new call arrives. With `lang` (or the simulator's own), the caller answers the opening's
        language choice, when the line offers one, with that language's key, or, greeted in another
        language the line remembers for their number, with the other language's key: this returns
        what they hear after it (the greeting itself when it is in `lang` already)."""
        self.progress = CallProgress(call_sid="CA" + secrets.token_hex(16), caller=caller)
        opening = self._fetch(CALL_START, "POST", {})
        lang = lang or self.lang
        if lang is None or len(runtime_of(self.app).content.languages) < 2:
            return opening
        if AT_OPENING in parse_qs(urlsplit(self.progress.action).query):
            return self.press(next(k for k, chosen in LANGUAGE_KEYS.items() if chosen == lang))
        return opening if self.speaking() in (lang, "") else self.press(OTHER_LANGUAGE)

    def speaking(self) -> str:
        """The content language the waiting gather listens in ("" when none waits)."""
        settings = runtime_of(self.app).settings
        languages = runtime_of(self.app).content.languages
        return next((lang for lang in languages if settings.say_voice(lang)[1] == self.progress.language), "")

    def press(self, digits: str) -> Heard:
        """The caller presses a key: it goes to the waiting gather's action."""
        return self._answer("dtmf", {"Digits": digits})

    def speak(self, words: str, confidence: str = "0.9") -> Heard:
        """The caller says something; Twilio sends what it recognised."""
        return self._answer("speech", {"SpeechResult": words, "Confidence": confidence})

    def wait(self) -> Heard:
        """The caller says nothing until the gather times out: the verbs after it run."""
        if not self.progress.action:
            return self._fetch(CALL_INPUT, "POST", {})
        rest, self.progress.action = self.progress.rest, ""
        return self._run(ET.fromstring(rest or "<Response/>"), 200, "", None)

    def hang_up(self) -> None:
        """The caller hangs up: nothing more is sent for this call."""
        self.progress = CallProgress(caller=self.progress.caller)

    @property
    def on_call(self) -> bool:
        """Whether a gather waits for the caller."""
        return bool(self.progress.action)

    def _answer(self, mode: str, extra: dict[str, str]) -> Heard:
        """Input goes to the gather's action; input the gather does not take counts as silence."""
        action, method = self.progress.action, self.progress.method
        if not action:
            return self._fetch(CALL_INPUT, "POST", extra)
        if mode not in self.progress.inputs.split():
            return self.wait()
        self.progress.action = ""
        return self._fetch(action, method, extra)

    def _fetch(self, url: str, method: str, extra: dict[str, str]) -> Heard:
        self.progress.url = url
        heard = self.post(url, {**self._call_params(), **extra}, method=method)
        if heard.root is None:
            return heard
        return self._run(heard.root, heard.status, heard.xml, heard.root)

    def _run(self, verbs: ET.Element, status: int, xml: str, root: ET.Element | None) -> Heard:
        """Run a document's verbs in order until the call waits, moves on to a new URL, or ends."""
        steps: list[Step] = []
        for redirects in range(MAX_REDIRECTS + 1):
            jump = self._run_verbs(list(verbs), steps)
            if jump is None or redirects == MAX_REDIRECTS:
                break
            url, method, extra = jump
            self.progress.url = url
            heard = self.post(url, {**self._call_params(), **extra}, method=method)
            if root is None:  # the turn's first answer is the one a test reads
                status, xml, root = heard.status, heard.xml, heard.root
            if heard.root is None:
                break
            verbs = heard.root
        return Heard(status, xml, root, steps, bool(self.progress.action))

    def _run_verbs(
        self, verbs: list[ET.Element], steps: list[Step]
    ) -> tuple[str, str, dict[str, str]] | None:
        """Add what is heard; stop at a gather (waits), a hang-up, or a jump to another URL."""
        for index, verb in enumerate(verbs):
            if verb.tag in ("Say", "Play"):
                steps.append(_step(verb))
            elif verb.tag == "Gather":
                steps.extend(_step(child) for child in verb if child.tag in ("Say", "Play"))
                self._wait_at(verb, verbs[index + 1 :])
                return None
            elif verb.tag == "Redirect":
                return self._resolve(_text(verb)), verb.get("method", "POST"), {}
            elif verb.tag == "Dial":
                steps.append(Step("dial", _dialled(verb)))
                if verb.get("action"):
                    action = self._resolve(verb.get("action", ""))
                    return action, verb.get("method", "POST"), {"DialCallStatus": "completed"}
            elif verb.tag in ("Hangup", "Reject"):
                steps.append(Step("hangup"))
                return None
        return None

    def _wait_at(self, gather: ET.Element, rest: list[ET.Element]) -> None:
        """Remember the gather that now waits, and what runs if the caller stays silent."""
        after = ET.Element("Response")
        after.extend(rest)
        self.progress.action = self._resolve(gather.get("action", ""))
        self.progress.method = gather.get("method", "POST")
        self.progress.inputs = gather.get("input", "dtmf")
        self.progress.language = gather.get("language", "")
        self.progress.rest = ET.tostring(after, encoding="unicode")

    def _resolve(self, url: str) -> str:
        """A URL from the TwiML, relative to the document it is in; none means that document."""
        return urljoin(self.progress.url, url) if url else self.progress.url

    def _call_params(self) -> dict[str, str]:
        return {
            "CallSid": self.progress.call_sid, "AccountSid": "AC" + "0" * 32, "From": self.progress.caller,
            "To": DEMO_LINE, "CallStatus": "in-progress", "Direction": "inbound",
        }

    # --- a text ------------------------------------------------------------------------

    def text(self, body: str, sender: str = DEMO_CALLER, **extra: str) -> Heard:
        """A text message arrives from a phone (or a WhatsApp address); `extra` adds Twilio's other
        parameters, such as OptOutType, NumMedia or Latitude."""
        line = f"whatsapp:{DEMO_LINE}" if sender.startswith("whatsapp:") else DEMO_LINE
        params = {
            "MessageSid": "SM" + secrets.token_hex(16), "AccountSid": "AC" + "0" * 32,
            "From": sender, "To": line, "Body": body, "NumMedia": "0", **extra,
        }
        return self.post("/sms", params)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _step(verb: ET.Element) -> Step:
    if verb.tag == "Say":
        return Step("say", _text(verb), verb.get("language", ""))
    return Step("play", _text(verb))


def _dialled(dial: ET.Element) -> str:
    """The number (or client, or SIP address) a <Dial> connects to."""
    nouns = [_text(child) for child in dial]
    return ", ".join(n for n in nouns if n) or _text(dial)


def _read(response: TestResponse) -> Heard:
    body = response.get_data(as_text=True)
    root: Any = None
    if response.status_code == 200:
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            root = None
    return Heard(response.status_code, body, root)
