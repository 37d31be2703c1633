"""`flask` commands: try a call or a text without a Twilio account, and check the content."""

from __future__ import annotations

import secrets
import textwrap
from collections.abc import Iterator

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from service.web.twilio.simulate import Heard, TwilioSimulator


def init_app(app: Flask) -> None:
    """Register the commands on an app."""
    app.cli.add_command(call_command)
    app.cli.add_command(text_command)


@click.command("call")
@click.argument("inputs", nargs=-1)
@click.option("--caller", default="", metavar="NUMBER",
              help="Call from this number (the line remembers the language it chose); default: a new one.")
@with_appcontext
def call_command(inputs: tuple[str, ...], caller: str) -> None:
    """Call the line: each input is a key (1, 9, 0...), words to say, or - for silence.

    With no inputs, asks for each one in turn (empty line = silence, q = hang up). Each call comes
    from a new made-up number, so it opens with the language choice, unless --caller names one.
    """
    phone = TwilioSimulator(current_app)
    heard = phone.dial(caller or f"+1555555{secrets.randbelow(10_000):04d}")
    _show_call(heard)
    steps = iter(inputs) if inputs else _typed_steps()
    for step in steps:
        if heard.ended:
            return
        if step.lower() == "q":
            click.echo("[you hang up]")
            return
        click.echo(f"\n> {step}")
        heard = _step(phone, step)
        _show_call(heard)


def _typed_steps() -> Iterator[str]:
    """Keys or words typed one per line, until end of input."""
    while True:
        try:
            yield click.prompt(
                "press or say (empty = silence, q = hang up)", default="-", show_default=False
            )
        except click.Abort:
            return


@click.command("text")
@click.argument("messages", nargs=-1, required=True)
@click.option("--sender", default="+15555550100", help="The phone number the texts come from.")
@with_appcontext
def text_command(messages: tuple[str, ...], sender: str) -> None:
    """Text the line: each argument is one message; prints each reply."""
    phone = TwilioSimulator(current_app)
    for message in messages:
        click.echo(f"\n> {message}")
        heard = phone.text(message, sender=sender)
        replies = heard.sms
        if not replies:
            click.echo("[no reply]")
        for reply in replies:
            plural = "" if reply.segments == 1 else "s"
            click.echo(
                f"{reply.text}\n[{reply.characters} characters, {reply.encoding}, "
                f"{reply.segments} segment{plural}]"
            )


def _step(phone: TwilioSimulator, step: str) -> Heard:
    if step == "-" or not step.strip():
        return phone.wait()
    if len(step) == 1 and (step.isdigit() or step in "*#"):
        return phone.press(step)
    return phone.speak(step)


def _show_call(heard: Heard) -> None:
    if heard.status != 200:
        click.echo(f"[HTTP {heard.status}]")
        return
    for step in heard.steps:
        if step.kind == "say":
            click.echo(textwrap.fill(step.text, width=88))
        elif step.kind == "play":
            click.echo(f"[plays {step.text}]")
        elif step.kind == "dial":
            click.echo(f"[connects the caller to {step.text}]")
    if heard.ended:
        click.echo("[the call ends]")
