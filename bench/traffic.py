"""The benchmarks' traffic: signed webhook requests as Twilio sends them, each one new to the line.

The line acts once per delivery (service/web/twilio/once.py): a MessageSid, or a CallSid and the
step its <Gather> action carries, seen before is answered from memory. A benchmark that replays the
same requests therefore measures that cheap retry path. Here every text has a fresh MessageSid, every
call a fresh CallSid, and each key press the step the line's previous answer numbered; bench/load.py
sends each request once and says so when it runs out and would repeat.

Mixed traffic is people, not single requests: 400 phones, seven in ten texting one to three messages
in their own wording, the others calling (the call start, the language key of the opening, then one
or two keys on the menus): about half the requests are texts, a seventh call starts, the rest keys.
A person's next request comes only after about 30 others, as Twilio sends the next one only after
the answer to the last, so a load of 16 connections keeps each call in order.
"""

from __future__ import annotations

import base64
import hmac
import random
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

TOKEN = "be0c4a11" * 4  # the shape of a real Twilio auth token: 32 hexadecimal characters
LINE = "+15555550199"
ACCOUNT = "AC" + "0" * 32
TEXTS = (
    "bone", "bones", "brian", "livr", "liver", "lungs", "my bones hurt", "what is herceptin",
    "bone mets", "headache", "I have a headache that wont go away", "MORE", "MENU", "1", "2", "3",
    "hi", "HELP", "treatment", "what treatments are there", "clinical trials", "pain", "tired",
    "short of breath", "is it curable", "chemo", "side effects of chemo", "hospice", "scan",
    "what does metastatic mean", "back pain", "yellow skin", "Thanks", "ok", "help me",
)
LANGUAGE_KEYS = "1112"  # the opening's keys: 1 English, 2 Spanish (most callers here choose English)
MENU_KEYS = "1234567890"
PHONES = 400
TEXTERS = 0.7  # the share of people who text; the others call
PEOPLE_AT_ONCE = 32  # people taking turns: each one's next request waits for about this many others
PROFILES = ("mixed", "one-phone")


@dataclass(frozen=True)
class Request:
    """One webhook: its path (with query), its form, and the Twilio signature for `url_base`."""

    path: str
    params: dict[str, str]
    signature: str

    def line(self) -> str:
        """The request as bench/load.lua reads it: path TAB signature TAB form body."""
        return f"{self.path}\t{self.signature}\t{urlencode(self.params)}"


class Traffic:
    """Fresh signed requests for one server address, endless, in the order people would send them."""

    def __init__(self, url_base: str, profile: str = "mixed", seed: int = 10) -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}: one of {', '.join(PROFILES)}")
        self.url_base = url_base
        self.profile = profile
        self._validator = RequestValidator(TOKEN)
        self._key = TOKEN.encode()
        self._checked = False
        self._rng = random.Random(seed)
        self._phone = 0
        self._stream = self._people()

    def take(self, count: int) -> list[Request]:
        """The next `count` requests; none of them was ever given before by this Traffic."""
        return [next(self._stream) for _ in range(count)]

    def _people(self) -> Iterator[Request]:
        """Requests of PEOPLE_AT_ONCE people in turn; a person who is done is replaced by a new one."""
        at_once = 1 if self.profile == "one-phone" else PEOPLE_AT_ONCE
        active = [self._person() for _ in range(at_once)]
        while True:
            for index, person in enumerate(active):
                request = next(person, None)
                while request is None:
                    active[index] = person = self._person()
                    request = next(person, None)
                yield request

    def _person(self) -> Iterator[Request]:
        if self.profile == "one-phone":
            return self._texter("+15555550100", endless=True)
        phone = f"+1555{1000000 + self._phone % PHONES:07d}"
        self._phone += 1
        return self._texter(phone) if self._rng.random() < TEXTERS else self._caller(phone)

    def _texter(self, phone: str, endless: bool = False) -> Iterator[Request]:
        count = self._rng.choice((1, 1, 2, 3))
        while endless or count > 0:
            count -= 1
            body = "bone" if endless else self._rng.choice(TEXTS)
            yield self._signed("/sms", {"MessageSid": self._sid("SM"), "AccountSid": ACCOUNT, "From": phone,
                                        "To": LINE, "Body": body, "NumMedia": "0"})

    def _caller(self, phone: str) -> Iterator[Request]:
        call = {"CallSid": self._sid("CA"), "AccountSid": ACCOUNT, "From": phone, "To": LINE,
                "CallStatus": "in-progress", "Direction": "inbound"}
        yield self._signed("/voice", call)
        yield self._signed("/voice/input?opening=1", {**call, "Digits": self._rng.choice(LANGUAGE_KEYS)})
        for step in range(1, 1 + self._rng.choice((1, 2))):
            yield self._signed(f"/voice/input?step={step}", {**call, "Digits": self._rng.choice(MENU_KEYS)})

    def _sid(self, prefix: str) -> str:
        return f"{prefix}{self._rng.getrandbits(128):032x}"

    def _signed(self, path: str, params: dict[str, str]) -> Request:
        return Request(path, params, self._signature(self.url_base + path, params))

    def _signature(self, url: str, params: dict[str, str]) -> str:
        """Twilio's HMAC-SHA1 of the URL and the sorted fields, in C (checked against twilio's own once):
        its validator takes 50 us a request, ten seconds of a shared machine for 200,000 requests."""
        signed = url + "".join(f"{name}{params[name]}" for name in sorted(params))
        signature = base64.b64encode(hmac.digest(self._key, signed.encode(), "sha1")).decode()
        if not self._checked and signature != self._validator.compute_signature(url, params):
            raise RuntimeError("bench/traffic.py signs otherwise than twilio's RequestValidator")
        self._checked = True
        return signature
