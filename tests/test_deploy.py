"""The deployment files under deploy/, checked as far as a machine without Docker allows.

Run here: the compose file is parsed and its settings compared with the README; the Dockerfile's
stages, user, command, lock and files are read, and its health-check command is run against a live
app; the systemd unit goes through `systemd-analyze verify`; the Caddyfile through `caddy validate`,
and as compose's caddy service reads it; deploy/rootfs.py (which builds and measures the image's tree
by hand, in minutes) is held to the Dockerfile and the .dockerignore. Not run here: `docker build`,
`docker compose up` (no Docker engine), nor the unit under systemd.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from flask import Flask
from werkzeug.serving import make_server

from service.config import PROJECT_ROOT
from service.web.runtime import runtime_of

DEPLOY = PROJECT_ROOT / "deploy"
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
RUNTIME_DEBIAN_PACKAGES = ("libespeak-ng1", "espeak-ng")
GUNICORN = ["gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"]


def dockerfile() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def instruction(name: str, lines: list[str] | None = None) -> list[str]:
    return [line[len(name) + 1:].strip() for line in lines or dockerfile() if line.startswith(f"{name} ")]


def stages() -> dict[str, list[str]]:
    """Each build stage's instructions, by the stage's name (FROM ... AS name)."""
    found: dict[str, list[str]] = {}
    for line in dockerfile():
        if line.startswith("FROM "):
            name = line.split()[-1] if " AS " in line.upper() else str(len(found))
            found[name] = []
        elif found:
            found[list(found)[-1]].append(line)
    return found


def build_arg(name: str) -> str:
    """An ARG's default value in the Dockerfile."""
    values = [line.split("=", 1)[1].strip('"') for line in instruction("ARG") if line.startswith(f"{name}=")]
    assert values, f"ARG {name} has no default"
    return values[0]


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_runs_the_line_with_redis_and_known_settings() -> None:
    services = compose()["services"]
    assert set(services) == {"line", "redis", "caddy"}
    line = services["line"]
    assert line["environment"]["STATE_URL"] == "redis://redis:6379/0"
    built = DEPLOY / line["build"]["context"] / line["build"]["dockerfile"]
    assert built.resolve() == DEPLOY / "Dockerfile"
    assert line["depends_on"]["redis"]["condition"] == "service_healthy"
    assert all(port.startswith("127.0.0.1:") for port in line["ports"]), "only the proxy may reach the line"
    for name in line["environment"]:
        assert f"| `{name}` |" in README, f"{name} is not in the README's settings table"
    for name in ("TWILIO_AUTH_TOKEN", "PUBLIC_BASE_URL", "PHONE_HASH_KEY"):
        assert line["environment"][name].startswith(f"${{{name}:?"), f"{name} must be required"


def test_compose_redis_keeps_every_opt_out_on_disk() -> None:
    redis = compose()["services"]["redis"]
    command = redis["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert command[command.index("--appendfsync") + 1] == "always"
    assert any(volume.endswith(":/data") for volume in redis["volumes"])
    assert "redis-cli" in redis["healthcheck"]["test"]


def test_compose_puts_caddy_in_front_of_the_line(tmp_path: Path) -> None:
    services = compose()["services"]
    caddy, line = services["caddy"], services["line"]
    assert {"80:80", "443:443"} <= set(caddy["ports"])
    assert caddy["depends_on"]["line"]["condition"] == "service_healthy"
    mounted = {volume.split(":")[1]: volume.split(":")[0] for volume in caddy["volumes"]}
    assert (DEPLOY / mounted["/etc/caddy/Caddyfile"]).resolve() == DEPLOY / "Caddyfile"
    assert caddy["environment"]["PUBLIC_BASE_URL"] == line["environment"]["PUBLIC_BASE_URL"]
    upstream = caddy["environment"]["LINE_UPSTREAM"]
    assert upstream == f"line:{line['ports'][0].rsplit(':', 1)[1]}"
    env = {"PUBLIC_BASE_URL": "https://line.example.org", "LINE_UPSTREAM": upstream}
    server = _caddy_config(tmp_path, env)["apps"]["http"]["servers"]["srv0"]
    route = server["routes"][0]
    assert route["match"] == [{"host": ["line.example.org"]}]
    handlers = json.dumps(route["handle"])
    assert '"dial": "line:8000"' in handlers and '"path": ["/ops/*"]' in handlers


def _caddy_config(tmp_path: Path, env: dict[str, str]) -> dict:
    """deploy/Caddyfile as Caddy reads it with these environment variables, in Caddy's JSON."""
    result = subprocess.run(
        ["caddy", "adapt", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env={"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
             "PATH": "/usr/bin:/bin", **env},
    )
    assert result.returncode == 0, result.stderr
    config: dict = json.loads(result.stdout)
    return config


def test_the_image_runs_gunicorn_as_a_user_who_is_not_root() -> None:
    lines = list(stages().values())[-1]
    users = [i for i, line in enumerate(lines) if line.startswith("USER ")]
    assert users and lines[users[-1]].split()[1] not in {"root", "0"}
    assert users[-1] < next(i for i, line in enumerate(lines) if line.startswith("CMD "))
    assert json.loads(instruction("CMD", lines)[-1]) == GUNICORN


def test_the_image_is_built_in_stages_from_the_serving_lock() -> None:
    built = stages()
    assert len(built) >= 2 and "build" in built
    final = list(built.values())[-1]
    assert "COPY --from=build /opt/venv /opt/venv" in final
    assert not [line for line in final if "pip install" in line], "the image installs nothing itself"
    assert "PATH=/opt/venv/bin:$PATH" in " ".join(instruction("ENV", final))
    assert build_arg("LOCK") == "requirements/serve.txt"
    installs = [line for line in instruction("RUN", built["build"]) if "pip install" in line]
    assert any("--require-hashes -r /tmp/${LOCK}" in line for line in installs)
    for line in installs:  # every package from the lock, checked; the project alone without its deps
        assert "--require-hashes" in line or "--no-deps --no-build-isolation" in line, line
    assert "COPY requirements/ /tmp/requirements/" in built["build"]


def test_the_image_speaks_only_when_built_with_the_speech_lock() -> None:
    """The default image installs no Debian package; the speech build named in the Dockerfile installs
    the speech lock and the Debian packages scripts/setup's speech install uses."""
    assert build_arg("DEBIAN_PACKAGES") == ""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    speech = re.search(r"--build-arg LOCK=(\S+) .*?--build-arg DEBIAN_PACKAGES=\"([^\"]+)\"", text, re.S)
    assert speech is not None
    assert (PROJECT_ROOT / speech.group(1)).exists()
    setup = (PROJECT_ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    speech_packages = re.search(r"^SPEECH_PACKAGES=\((.*)\)$", setup, re.M)
    assert speech_packages is not None
    for package in speech.group(2).split():
        assert package in RUNTIME_DEBIAN_PACKAGES and package in speech_packages.group(1), package


def test_every_file_the_image_copies_is_in_the_repository_and_not_ignored() -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    for line in instruction("COPY"):
        if line.startswith("--from="):
            continue  # from an earlier stage
        *sources, _target = line.split()
        for source in sources:
            if source.endswith("*"):
                continue  # optional (gunicorn.conf.py comes from another branch)
            assert (PROJECT_ROOT / source).exists(), source
            assert f"!{source.rstrip('/')}" in ignore or f"!{source.rstrip('/')}/" in ignore, source


@pytest.fixture
def served(app: Flask) -> Iterator[int]:
    """The app on a loopback port, for the image's health-check command."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join(timeout=5)


def health_check_command(port: int) -> list[str]:
    line = instruction("HEALTHCHECK")[-1]
    command = json.loads(line[line.index("CMD ") + 4:])
    assert "/healthz" in command[-1]
    return [sys.executable, *command[1:-1], command[-1].replace(":8000/", f":{port}/")]


def test_the_image_health_check_passes_on_a_healthy_line(served: int) -> None:
    result = subprocess.run(health_check_command(served), capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_the_image_health_check_fails_when_the_store_does_not_answer(
    served: int, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down() -> None:
        raise OSError("store down")

    monkeypatch.setattr(runtime_of(app).store, "ping", down)
    result = subprocess.run(health_check_command(served), capture_output=True, timeout=30)
    assert result.returncode != 0


def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    unit = (DEPLOY / "mbc-line.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/mbc-line/.venv/bin/" + shlex.join(GUNICORN) in unit
    assert "ReadWritePaths=/opt/mbc-line/instance" in unit
    env_file = tmp_path / "line.env"
    env_file.write_text("TWILIO_AUTH_TOKEN=x\n")
    local = unit.replace("/opt/mbc-line", str(PROJECT_ROOT)).replace("/etc/mbc-line/line.env", str(env_file))
    (PROJECT_ROOT / ".venv" / "bin" / "gunicorn").resolve(strict=True)
    copy = tmp_path / "mbc-line.service"
    copy.write_text(local, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True,
                            timeout=60)
    said = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and str(copy) not in said, said


def test_the_caddyfile_is_valid_and_says_to_set_public_base_url(tmp_path: Path) -> None:
    text = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "PUBLIC_BASE_URL=https://line.example.org" in text and "no trailing slash" in text
    result = subprocess.run(
        ["caddy", "validate", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env={"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
             "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0 and "Valid configuration" in result.stdout + result.stderr, result.stderr


def rootfs() -> ModuleType:
    """deploy/rootfs.py, the script that builds the image's tree where no Docker engine runs."""
    if "deploy_rootfs" not in sys.modules:
        spec = importlib.util.spec_from_file_location("deploy_rootfs", DEPLOY / "rootfs.py")
        assert spec is not None and spec.loader is not None
        sys.modules["deploy_rootfs"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules["deploy_rootfs"])
    return sys.modules["deploy_rootfs"]


def test_the_image_never_carries_secrets_state_or_the_dev_install(tmp_path: Path) -> None:
    """The build context, as deploy/Dockerfile.dockerignore filters it, on a checkout an operator has
    used: their deploy/.env (the Twilio token), the instance folder, .venv and bytecode stay out."""
    script = rootfs()
    kept = ["pyproject.toml", "README.md", "wsgi.py", "gunicorn.conf.py", "requirements/serve.txt",
            "service/__init__.py", "service/web/pages/static/phone.js", "content/topics/bones.yaml"]
    left_out = ["deploy/.env", "instance/state.sqlite3", "instance/phone-hash.key", ".venv/bin/python",
                "service/__pycache__/config.cpython-311.pyc", "content/topics/__pycache__/x.pyc",
                "tests/conftest.py", ".git/config", "bench/load.py", "notes.pyc",
                "mbc_line.egg-info/PKG-INFO"]
    for relative in kept + left_out:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x", encoding="utf-8")
    rules = script.ignored((DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8"))
    assert sorted(script.context_files(rules, tmp_path, tmp_path)) == sorted(kept)


def test_the_measuring_script_follows_every_instruction_of_the_dockerfile() -> None:
    """deploy/rootfs.py measures the image the README states by carrying out deploy/Dockerfile itself:
    it knows each instruction there, and builds the base both stages start from."""
    script = rootfs()
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    found, global_args = script.stages(script.instructions(text), {})
    known = script.SETTINGS | {"ARG", "ENV", "RUN", "COPY", "WORKDIR"}
    assert [stage.name for stage in found] == list(stages())
    for stage in found:
        assert stage.image in {f"debian:{script.SUITE}-slim", *[earlier.name for earlier in found]}
        assert {item.keyword for item in stage.instructions} <= known
    assert global_args == {"DEBIAN_IMAGE": f"debian:{script.SUITE}-slim"}
    final = [item.args for item in found[-1].instructions if item.keyword == "RUN"]
    assert "python3" in final[0].split() and "useradd --system --uid 10001" in final[0]
    assert "rootfs.py" in README and f"debian:{script.SUITE}-slim" in README
