"""The doctor's checks: each looks at one thing operators get wrong and says how to fix it.

A check returns Findings; FAIL means real calls or texts would break (the command exits 1),
WARN means something works less well than it could. No check changes what the line keeps,
except a short-lived probe key in the store.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from service.config import Server, Settings, SettingsError, setting_names
from service.errors import ConfigError
from service.store.privacy import read_key_file, weak_key

AUTH_TOKEN = re.compile(r"[0-9a-f]{32}")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "::1"}
SHARED_STORE_SCHEMES = {"redis", "rediss"}
MAX_LISTED = 5
PROBE_KEY = "doctor:probe"
SPEECH_TIMEOUT_SECONDS = 30.0


class Level(StrEnum):
    """How bad a finding is."""

    OK = "ok"
    WARN = "warning"
    FAIL = "PROBLEM"


@dataclass(frozen=True)
class Finding:
    """One result: what was found and, for a problem, the fix in plain words."""

    level: Level
    what: str
    fix: str = ""


@dataclass(frozen=True)
class Setup:
    """What the checks look at: the raw environment, the settings read from it, the instance folder."""

    env: Mapping[str, str]
    settings: Settings | None
    instance: Path

    def raw(self, name: str) -> str:
        """A variable as the operator set it (the settings strip and tidy some)."""
        return self.env.get(name, "").strip()


Check = Callable[[Setup], list[Finding]]


def ok(what: str) -> list[Finding]:
    return [Finding(Level.OK, what)]


def warn(what: str, fix: str) -> list[Finding]:
    return [Finding(Level.WARN, what, fix)]


def fail(what: str, fix: str) -> list[Finding]:
    return [Finding(Level.FAIL, what, fix)]


def read_settings(env: Mapping[str, str]) -> tuple[Settings | None, list[Finding]]:
    """The settings, or each value not understood that would stop the line from starting."""
    problems: list[str] = []
    settings: Settings | None = None
    for read in (Server.from_env, Settings.from_env):
        try:
            made = read(env)
        except SettingsError as error:
            problems += error.problems
        except ConfigError as error:
            problems.append(str(error))
        else:
            settings = made if isinstance(made, Settings) else settings
    if not problems:
        return settings, ok("Every setting has a valid value.") + _misspelt(env)
    found = [f for problem in problems for f in fail(
        f"A setting is not understood, so the line will not start: {problem}.",
        "Correct that variable (see the Settings table in the README).")]
    return None, found + _misspelt(env)


def _misspelt(env: Mapping[str, str]) -> list[Finding]:
    """A variable named almost like a setting (AUDIO_ENABLE) is most likely one the line never reads."""
    known = setting_names()
    found: list[Finding] = []
    for name in sorted(set(env) - known):
        near = difflib.get_close_matches(name, known, n=1, cutoff=0.85)
        if near:
            found += warn(f"{name} is set, but the line reads no such setting: it reads {near[0]}.",
                          f"Rename {name} to {near[0]} if that is what you meant.")
    return found


def check_token(setup: Setup) -> list[Finding]:
    """The auth token every webhook's signature is checked with."""
    token = setup.raw("TWILIO_AUTH_TOKEN")
    demo = setup.raw("LOCAL_DEMO").lower() in {"1", "true", "yes", "on"}
    if not token and demo:
        return fail("LOCAL_DEMO is on and TWILIO_AUTH_TOKEN is not set: every real Twilio request is "
                    "refused.",
                    "Set TWILIO_AUTH_TOKEN to the auth token in the Twilio console (Account info) "
                    "and remove LOCAL_DEMO.")
    if not token:
        return fail("TWILIO_AUTH_TOKEN is not set, so the line will not start.",
                    "Set TWILIO_AUTH_TOKEN to the auth token in the Twilio console (Account info).")
    found = ok("TWILIO_AUTH_TOKEN is set (the line needs no account SID or API key).")
    if not AUTH_TOKEN.fullmatch(token):
        found = warn("TWILIO_AUTH_TOKEN does not look like a Twilio auth token (32 characters, 0-9 and a-f); "
                     "with a wrong token every call and text gets 'forbidden'.",
                     "Copy the auth token again from the Twilio console (Account info): not the account "
                     "SID, not an API key secret.")
    if demo:
        found += warn("LOCAL_DEMO is set but has no effect while TWILIO_AUTH_TOKEN is set.",
                      "Remove LOCAL_DEMO from a real line's settings.")
    return found


def check_public_url(setup: Setup) -> list[Finding]:
    """PUBLIC_BASE_URL: the https address Twilio calls and signs."""
    raw = setup.raw("PUBLIC_BASE_URL")
    if not raw:
        return warn("PUBLIC_BASE_URL is not set: the line checks signatures against the address each "
                    "request arrives at, which behind a proxy or tunnel is not the one Twilio signed.",
                    "Set PUBLIC_BASE_URL to the https address in the Twilio console, e.g. "
                    "PUBLIC_BASE_URL=https://line.example.org")
    parts = urlsplit(raw)
    found: list[Finding] = []
    if parts.scheme != "https":
        found += fail(f"PUBLIC_BASE_URL is {raw}: it must start with https://, or Twilio's signatures "
                      "will not match and callers' choices travel unencrypted.",
                      "Serve the line over https (see deploy/Caddyfile) and set PUBLIC_BASE_URL=https://...")
    if not parts.hostname or parts.hostname in LOCAL_HOSTS:
        found += fail(f"PUBLIC_BASE_URL is {raw}: Twilio cannot reach that host.",
                      "Use the public name of your server or tunnel, e.g. https://line.example.org")
    if parts.query or parts.fragment:
        found += fail(f"PUBLIC_BASE_URL is {raw}: it must not have a ? or # part.",
                      "Keep only https://host (and a path prefix, if your proxy adds one).")
    if raw.endswith("/"):
        found += warn(f"PUBLIC_BASE_URL ends with a slash ({raw}).",
                      f"Remove the trailing slash: PUBLIC_BASE_URL={raw.rstrip('/')}")
    return found or ok(f"PUBLIC_BASE_URL is {raw}.")


def check_line_phone(setup: Setup) -> list[Finding]:
    """LINE_PHONE, the number HELP tells texters to call (its E.164 form is checked with the settings)."""
    phone = setup.raw("LINE_PHONE")
    if not phone:
        return ok("LINE_PHONE is not set: HELP offers the number each text was sent to.")
    if setup.settings is None or setup.settings.line_phone != phone:
        return []
    return ok(f"LINE_PHONE is {phone}.")


def check_hash_key(setup: Setup) -> list[Finding]:
    """PHONE_HASH_KEY: opt-outs are kept under it, so every host must share one that never changes."""
    key = setup.raw("PHONE_HASH_KEY")
    key_file = setup.raw("PHONE_HASH_KEY_FILE")
    if key_file and not key:
        try:
            key = read_key_file(Path(key_file))
        except ConfigError as error:
            return fail(str(error), "Point PHONE_HASH_KEY_FILE at a readable file that holds the key.")
    scheme = urlsplit(setup.raw("STATE_URL")).scheme
    if not key and scheme in SHARED_STORE_SCHEMES:
        return fail(f"PHONE_HASH_KEY is not set while the store ({scheme}://) may be shared by several "
                    "hosts: each would make its own key, and a STOP sent through one would not be known to "
                    "the others. The line refuses to start.",
                    "Set the same long random PHONE_HASH_KEY on every host (`openssl rand -hex 32`).")
    if not key:
        where = setup.instance / "phone-hash.key"
        state = "is kept" if where.exists() else "will be made at the first start"
        return warn(f"PHONE_HASH_KEY is not set: a key {state} in {where}.",
                    "Back that file up with the store: if it is lost, every opt-out is forgotten.")
    why = weak_key(key)
    if why and scheme in SHARED_STORE_SCHEMES:
        return fail(f"PHONE_HASH_KEY is too weak to share between hosts: {why}. The line will not start.",
                    "Use at least 32 random bytes, e.g. `openssl rand -hex 32` (a new key forgets opt-outs).")
    if why:
        return warn(f"PHONE_HASH_KEY is weak: {why}.",
                    "Use a long random key, e.g. from `openssl rand -hex 32` (changing it forgets opt-outs).")
    return ok("PHONE_HASH_KEY is set.")


def check_instance(setup: Setup) -> list[Finding]:
    """The instance folder holds the opt-out journal that keeps a STOP when the store fails."""
    try:
        setup.instance.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=setup.instance):
            pass
    except OSError as error:
        return fail(f"The instance folder {setup.instance} cannot be written ({error.strerror}): the "
                    "opt-out journal, which keeps a STOP when the store fails, cannot be written there.",
                    f"Make {setup.instance} writable by the user the line runs as.")
    return ok(f"The instance folder {setup.instance} can be written.")


def check_store(setup: Setup) -> list[Finding]:
    """The store answers, keeps a value, and has the usage counts."""
    from service.store import open_store

    settings = setup.settings
    if settings is None:
        return []
    url = settings.state_url or f"sqlite:///{setup.instance / 'state.sqlite3'} (the default)"
    try:
        store = open_store(settings.state_url, setup.instance)
        store.ping()
        store.put(PROBE_KEY, {"probe": True}, 60)
        if store.get(PROBE_KEY) != {"probe": True}:
            return fail(f"The store at {url} did not give back what was written to it.",
                        "Check STATE_URL names the right store and that nothing else clears it.")
        store.counts("2000-01-01", "2000-01-01")
    except Exception as error:  # any backend's error: this is what the operator must see
        return fail(f"The store at {url} cannot be used: {error}",
                    "Check STATE_URL, that the store is running, and that the line's user can write to it.")
    if settings.state_url.startswith("memory:"):
        return fail("STATE_URL is memory://: opt-outs and callers' places are lost at every restart.",
                    "Use the default SQLite file, or sqlite:////var/lib/mbc-line/state.sqlite3, or Redis.")
    return ok(f"The store at {url} answers and can be written.")


def check_content(setup: Setup) -> list[Finding]:
    """The content passes the checker; errors stop the line from starting."""
    from service.checker import check_content as run_checker

    settings = setup.settings
    if settings is None:
        return []
    report = run_checker(settings.content_dir, settings.content_max_age_days)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors:
        listed = "; ".join(str(p) for p in errors[:MAX_LISTED])
        more = f" (and {len(errors) - MAX_LISTED} more)" if len(errors) > MAX_LISTED else ""
        fix = "Run `flask content check` and fix each line it lists."
        if _serves(settings.content_dir):
            return warn(f"The content in {settings.content_dir} has {len(errors)} error(s) the line still "
                        f"serves (topics due for review, wording to mend): {listed}{more}.", fix)
        return fail(f"The content in {settings.content_dir} has {len(errors)} error(s), so the line will "
                    f"not start: {listed}{more}.", fix)
    if report.warnings:
        return warn(f"The content has {report.warnings} warning(s).",
                    "Run `flask content check` to see them; the line runs as it is.")
    return ok(f"The content in {settings.content_dir} passes every check.")


def _serves(folder: Path) -> bool:
    """Whether the app would load this content: a topic past its review date is served all the same."""
    from service.checker import load_checked
    from service.content import ContentError

    try:
        load_checked(folder)
    except ContentError:
        return False
    return True


def check_speech(setup: Setup) -> list[Finding]:
    """espeak-ng is installed and renders a line (needed for recordings and the talking menu)."""
    from service.speech.render import rate_for, voice_for
    from service.speech.worker import Job, SpeechWorker

    settings = setup.settings
    if settings is None:
        return []
    needed = "recordings (AUDIO_ENABLED) and the talking menu need it; calls still work with Twilio's voice"
    if shutil.which("espeak-ng") is None:
        return warn(f"espeak-ng is not installed: {needed}.",
                    "Install it: `sudo apt-get install espeak-ng libespeak-ng1` "
                    "(`scripts/setup speech` does this).")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doctor.wav"
        with SpeechWorker(voice_for(settings, "en"), rate_for(settings, False)) as worker:
            outcome = worker.run(Job("doctor", "This is a test.", path), SPEECH_TIMEOUT_SECONDS)
        size = path.stat().st_size if path.exists() else 0
    if not outcome.ok or size < 1000:
        problem = outcome.problem or "it wrote no sound"
        return warn(f"espeak-ng is installed but did not render a test line: {problem}; {needed}.",
                    "Check SPEECH_VOICE names an installed voice (`espeak-ng --voices`) and reinstall "
                    "espeak-ng and libespeak-ng1.")
    return ok("espeak-ng renders speech.")


def check_audio(setup: Setup) -> list[Finding]:
    """With AUDIO_ENABLED, every line the content needs is recorded."""
    from service.checker import load_checked
    from service.speech.cache import AudioCache
    from service.speech.render import missing_jobs, plan_audio

    settings = setup.settings
    if settings is None or not settings.audio_enabled:
        return []
    folder = settings.audio_dir or setup.instance / "audio"
    try:
        jobs = plan_audio(load_checked(settings.content_dir), settings)
    except Exception:
        return []  # the content check already says why
    missing = len(missing_jobs(jobs, AudioCache(folder)))
    if missing:
        return warn(f"AUDIO_ENABLED is on but {missing} of {len(jobs)} recordings are missing from {folder}: "
                    "those lines are spoken by Twilio's voice instead.",
                    "Run `flask audio render` with the same AUDIO_DIR and SPEECH_* settings as the line.")
    return ok(f"All {len(jobs)} recordings are in {folder}.")


def check_answers(setup: Setup) -> list[Finding]:
    """The line starts and answers a signed test call and text (on a throwaway in-memory store)."""
    from service.web.app import create_app
    from service.web.twilio.simulate import TwilioSimulator

    settings = setup.settings
    if settings is None or not (settings.twilio_auth_token or settings.local_demo):
        return []
    trial = replace(settings, state_url="memory://", usage_counts=False, audio_enabled=False)
    try:
        with tempfile.TemporaryDirectory() as folder:
            app = create_app(trial, instance_path=folder)
            phone = TwilioSimulator(app)
            call, text = phone.dial(), phone.text("bones")
    except Exception as error:
        return fail(f"The line does not start: {error}",
                    "Fix the problems above, then run flask doctor again.")
    if not (call.gathers and text.messages):
        return fail(f"The line started but a test call (HTTP {call.status}) or text (HTTP {text.status}) "
                    "got no proper answer.", "Run `flask call` and `flask text hi` to see what it says.")
    return ok("The line starts and answers a signed test call and a test text.")


CHECKS: tuple[Check, ...] = (
    check_token, check_public_url, check_line_phone, check_hash_key, check_instance, check_store,
    check_content, check_speech, check_audio, check_answers,
)


def webhook_urls(setup: Setup) -> list[tuple[str, str]]:
    """What to paste in the Twilio console, on the phone number: (field, URL)."""
    base = setup.raw("PUBLIC_BASE_URL").rstrip("/") or "https://YOUR-HOST"
    return [
        ("A call comes in (Webhook, HTTP POST)", f"{base}/voice"),
        ("Call status changes (HTTP POST)", f"{base}/voice/status"),
        ("A message comes in (Webhook, HTTP POST)", f"{base}/sms"),
    ]


def examine(env: Mapping[str, str], instance: Path, checks: tuple[Check, ...] = CHECKS) -> list[Finding]:
    """Run every check; a check that crashes is itself reported, never the end of the run."""
    settings, found = read_settings(env)
    setup = Setup(env, settings, instance)
    for check in checks:
        try:
            found += check(setup)
        except Exception as error:
            found += fail(f"The check '{check.__doc__}' itself failed: {error!r}",
                          "Fix the problems above and run flask doctor again; if this stays, report it.")
    return found
