"""Every setting the service reads from the environment, in one place.

Each value is parsed and checked when the settings are read: a value that is not understood
(`AUDIO_ENABLED=ture`, `USAGE_COUNTS=of`, a port that is no number, an ftp:// URL) stops the start
with the setting's name, the value and what is allowed, all of them at once, and `flask doctor`
lists the same. A blank or unset variable means the default.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from limits import parse_many

from service.core.hours import OpeningHours
from service.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")
DEFAULT_SPEECH_VOICES = (("en", "en-us"), ("es", "es-419"))
SPEECH_RATE_RANGE = range(60, 401)
DEFAULT_TWILIO_API = "https://api.twilio.com"
ACCOUNT_SID = re.compile(r"AC[0-9a-f]{32}")
MESSAGING_SERVICE_SID = re.compile(r"MG[0-9a-f]{32}")
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
REGION = re.compile(r"[A-Z]{2}")
# The Suicide and Crisis Lifeline's ten-digit number: it still reaches the Lifeline, and unlike 988 a
# Twilio call dials it from any caller ID (Twilio routes 988 itself only from US numbers).
DEFAULT_CRISIS_LINE_PHONE = "+18002738255"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
STATE_SCHEMES = ("sqlite", "redis", "rediss", "memory")
WEB_SCHEMES = ("https", "http")
# Twilio's <Say> voices: the basic man, woman and alice, Amazon Polly (Polly.Joanna, Polly.Lupe-Neural)
# and Google (Google.es-US-Neural2-A).
SAY_VOICE = re.compile(
    r"man|woman|alice|Polly\.[A-Z][A-Za-z]+(-Neural|-Generative)?|Google\.[a-z]{2,3}-[A-Z]{2}-[\w-]+"
)
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2}|-[0-9]{3})?")
SPANISH_TAG = re.compile(r"es(-[A-Za-z]{2}|-[0-9]{3})?")
PHONE_FORM = "a phone number in E.164 form: + country code and number, no spaces, e.g. +18005550100"
VOICE_FORM = "a Twilio <Say> voice such as Polly.Joanna, Polly.Lupe-Neural, Google.es-US-Neural2-A or woman"
SECRET = re.compile(r"[\x21-\x7e]{16,}")
SECRET_FORM = "at least 16 characters, no spaces (e.g. from `openssl rand -hex 16`)"
HOST_NAME = re.compile(r"[A-Za-z0-9_.:\[\]-]+")
MAX_WORKERS = 64
T = TypeVar("T")


class SettingsError(ConfigError):
    """One or more settings are not understood; each problem names the variable, value and what is allowed."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        if len(problems) == 1:
            super().__init__(problems[0])
        else:
            super().__init__(f"{len(problems)} settings are not understood: " + "; ".join(problems))


class _Reader:
    """Reads variables from an environment and notes, instead of stopping at, each one not understood."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.problems: list[str] = []

    def raw(self, name: str) -> str:
        return self.env.get(name, "").strip()

    def refuse(self, name: str, raw: str, allowed: str, secret: bool = False) -> None:
        shown = "set, but not as needed (a secret, so not shown)" if secret else repr(_no_password(raw))
        self.problems.append(f"{name} is {shown}: {allowed}")

    def checked(self, parse: Callable[[], T], default: T) -> T:
        """A parser that raises ConfigError (a rule over several variables): noted, then the default."""
        try:
            return parse()
        except ConfigError as error:
            self.problems.append(str(error))
            return default

    def text(self, name: str, default: str = "") -> str:
        return self.raw(name) or default

    def flag(self, name: str, default: bool) -> bool:
        """An on/off setting: 1, true, yes or on; 0, false, no or off; anything else is refused."""
        raw = self.raw(name)
        if raw.lower() in TRUE_WORDS:
            return True
        if raw.lower() in FALSE_WORDS:
            return False
        if raw:
            self.refuse(name, raw, f"use {', '.join(TRUE_WORDS)} to turn it on, or {', '.join(FALSE_WORDS)} "
                        f"to turn it off (unset: {'on' if default else 'off'})")
        return default

    def number(self, name: str, default: int, unit: str, low: int = 1, high: int | None = None) -> int:
        """A whole number in a range."""
        raw = self.raw(name)
        if not raw:
            return default
        allowed = f"a whole number of {unit} from {low}" + (f" to {high}" if high else " up")
        try:
            value = int(raw)
        except ValueError:
            self.refuse(name, raw, f"use {allowed}, e.g. {default}")
            return default
        if value < low or (high is not None and value > high):
            self.refuse(name, raw, f"use {allowed}")
            return default
        return value

    def choice(self, name: str, default: str, allowed: tuple[str, ...]) -> str:
        raw = self.raw(name).upper()
        if raw and raw not in allowed:
            self.refuse(name, self.raw(name), f"use one of {', '.join(allowed)}")
            return default
        return raw or default

    def shaped(
        self, name: str, shape: re.Pattern[str], described: str, default: str = "", secret: bool = False
    ) -> str:
        """A value that must have a known shape (an id, a phone number, a voice name, a token)."""
        raw = self.raw(name)
        if raw and not shape.fullmatch(raw):
            self.refuse(name, raw, f"use {described}", secret)
            return default
        return raw or default

    def url(self, name: str, schemes: tuple[str, ...], default: str = "", example: str = "") -> str:
        """A URL with one of the schemes and, for web addresses, a host and a port that is a number."""
        raw = self.raw(name)
        if not raw:
            return default
        allowed = f"a URL starting with {' or '.join(s + '://' for s in schemes)}" + (
            f", e.g. {example}" if example else "")
        try:
            parts = urlsplit(raw)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError:
            self.refuse(name, raw, f"use {allowed} (a port must be a number)")
            return default
        if parts.scheme not in schemes:
            self.refuse(name, raw, f"use {allowed}")
            return default
        if parts.scheme in WEB_SCHEMES and not parts.hostname:
            self.refuse(name, raw, f"use {allowed}, with a host name")
            return default
        return raw.rstrip("/") if parts.scheme in WEB_SCHEMES else raw

    def folder(self, name: str, default: Path) -> Path:
        raw = self.raw(name)
        if raw and not Path(raw).is_dir():
            self.refuse(name, raw, "use a folder that exists")
        return Path(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    """The service's configuration; built once by `from_env`."""

    twilio_auth_token: str = ""
    twilio_auth_token_any_shape: bool = False
    local_demo: bool = False
    webhook_allow_get: bool = False
    state_url: str = ""
    public_base_url: str = ""
    phone_hash_key: str = ""
    content_dir: Path = PROJECT_ROOT / "content"
    line_phone: str = ""
    helpline_phone: str = ""
    helpline_hours: str = ""
    crisis_line_phone: str = DEFAULT_CRISIS_LINE_PHONE
    voice_name: str = "Polly.Joanna"
    voice_language: str = "en-US"
    voice_name_es: str = "Polly.Lupe"
    voice_language_es: str = "es-US"
    state_ttl_seconds: int = 7 * 24 * 3600
    log_level: str = "INFO"
    content_max_age_days: int = 365
    audio_enabled: bool = False
    audio_dir: Path | None = None
    speech_voices: tuple[tuple[str, str], ...] = DEFAULT_SPEECH_VOICES
    speech_rate: int = 150
    speech_slow_rate: int = 120
    twilio_account_sid: str = ""
    twilio_messaging_service_sid: str = ""
    twilio_api_base_url: str = DEFAULT_TWILIO_API
    usage_counts: bool = True
    simulator: bool = False
    simulator_password: str = ""
    topic_pages: bool = True
    rate_limit_texts: str = "15/minute;150/day"
    rate_limit_calls: str = "6/minute;60/day"
    texts_pause_days: int = 30  # after a text to a phone could not be delivered, no "text me this" to it
    # What the line itself sends and dials, bounded (issue 31): per phone a day, for the whole line a day.
    texts_per_phone_per_day: int = 10  # topics texted to one phone ("text me this")
    line_texts_per_day: int = 1000  # text messages the line sends to all phones together
    dials_per_phone_per_day: int = 6  # calls put through to the helpline from one phone
    line_dials_per_day: int = 300  # calls put through to the helpline from all phones together
    text_countries: tuple[str, ...] = ()  # regions "text me this" may send to; () = the line's own
    phone_hash_key_file: Path | None = None
    # Serving (gunicorn.conf.py): threads a worker answers with, and how long a request may take to arrive.
    server_threads: int = 64
    request_read_seconds: int = 5
    metrics_token: str = ""

    def say_voice(self, lang: str) -> tuple[str, str]:
        """The Twilio <Say> voice and the speech-recognition language for a content language."""
        if lang == "es":
            return self.voice_name_es, self.voice_language_es
        return self.voice_name, self.voice_language

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings listed in the README; values not understood raise one SettingsError."""
        env = os.environ if env is None else env
        read = _Reader(env)
        speech_rate, speech_slow_rate = _speech_rates(read)
        settings = cls(
            twilio_auth_token=read.text("TWILIO_AUTH_TOKEN"),
            twilio_auth_token_any_shape=read.flag("TWILIO_AUTH_TOKEN_ANY_SHAPE", False),
            local_demo=read.flag("LOCAL_DEMO", False),
            webhook_allow_get=read.flag("WEBHOOK_ALLOW_GET", False),
            state_url=read.url("STATE_URL", STATE_SCHEMES, example="sqlite:////var/lib/mbc-line/state.db"),
            public_base_url=read.url("PUBLIC_BASE_URL", WEB_SCHEMES, example="https://line.example.org"),
            phone_hash_key=read.text("PHONE_HASH_KEY"),
            content_dir=read.folder("CONTENT_DIR", cls.content_dir),
            line_phone=read.shaped("LINE_PHONE", E164, PHONE_FORM),
            helpline_phone=read.shaped("HELPLINE_PHONE", E164, PHONE_FORM),
            helpline_hours=read.checked(lambda: _hours(env, "HELPLINE_HOURS"), ""),
            crisis_line_phone=read.shaped("CRISIS_LINE_PHONE", E164, PHONE_FORM, DEFAULT_CRISIS_LINE_PHONE),
            voice_name=read.shaped("VOICE_NAME", SAY_VOICE, VOICE_FORM, cls.voice_name),
            voice_language=read.shaped("VOICE_LANGUAGE", LANGUAGE_TAG, "a language tag like en-US",
                                       cls.voice_language),
            voice_name_es=read.shaped("VOICE_NAME_ES", SAY_VOICE, VOICE_FORM, cls.voice_name_es),
            voice_language_es=read.shaped(
                "VOICE_LANGUAGE_ES", SPANISH_TAG, "a Spanish language tag: es-US, es-MX or es-ES",
                cls.voice_language_es,
            ),
            state_ttl_seconds=read.number("STATE_TTL_SECONDS", cls.state_ttl_seconds, "seconds"),
            log_level=read.choice("LOG_LEVEL", cls.log_level, LOG_LEVELS),
            content_max_age_days=read.number("CONTENT_MAX_AGE_DAYS", cls.content_max_age_days, "days"),
            audio_enabled=read.flag("AUDIO_ENABLED", False),
            audio_dir=Path(read.raw("AUDIO_DIR")) if read.raw("AUDIO_DIR") else None,
            speech_voices=read.checked(lambda: _speech_voices(read.raw("SPEECH_VOICE")), cls.speech_voices),
            speech_rate=speech_rate,
            speech_slow_rate=speech_slow_rate,
            twilio_account_sid=read.shaped("TWILIO_ACCOUNT_SID", ACCOUNT_SID, "AC followed by 32 hex digits"),
            twilio_messaging_service_sid=read.shaped(
                "TWILIO_MESSAGING_SERVICE_SID", MESSAGING_SERVICE_SID, "MG followed by 32 hex digits"
            ),
            twilio_api_base_url=read.url("TWILIO_API_BASE_URL", WEB_SCHEMES, DEFAULT_TWILIO_API,
                                         DEFAULT_TWILIO_API),
            usage_counts=read.flag("USAGE_COUNTS", True),
            simulator=read.flag("SIMULATOR", False),
            simulator_password=read.text("SIMULATOR_PASSWORD"),
            topic_pages=read.flag("TOPIC_PAGES", True),
            rate_limit_texts=read.checked(
                lambda: _rate_limit(env, "RATE_LIMIT_TEXTS", cls.rate_limit_texts), cls.rate_limit_texts),
            rate_limit_calls=read.checked(
                lambda: _rate_limit(env, "RATE_LIMIT_CALLS", cls.rate_limit_calls), cls.rate_limit_calls),
            texts_pause_days=read.number("TEXTS_PAUSE_DAYS", cls.texts_pause_days, "days"),
            texts_per_phone_per_day=read.number(
                "TEXTS_PER_PHONE_PER_DAY", cls.texts_per_phone_per_day, "texts"),
            line_texts_per_day=read.number("LINE_TEXTS_PER_DAY", cls.line_texts_per_day, "texts"),
            dials_per_phone_per_day=read.number(
                "DIALS_PER_PHONE_PER_DAY", cls.dials_per_phone_per_day, "calls"),
            line_dials_per_day=read.number("LINE_DIALS_PER_DAY", cls.line_dials_per_day, "calls"),
            text_countries=read.checked(lambda: _countries(env, "TEXT_COUNTRIES"), ()),
            phone_hash_key_file=_path(read.raw("PHONE_HASH_KEY_FILE")),
            server_threads=read.number("THREADS", cls.server_threads, "threads"),
            request_read_seconds=read.number("REQUEST_READ_SECONDS", cls.request_read_seconds, "seconds"),
            metrics_token=read.shaped("METRICS_TOKEN", SECRET, SECRET_FORM, secret=True),
        )
        if read.problems:
            raise SettingsError(read.problems)
        return settings


@dataclass(frozen=True)
class Server:
    """What gunicorn.conf.py reads: where the line is served, how many workers, their metrics folder."""

    host: str = "0.0.0.0"
    port: int = 8000
    workers: int = 2
    metrics_dir: str = ""

    @property
    def bind(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"{host}:{self.port}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Server:
        """Read the server's settings; values not understood raise one SettingsError."""
        read = _Reader(os.environ if env is None else env)
        server = cls(
            host=read.shaped("HOST", HOST_NAME, "an address such as 0.0.0.0 or 127.0.0.1", cls.host),
            port=read.number("PORT", cls.port, "a TCP port", high=65535),
            workers=read.number("WORKERS", cls.workers, "worker processes", high=MAX_WORKERS),
            metrics_dir=read.text("PROMETHEUS_MULTIPROC_DIR"),
        )
        if read.problems:
            raise SettingsError(read.problems)
        return server


class _Recording(Mapping[str, str]):
    """An empty environment that notes each variable asked for."""

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def __getitem__(self, name: str) -> str:
        self.asked.add(name)
        raise KeyError(name)

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked.add(name)
        return default

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def setting_names() -> frozenset[str]:
    """Every variable the line reads: to keep the README's table true and to spot misspelt names."""
    recording = _Recording()
    Settings.from_env(recording)
    Server.from_env(recording)
    return frozenset(recording.asked)


def _no_password(raw: str) -> str:
    """A value as it may be shown: a URL's password (redis://:secret@host) replaced by ***."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", raw)


def _hours(env: Mapping[str, str], name: str) -> str:
    """Opening hours like "Mon-Fri 09:00-17:00 America/New_York", checked now so a typo stops the start."""
    raw = " ".join(env.get(name, "").split())
    if raw:
        opening_hours(raw, name)
    return raw


def opening_hours(raw: str, name: str = "HELPLINE_HOURS") -> OpeningHours | None:
    """The parsed hours (None when unset); a bad value is a ConfigError naming the variable."""
    if not raw.strip():
        return None
    try:
        return OpeningHours.parse(raw)
    except ValueError as error:
        raise ConfigError(f"{name} {error}") from None


def _speech_voices(raw: str) -> tuple[tuple[str, str], ...]:
    """SPEECH_VOICE: "en-us" names the English voice; "en=en-us,es=es-419" names one per language."""
    voices = dict(DEFAULT_SPEECH_VOICES)
    for part in filter(None, (p.strip() for p in raw.split(","))):
        lang, _, voice = part.rpartition("=")
        if not voice.strip() or (part.count("=") and not lang.strip()):
            raise ConfigError(f"SPEECH_VOICE must look like en-us or en=en-us,es=es-419, not {raw!r}")
        voices[lang.strip().lower() or "en"] = voice.strip()
    return tuple(voices.items())


def _speech_rates(read: _Reader) -> tuple[int, int]:
    """SPEECH_RATE and SPEECH_SLOW_RATE in the engine's words a minute; the slow one must be slower."""
    low, high = SPEECH_RATE_RANGE.start, SPEECH_RATE_RANGE.stop - 1
    rate = read.number("SPEECH_RATE", Settings.speech_rate, "words a minute", low, high)
    slow = read.number("SPEECH_SLOW_RATE", Settings.speech_slow_rate, "words a minute", low, high)
    if slow >= rate:
        read.problems.append(
            f"SPEECH_SLOW_RATE ({slow}) must be below SPEECH_RATE ({rate}), "
            "so the slower key really slows the speech"
        )
    return rate, slow


def _rate_limit(env: Mapping[str, str], name: str, default: str) -> str:
    """A per-phone limit like "15/minute;150/day"; a typo stops the start with the variable's name."""
    raw = env.get(name, "").strip() or default
    try:
        parse_many(raw)
    except ValueError:
        raise ConfigError(
            f"{name} is {raw!r}: use a limit like 15/minute or 15/minute;150/day "
            "(per second, minute, hour or day)"
        ) from None
    return raw


def _countries(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    """Two-letter region codes like "US,CA,PR", so a typo stops the start with the variable's name."""
    codes = tuple(code.strip().upper() for code in env.get(name, "").split(",") if code.strip())
    for code in codes:
        if not REGION.fullmatch(code):
            raise ConfigError(f"{name} holds {code!r}: use two-letter country codes like US,CA,PR")
    return codes


def _path(raw: str) -> Path | None:
    """A file path setting; unset is None."""
    return Path(raw) if raw else None
