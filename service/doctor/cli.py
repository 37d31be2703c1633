"""`flask doctor`: a plugin command, so it reports a missing token or broken content instead of crashing."""

from __future__ import annotations

import os
import textwrap

import click

from service.doctor.checks import Finding, Level, Setup, examine, read_settings, webhook_urls
from service.web.instance import instance_folder

WIDTH = 100
MARK = {Level.OK: "ok", Level.WARN: "warning", Level.FAIL: "PROBLEM"}


@click.command("doctor")
def doctor_command() -> None:
    """Check this server's set-up before real calls: each problem and its fix; exit 1 if calls would break."""
    env = dict(os.environ)
    instance = instance_folder()
    click.echo("Checking the line's set-up (settings from the environment, as the server sees them)\n")
    findings = examine(env, instance)
    for finding in findings:
        click.echo(_render(finding))
    settings, _ = read_settings(env)
    _print_urls(Setup(env, settings, instance))
    problems = sum(f.level is Level.FAIL for f in findings)
    warnings = sum(f.level is Level.WARN for f in findings)
    if problems:
        click.echo(f"\n{problems} problem(s) would break real calls or texts, and {warnings} warning(s): "
                   "fix them and run `flask doctor` again.")
        raise SystemExit(1)
    click.echo(f"\nReady for real calls: no problems, {warnings} warning(s).")


def _render(finding: Finding) -> str:
    mark = f"  {MARK[finding.level]:9}"
    lines = textwrap.wrap(finding.what, WIDTH - len(mark))
    if finding.fix:
        lines += textwrap.wrap(f"Fix: {finding.fix}", WIDTH - len(mark))
    return "\n".join(mark + line if n == 0 else " " * len(mark) + line for n, line in enumerate(lines))


def _print_urls(setup: Setup) -> None:
    click.echo("\nIn the Twilio console, on the line's phone number (Phone Numbers > Active numbers), paste:")
    for field, url in webhook_urls(setup):
        click.echo(f"  {field:42} {url}")
    base = setup.raw("PUBLIC_BASE_URL").rstrip("/") or "https://YOUR-HOST"
    click.echo(f"Health check for a load balancer or monitor: GET {base}/healthz")
