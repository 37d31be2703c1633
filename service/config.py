"""Every setting the service reads from the environment, in one place."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from service.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TRUE_WORDS = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """The service's configuration; built once by `from_env`."""

    twilio_auth_token: str = ""
    local_demo: bool = False
    state_url: str = ""
    public_base_url: str = ""
    phone_hash_key: str = ""
    content_dir: Path = PROJECT_ROOT / "content"
    line_phone: str = ""
    voice_name: str = "Polly.Joanna"
    voice_language: str = "en-US"
    state_ttl_seconds: int = 7 * 24 * 3600
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings listed in the README; a bad value raises ConfigError."""
        env = os.environ if env is None else env
        return cls(
            twilio_auth_token=env.get("TWILIO_AUTH_TOKEN", "").strip(),
            local_demo=env.get("LOCAL_DEMO", "").strip().lower() in TRUE_WORDS,
            state_url=env.get("STATE_URL", "").strip(),
            public_base_url=env.get("PUBLIC_BASE_URL", "").strip().rstrip("/"),
            phone_hash_key=env.get("PHONE_HASH_KEY", "").strip(),
            content_dir=Path(env.get("CONTENT_DIR", "") or PROJECT_ROOT / "content"),
            line_phone=env.get("LINE_PHONE", "").strip(),
            voice_name=env.get("VOICE_NAME", "").strip() or "Polly.Joanna",
            voice_language=env.get("VOICE_LANGUAGE", "").strip() or "en-US",
            state_ttl_seconds=_int(env, "STATE_TTL_SECONDS", 7 * 24 * 3600),
            log_level=env.get("LOG_LEVEL", "").strip().upper() or "INFO",
        )


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    """Parse a positive whole number so a typo stops the start with the variable's name."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number of seconds, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be above 0, not {value}")
    return value
