"""Every setting the service reads from the environment, in one place."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from limits import parse_many

from service.core.hours import OpeningHours
from service.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}
DEFAULT_SPEECH_VOICES = (("en", "en-us"), ("es", "es-419"))
SPEECH_RATE_RANGE = range(60, 401)
DEFAULT_TWILIO_API = "https://api.twilio.com"
ACCOUNT_SID = re.compile(r"AC[0-9a-f]{32}")
MESSAGING_SERVICE_SID = re.compile(r"MG[0-9a-f]{32}")
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
REGION = re.compile(r"[A-Z]{2}")


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

    def say_voice(self, lang: str) -> tuple[str, str]:
        """The Twilio <Say> voice and the speech-recognition language for a content language."""
        if lang == "es":
            return self.voice_name_es, self.voice_language_es
        return self.voice_name, self.voice_language

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings listed in the README; a bad value raises ConfigError."""
        env = os.environ if env is None else env
        speech_rate, speech_slow_rate = _speech_rates(env)
        return cls(
            twilio_auth_token=env.get("TWILIO_AUTH_TOKEN", "").strip(),
            twilio_auth_token_any_shape=_flag(env, "TWILIO_AUTH_TOKEN_ANY_SHAPE"),
            local_demo=_flag(env, "LOCAL_DEMO"),
            webhook_allow_get=_flag(env, "WEBHOOK_ALLOW_GET"),
            state_url=env.get("STATE_URL", "").strip(),
            public_base_url=env.get("PUBLIC_BASE_URL", "").strip().rstrip("/"),
            phone_hash_key=env.get("PHONE_HASH_KEY", "").strip(),
            content_dir=Path(env.get("CONTENT_DIR", "") or PROJECT_ROOT / "content"),
            line_phone=env.get("LINE_PHONE", "").strip(),
            helpline_phone=_e164(env, "HELPLINE_PHONE"),
            helpline_hours=_hours(env, "HELPLINE_HOURS"),
            voice_name=env.get("VOICE_NAME", "").strip() or "Polly.Joanna",
            voice_language=env.get("VOICE_LANGUAGE", "").strip() or "en-US",
            voice_name_es=env.get("VOICE_NAME_ES", "").strip() or "Polly.Lupe",
            voice_language_es=env.get("VOICE_LANGUAGE_ES", "").strip() or "es-US",
            state_ttl_seconds=_int(env, "STATE_TTL_SECONDS", 7 * 24 * 3600),
            log_level=env.get("LOG_LEVEL", "").strip().upper() or "INFO",
            content_max_age_days=_int(env, "CONTENT_MAX_AGE_DAYS", 365, unit="days"),
            audio_enabled=env.get("AUDIO_ENABLED", "").strip().lower() in TRUE_WORDS,
            audio_dir=Path(env["AUDIO_DIR"].strip()) if env.get("AUDIO_DIR", "").strip() else None,
            speech_voices=_speech_voices(env.get("SPEECH_VOICE", "")),
            speech_rate=speech_rate,
            speech_slow_rate=speech_slow_rate,
            twilio_account_sid=_shaped(
                env, "TWILIO_ACCOUNT_SID", ACCOUNT_SID, "AC followed by 32 hex digits"
            ),
            twilio_messaging_service_sid=_shaped(
                env, "TWILIO_MESSAGING_SERVICE_SID", MESSAGING_SERVICE_SID, "MG followed by 32 hex digits"
            ),
            twilio_api_base_url=_api_base_url(env.get("TWILIO_API_BASE_URL", "")),
            usage_counts=env.get("USAGE_COUNTS", "").strip().lower() not in FALSE_WORDS,
            simulator=env.get("SIMULATOR", "").strip().lower() in TRUE_WORDS,
            simulator_password=env.get("SIMULATOR_PASSWORD", ""),
            topic_pages=(env.get("TOPIC_PAGES", "").strip().lower() or "1") in TRUE_WORDS,
            rate_limit_texts=_rate_limit(env, "RATE_LIMIT_TEXTS", cls.rate_limit_texts),
            rate_limit_calls=_rate_limit(env, "RATE_LIMIT_CALLS", cls.rate_limit_calls),
            texts_pause_days=_int(env, "TEXTS_PAUSE_DAYS", 30, unit="days"),
            texts_per_phone_per_day=_int(env, "TEXTS_PER_PHONE_PER_DAY", 10, "texts"),
            line_texts_per_day=_int(env, "LINE_TEXTS_PER_DAY", cls.line_texts_per_day, unit="texts"),
            dials_per_phone_per_day=_int(env, "DIALS_PER_PHONE_PER_DAY", 6, "calls"),
            line_dials_per_day=_int(env, "LINE_DIALS_PER_DAY", cls.line_dials_per_day, unit="calls"),
            text_countries=_countries(env, "TEXT_COUNTRIES"),
            phone_hash_key_file=_path(env, "PHONE_HASH_KEY_FILE"),
            server_threads=_int(env, "THREADS", 64, unit="threads"),
            request_read_seconds=_int(env, "REQUEST_READ_SECONDS", 5),
        )


def _flag(env: Mapping[str, str], name: str) -> bool:
    """An on/off setting: 1, true, yes or on turn it on."""
    return env.get(name, "").strip().lower() in TRUE_WORDS


def _int(env: Mapping[str, str], name: str, default: int, unit: str = "seconds") -> int:
    """Parse a positive whole number so a typo stops the start with the variable's name."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number of {unit}, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be above 0, not {value}")
    return value


def _shaped(env: Mapping[str, str], name: str, shape: re.Pattern[str], described: str) -> str:
    """An id that must have Twilio's shape, so a pasted token or a typo stops the start with its name."""
    raw = env.get(name, "").strip()
    if raw and not shape.fullmatch(raw):
        raise ConfigError(f"{name} must be {described}, not {raw[:6]!r}...")
    return raw


def _api_base_url(raw: str) -> str:
    """TWILIO_API_BASE_URL: Twilio's own API unless an operator points the REST client elsewhere."""
    url = raw.strip().rstrip("/") or DEFAULT_TWILIO_API
    if not url.startswith(("https://", "http://")):
        raise ConfigError(f"TWILIO_API_BASE_URL must start with https://, not {url!r}")
    return url


def _e164(env: Mapping[str, str], name: str) -> str:
    """A phone number in E.164 (+ and up to 15 digits), so the line never reads out a typo."""
    raw = env.get(name, "").strip()
    if raw and not E164.match(raw):
        raise ConfigError(f"{name} must be a phone number in E.164 form like +18005550100, not {raw!r}")
    return raw


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


def _speech_rates(env: Mapping[str, str]) -> tuple[int, int]:
    """SPEECH_RATE and SPEECH_SLOW_RATE in the engine's words a minute; the slow one must be slower."""
    rate = _int(env, "SPEECH_RATE", 150, unit="words a minute")
    slow = _int(env, "SPEECH_SLOW_RATE", 120, unit="words a minute")
    for name, value in (("SPEECH_RATE", rate), ("SPEECH_SLOW_RATE", slow)):
        if value not in SPEECH_RATE_RANGE:
            raise ConfigError(f"{name} must be from 60 to 400 words a minute, not {value}")
    if slow >= rate:
        raise ConfigError(
            f"SPEECH_SLOW_RATE ({slow}) must be below SPEECH_RATE ({rate}), "
            "so the slower key really slows the speech"
        )
    return rate, slow


def _countries(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    """Two-letter region codes like "US,CA,PR", so a typo stops the start with the variable's name."""
    codes = tuple(code.strip().upper() for code in env.get(name, "").split(",") if code.strip())
    for code in codes:
        if not REGION.fullmatch(code):
            raise ConfigError(f"{name} must be two-letter country codes like US,CA,PR, not {code!r}")
    return codes


def _path(env: Mapping[str, str], name: str) -> Path | None:
    """A file path setting; unset is None."""
    raw = env.get(name, "").strip()
    return Path(raw) if raw else None


def _rate_limit(env: Mapping[str, str], name: str, default: str) -> str:
    """A per-phone limit like "15/minute;150/day"; a typo stops the start with the variable's name."""
    raw = env.get(name, "").strip() or default
    try:
        parse_many(raw)
    except ValueError:
        raise ConfigError(
            f"{name} must look like 15/minute or 15/minute;150/day (per second, minute, hour or day), "
            f"not {raw!r}"
        ) from None
    return raw
