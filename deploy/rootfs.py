"""Build deploy/Dockerfile's image as folders, from Debian's packages and the lock, and measure it.

Where no Docker engine runs, this is how the image's size is known and its tree is tried. As root:
    python3 deploy/rootfs.py [--out /var/tmp/mbc-rootfs] [--build-arg LOCK=...] [--serve]
1. The base, debian:bookworm-slim, made as Debian makes it: debuerreotype (Debian's package of the
   tool that builds the official images) runs debootstrap --variant=minbase, applies the image's
   minimizing settings, upgrades from bookworm, -updates and -security (this host's Debian sources,
   which on a Debian bookworm host are the image's own), slims it and writes the layer tarball,
   leaving out what the official tarball leaves out.
2. Each stage of the Dockerfile, instruction by instruction on a copy of that base: RUN in a chroot
   (its own mount namespace, with the ARGs and ENVs Docker gives it), COPY from the build context
   filtered by deploy/Dockerfile.dockerignore or from an earlier stage, WORKDIR; the rest is the
   image's settings. After each instruction the changed files are the layer, as Docker's differ finds
   them (a file changed again is counted again; a deleted one is a whiteout).
3. The sizes: each layer's bytes and its gzip'd tarball (what a registry stores and a host pulls),
   their sums, and `du -sb` of the final tree. --serve then starts the final tree as `docker run`
   would (its own network, uid 10001, the image's CMD and environment) and runs the image's
   HEALTHCHECK and a signed text to /sms in it.
What differs from `docker build`: the folders' owner and times come from the build here, and the
network the build uses may need this machine's CA (PIP_CERT, given to RUN, never kept in the tree).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
IGNORE = ROOT / "deploy" / "Dockerfile.dockerignore"
SUITE = "bookworm"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
DEBUERREOTYPE = Path("/usr/share/debuerreotype/scripts")
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# The host's Debian sources (deb822, as debian:bookworm-slim has them): the image's, on a Debian host.
HOST_SOURCES = Path("/etc/apt/sources.list.d/debian.sources")
# Instructions that change no file: they are the image's settings.
SETTINGS = {"USER", "VOLUME", "EXPOSE", "HEALTHCHECK", "CMD", "ENTRYPOINT", "LABEL", "STOPSIGNAL"}
Entry = tuple[int, int, int, int, int, str]  # mode, uid, gid, size, mtime_ns, link target
Rules = list[tuple[bool, re.Pattern[str]]]  # .dockerignore: (excludes, pattern), the last match wins


@dataclass
class Instruction:
    keyword: str
    args: str


@dataclass
class Stage:
    name: str
    image: str
    instructions: list[Instruction]


@dataclass
class Layer:
    made_by: str
    size: int
    gzipped: int
    entries: int


@dataclass
class Built:
    """A stage's tree and what Docker would record of it."""

    root: Path
    env: dict[str, str] = field(default_factory=lambda: {"PATH": DEFAULT_PATH})
    args: dict[str, str] = field(default_factory=dict)
    workdir: str = "/"
    settings: dict[str, str] = field(default_factory=dict)
    layers: list[Layer] = field(default_factory=list)


def instructions(text: str) -> list[Instruction]:
    """The Dockerfile's instructions: comment lines dropped, continuation lines joined."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    found = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, args = line.strip().partition(" ")
            found.append(Instruction(keyword.upper(), " ".join(args.split()) if keyword.upper() != "RUN"
                                     else args.strip()))
    return found


def substitute(text: str, values: dict[str, str]) -> str:
    """Docker's $NAME and ${NAME} in FROM, ENV, COPY and WORKDIR."""
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: values.get(m.group(1) or m.group(2), ""), text)


def stages(found: list[Instruction], build_args: dict[str, str]) -> tuple[list[Stage], dict[str, str]]:
    """The stages, each with its base image resolved, and the global ARGs' values."""
    global_args: dict[str, str] = {}
    result: list[Stage] = []
    for item in found:
        if item.keyword == "FROM":
            words = substitute(item.args, global_args).split()
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else str(len(result))
            result.append(Stage(name, words[0], []))
        elif result:
            result[-1].instructions.append(item)
        elif item.keyword == "ARG":
            name, _, default = item.args.partition("=")
            global_args[name] = build_args.get(name, default.strip('"'))
    return result, global_args


def ignored(ignore_text: str) -> Rules:
    """The .dockerignore's rules in order, each (excludes, pattern); the last that matches wins."""
    rules = []
    for raw in ignore_text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        pattern = os.path.normpath(line.lstrip("!").strip("/"))
        regex = ""
        for part in re.split(r"(\*\*/|\*\*|\*|\?)", pattern):
            regex += {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(part, re.escape(part))
        rules.append((not keep, re.compile(regex + "(?:/.*)?")))  # a folder's rule covers what it holds
    return rules


def in_context(relative: str, rules: Rules) -> bool:
    """Whether the build context (the repository, less the .dockerignore) sends this path."""
    excluded = False
    for excludes, pattern in rules:
        if pattern.fullmatch(relative):
            excluded = excludes
    return not excluded


def context_files(rules: Rules, under: Path = ROOT, top: Path = ROOT) -> Iterator[str]:
    """Every file of the build context under a folder, relative to the context's top folder."""
    for folder, dirs, files in os.walk(under):
        relative_folder = os.path.relpath(folder, top)
        dirs[:] = [name for name in dirs if reachable(os.path.normpath(os.path.join(relative_folder, name)),
                                                      rules)]
        for name in sorted(files):
            relative = os.path.normpath(os.path.join(relative_folder, name))
            if in_context(relative, rules):
                yield relative


def reachable(folder: str, rules: Rules) -> bool:
    """Whether a folder may hold a path of the context: it is in it, or a `!` rule may reach inside."""
    return in_context(folder, rules) or any(
        not excludes and pattern.pattern.startswith(re.escape(folder + "/")) for excludes, pattern in rules)


def snapshot(root: Path) -> dict[str, Entry]:
    """Every path under root with what Docker's differ compares."""
    found: dict[str, Entry] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            link = os.readlink(path) if stat.S_ISLNK(info.st_mode) else ""
            size = info.st_size if stat.S_ISREG(info.st_mode) else 0
            found[os.path.relpath(path, root)] = (info.st_mode, info.st_uid, info.st_gid, size,
                                                  info.st_mtime_ns, link)
    return found


def layer(root: Path, made_by: str, before: dict[str, Entry], after: dict[str, Entry]) -> Layer | None:
    """What changed between two snapshots, as a layer: its files' bytes and its tarball gzip'd."""
    changed = sorted(path for path, entry in after.items() if before.get(path) != entry)
    deleted = [path for path in before if path not in after]
    if not changed and not deleted:
        return None
    listing = root.parent / f".{root.name}.layer"
    listing.write_bytes("".join(f"./{path}\0" for path in changed).encode())
    size = sum(after[path][3] for path in changed)
    gzipped = tarball_size(["-C", str(root), "--no-recursion", "--null", "-T", str(listing)])
    listing.unlink()
    return Layer(made_by, size, gzipped, len(changed) + len(deleted))


def tarball_size(tar_args: list[str]) -> int:
    """The bytes of `tar --create ... | gzip -c`, as Docker compresses a layer it pushes."""
    return gzipped_size(["tar", "--create", "--numeric-owner", *tar_args])


def gzipped_size(command: list[str]) -> int:
    """The bytes of what a command writes, gzip'd at gzip's default level (Docker's)."""
    source = subprocess.Popen(command, stdout=subprocess.PIPE)
    gzip = subprocess.Popen(["gzip", "-c"], stdin=source.stdout, stdout=subprocess.PIPE)
    assert source.stdout is not None and gzip.stdout is not None
    source.stdout.close()
    total = 0
    while chunk := gzip.stdout.read(1 << 20):
        total += len(chunk)
    if source.wait() or gzip.wait():
        raise SystemExit(f"rootfs: {shlex.join(command)} | gzip failed")
    return total


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    print("+", shlex.join(command), flush=True)
    subprocess.run(command, check=True, env=env)


def tool(name: str) -> str:
    """A debuerreotype script (Debian's package debuerreotype)."""
    path = DEBUERREOTYPE / name
    if not path.exists():
        raise SystemExit(f"rootfs: {path} is missing: apt-get install debootstrap debuerreotype")
    return str(path)


def debian_sources() -> tuple[str, str]:
    """The host's sources for the suite, comments left out, and the mirror of the suite itself."""
    if not HOST_SOURCES.exists():
        raise SystemExit(f"rootfs: needs a Debian {SUITE} host with {HOST_SOURCES}")
    stanzas = []
    mirror = ""
    for stanza in HOST_SOURCES.read_text(encoding="utf-8").split("\n\n"):
        fields = dict(line.split(": ", 1) for line in stanza.splitlines() if ": " in line and line[0] != "#")
        if any(suite.startswith(SUITE) for suite in fields.get("Suites", "").split()):
            stanzas.append("\n".join(f"{name}: {value}" for name, value in fields.items()))
            if SUITE in fields["Suites"].split():
                mirror = fields["URIs"].split()[0]
    if not mirror:
        raise SystemExit(f"rootfs: {HOST_SOURCES} has no source for {SUITE}")
    return "\n\n".join(stanzas) + "\n", mirror


def base_image(out: Path) -> Path:
    """debian:bookworm-slim's layer tarball, built as Debian builds it (kept in out/ and reused)."""
    tarball = out / f"debian-{SUITE}-slim.tar"
    if tarball.exists():
        return tarball
    tree = out / "base"
    shutil.rmtree(tree, ignore_errors=True)
    sources, mirror = debian_sources()
    run([tool("debuerreotype-init"), "--non-debian", "--keyring", KEYRING, str(tree), SUITE, mirror])
    run([tool("debuerreotype-minimizing-config"), str(tree)])
    (tree / "etc/apt/sources.list").unlink(missing_ok=True)
    (tree / "etc/apt/sources.list.d/debian.sources").write_text(sources, encoding="utf-8")
    run([tool("debuerreotype-apt-get"), str(tree), "update", "-qq"])
    run([tool("debuerreotype-apt-get"), str(tree), "dist-upgrade", "-yqq"])
    run([tool("debuerreotype-slimify"), str(tree)])
    run([tool("debuerreotype-tar"), str(tree), str(tarball) + ".part"])
    os.replace(str(tarball) + ".part", tarball)
    shutil.rmtree(tree)
    return tarball


def chroot(root: Path, command: list[str], env: dict[str, str], *, user: str = "", network: bool = True,
           timeout: float | None = None) -> subprocess.CompletedProcess[bytes]:
    """A command in the tree, in a mount namespace of its own (and a network one unless the build's)."""
    mounts = (
        'R="$1"; CA="$2"; shift 2; '
        'mount --rbind /dev "$R/dev"; mount -t proc proc "$R/proc"; mount --rbind /sys "$R/sys"; '
        'mount --bind -o ro /etc/resolv.conf "$R/etc/resolv.conf"; '
        '[ -z "$CA" ] || mount --bind -o ro "$CA" "$R/mnt"; '
        '[ -z "$LOOPBACK" ] || ip link set lo up; '
        'exec chroot ${USERSPEC:+--userspec="$USERSPEC"} "$R" "$@"'
    )
    cert = os.environ.get("PIP_CERT", "")
    inner_env = dict(env)
    if cert and network:  # this machine's network: only the build's RUN steps reach it
        inner_env["PIP_CERT"] = f"/mnt/{Path(cert).name}"
    unshare = ["unshare", "--mount", "--pid", "--fork"] + ([] if network else ["--net"])
    outer = {"PATH": DEFAULT_PATH, "USERSPEC": user, "LOOPBACK": "" if network else "1"}
    command = [*unshare, "sh", "-ec", mounts, "sh", str(root), str(Path(cert).parent) if cert and network
               else "", "/usr/bin/env", "-i", *(f"{k}={v}" for k, v in inner_env.items()), *command]
    return subprocess.run(command, env=outer, timeout=timeout, capture_output=not network)


def copy(source: Path, target: Path) -> None:
    """Docker's COPY of one file or folder's contents, owned by root, modes and times kept."""
    if source.is_dir() and not source.is_symlink():
        target.mkdir(parents=True, exist_ok=True)
        for item in sorted(source.iterdir()):
            copy(item, target / item.name)
        shutil.copystat(source, target)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink() or target.exists():
            target.unlink()
        shutil.copy2(source, target, follow_symlinks=False)
    os.lchown(target, 0, 0)


def copy_instruction(built: Built, args: str, done: dict[str, Built], rules: Rules
                     ) -> None:
    words = substitute(args, {**built.args, **built.env}).split()
    source_root, from_context = ROOT, True
    if words[0].startswith("--from="):
        source_root, from_context = done[words.pop(0).split("=", 1)[1]].root, False
    *sources, target = words
    destination = target if target.startswith("/") else os.path.join(built.workdir, target)
    into_folder = target.endswith("/") or len(sources) > 1
    for source in sources:
        path = source_root / source.lstrip("/")
        where = built.root / destination.lstrip("/")
        if path.is_dir():
            copy_folder(path, where, rules if from_context else None)
        else:
            copy(path, where / path.name if into_folder else where)


def copy_folder(source: Path, target: Path, rules: Rules | None) -> None:
    """A folder's contents, less what the .dockerignore keeps out of the build context."""
    if rules is None:
        copy(source, target)
        return
    target.mkdir(parents=True, exist_ok=True)
    os.lchown(target, 0, 0)
    top = source.relative_to(ROOT)
    for relative in context_files(rules, source):
        copy(ROOT / relative, target / Path(relative).relative_to(top))


def build_stage(stage: Stage, base: Path, out: Path, done: dict[str, Built], global_args: dict[str, str],
                build_args: dict[str, str], rules: Rules) -> Built:
    """One stage, instruction by instruction, on a fresh copy of its base."""
    root = out / "stages" / stage.name
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    if stage.image in done:
        copy(done[stage.image].root, root)
        built = Built(root, dict(done[stage.image].env), {}, done[stage.image].workdir)
    else:
        if stage.image != f"debian:{SUITE}-slim":
            raise SystemExit(f"rootfs: builds only on debian:{SUITE}-slim, not {stage.image}")
        run(["tar", "-xf", str(base), "-C", str(root), "--numeric-owner"])
        built = Built(root)
    before = snapshot(root)
    for item in stage.instructions:
        apply(built, item, done, global_args, build_args, rules)
        if item.keyword in SETTINGS or item.keyword in {"ARG", "ENV"}:
            continue
        after = snapshot(root)
        made = layer(root, f"{item.keyword} {item.args}", before, after)
        if made:
            built.layers.append(made)
        before = after
    return built


def apply(built: Built, item: Instruction, done: dict[str, Built], global_args: dict[str, str],
          build_args: dict[str, str], rules: Rules) -> None:
    """One instruction, as Docker carries it out."""
    print(f"== {item.keyword} {item.args[:100]}", flush=True)
    values = {**built.args, **built.env}
    if item.keyword == "ARG":
        name, given, default = item.args.partition("=")
        if name in build_args:
            built.args[name] = build_args[name]
        else:
            built.args[name] = default.strip('"') if given else global_args.get(name, "")
    elif item.keyword == "ENV":
        for pair in shlex.split(item.args):
            name, _, value = pair.partition("=")
            built.env[name] = substitute(value, {**built.args, **built.env})
    elif item.keyword == "RUN":
        env = {"HOME": "/root", **built.args, **built.env}
        script = f"cd {shlex.quote(built.workdir)} && {item.args}"
        if chroot(built.root, ["/bin/sh", "-c", script], env).returncode:
            raise SystemExit(f"rootfs: RUN failed: {item.args}")
    elif item.keyword == "COPY":
        copy_instruction(built, item.args, done, rules)
    elif item.keyword == "WORKDIR":
        built.workdir = os.path.join(built.workdir, substitute(item.args, values))
        (built.root / built.workdir.lstrip("/")).mkdir(parents=True, exist_ok=True)
    elif item.keyword in SETTINGS:
        built.settings[item.keyword] = item.args
    else:
        raise SystemExit(f"rootfs: Dockerfile instruction {item.keyword} is not known here")


def tree_size(root: Path) -> int:
    """`du -sb` of the tree: what a container started from the image holds."""
    return int(subprocess.run(["du", "-sb", str(root)], capture_output=True, text=True, check=True)
               .stdout.split()[0])


def report(base: Path, final: Built) -> dict[str, object]:
    """The image's layers and sizes, as `docker history` and a registry would count them."""
    listing = subprocess.run(["tar", "-tvf", str(base)], capture_output=True, text=True, check=True).stdout
    base_size = sum(int(line.split()[2]) for line in listing.splitlines() if line.startswith("-"))
    layers = [Layer(f"FROM debian:{SUITE}-slim (debuerreotype, as Debian builds it)", base_size,
                    gzipped_size(["cat", str(base)]), len(listing.splitlines())),
              *final.layers]
    return {
        "layers": [vars(item) for item in layers],
        "image_bytes": sum(item.size for item in layers),
        "image_gzipped_bytes": sum(item.gzipped for item in layers),
        "tree_du_bytes": tree_size(final.root),
        "venv_du_bytes": tree_size(final.root / "opt/venv"),
        "settings": final.settings, "env": final.env, "workdir": final.workdir,
    }


SIGNED_TEXT = """
import os, sys, urllib.parse, urllib.request
from twilio.request_validator import RequestValidator
params = {"From": "+12025550143", "To": "+12025550100", "Body": "menu",
          "MessageSid": "SM" + "1" * 32, "AccountSid": "AC" + "2" * 32}
url = os.environ["PUBLIC_BASE_URL"] + "/sms"
signature = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"]).compute_signature(url, params)
request = urllib.request.Request("http://127.0.0.1:8000/sms", data=urllib.parse.urlencode(params).encode(),
                                 headers={"X-Twilio-Signature": signature})
with urllib.request.urlopen(request, timeout=10) as answer:
    body = answer.read().decode()
print("POST /sms (signed, Body=menu):", answer.status, body[:300])
sys.exit(answer.status != 200 or "<Message>" not in body)
"""


def serve(final: Built) -> bool:
    """Start the tree as `docker run` would and ask it what Docker and Twilio would ask."""
    settings = final.settings
    user = settings["USER"]
    health = json.loads(settings["HEALTHCHECK"].split("CMD ", 1)[1])
    command = json.loads(settings["CMD"])
    home = next(line.split(":")[5] for line in (final.root / "etc/passwd").read_text().splitlines()
                if line.split(":")[0] == user)  # Docker's HOME for the USER
    env = {**final.env, "HOME": home, "TWILIO_AUTH_TOKEN": os.urandom(16).hex(),
           "PUBLIC_BASE_URL": "https://line.example.org", "PHONE_HASH_KEY": os.urandom(32).hex()}
    script = f"""cd {final.workdir}
{shlex.join(command)} &
for second in $(seq 60); do {shlex.join(health)} 2>/dev/null && break; sleep 1; done
{shlex.join(health)} && echo "HEALTHCHECK: healthy (uid $(id -u))"
python -c {shlex.quote(SIGNED_TEXT)}
"""
    uid = subprocess.run(["chroot", str(final.root), "id", "-u", user], capture_output=True, text=True)
    print(f"== serving the tree as {user} (uid {uid.stdout.strip()}): {shlex.join(command)}", flush=True)
    try:
        result = chroot(final.root, ["/bin/sh", "-ec", script], env, user=f"{user}:{user}", network=False,
                        timeout=180)
    except subprocess.TimeoutExpired:
        print("rootfs: the tree did not answer within 3 minutes")
        return False
    print(result.stdout.decode(errors="replace")[-4000:], result.stderr.decode(errors="replace")[-4000:])
    return result.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/var/tmp/mbc-rootfs"))
    parser.add_argument("--build-arg", action="append", default=[], help="NAME=VALUE, as docker build's")
    parser.add_argument("--serve", action="store_true", help="start the final tree and check it answers")
    options = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("rootfs: run as root (debootstrap, chroot and mounts need it)")
    build_args = dict(arg.split("=", 1) for arg in options.build_arg)
    options.out.mkdir(parents=True, exist_ok=True)
    base = base_image(options.out)
    found, global_args = stages(instructions(DOCKERFILE.read_text(encoding="utf-8")), build_args)
    rules = ignored(IGNORE.read_text(encoding="utf-8"))
    done: dict[str, Built] = {}
    for stage in found:
        done[stage.name] = build_stage(stage, base, options.out, done, global_args, build_args, rules)
    final = done[found[-1].name]
    measured = report(base, final)
    (options.out / "report.json").write_text(json.dumps(measured, indent=2), encoding="utf-8")
    print(f"\n{'bytes':>12} {'gzip':>12}  layer")
    for item in measured["layers"]:  # type: ignore[attr-defined]
        print(f"{item['size']:>12,} {item['gzipped']:>12,}  {item['made_by'][:90]}")
    print(f"{measured['image_bytes']:>12,} {measured['image_gzipped_bytes']:>12,}  the image "
          f"(tree du -sb {measured['tree_du_bytes']:,}; /opt/venv {measured['venv_du_bytes']:,})")
    return 0 if not options.serve or serve(final) else 1


if __name__ == "__main__":
    sys.exit(main())
