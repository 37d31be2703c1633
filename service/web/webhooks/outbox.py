"""Texts the line sends on its own ("text me this"): queued in the store, sent by a thread of the server.

The webhook checks and counts a text against every limit, queues it and answers the caller at once;
it never waits on Twilio's REST API. A thread in each serving process (each gunicorn worker runs
one; nothing else for the operator to run) claims queued texts and sends them. The queue lives in
the store (SQLite, or Redis shared by hosts), so a restart loses nothing. A claim is atomic and
leased (Store.claim_next): two threads, workers or hosts never hold one text, and a page is started
only while the lease has time for it, so a text is never sent twice by two senders. A text whose
sender died is claimed again once its lease ends and goes on after the last page sent (a sender
killed in the middle of a page may repeat that one page). An API error is tried again (up to
MAX_ATTEMPTS claims); a page the API took but did not answer for in time is not sent again.

Before each page the phone's opt-out is read again: a STOP that arrives after the text was queued
stops it, and a store that cannot say sends nothing (tried again later). The caller's number is
kept sealed (service.store.sealed), and the line's own number too, only until the text is sent or
dropped, and at most KEEP_SECONDS; logs name the topic and the outcome, never a number or its hash.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from typing import Any

from flask import Flask

from service.store.base import Claimed
from service.store.sealed import PURPOSE, NumberSealer, SealError
from service.web.ops import metrics
from service.web.runtime import Runtime, runtime_of
from service.web.twilio import sends
from service.web.twilio.outbound import SEND_TIMEOUT_SECONDS, SendError, TextSender, Unanswered, Unsubscribed
from service.web.webhooks.delivery import opted_out_at_twilio, record_sent, texts_paused

log = logging.getLogger(__name__)
QUEUE = "texts"
LEASE_SECONDS = 120.0  # a claimed text is the claimer's for this long, then anyone's again
PAGE_SECONDS = 2 * SEND_TIMEOUT_SECONDS + 1.0  # a page is started only with this much of the lease left
KEEP_SECONDS = 3600  # a text not sent within the hour after the call is dropped, number and all
MAX_ATTEMPTS = 3  # claims of one text (the API failed, or its sender died) before it is given up
POLL_SECONDS = 2.0  # how often a thread looks for texts other workers queued, or left when they died
SENT, FAILED, OPTED_OUT, PAUSED, RETRY = "sent", "failed", "opted_out", "paused", "retry"


class Outbox:
    """One app's queue of texts to send, and the thread in this process that sends them."""

    def __init__(self, app: Flask, sender: TextSender, sealer: NumberSealer) -> None:
        self.app = app
        self.sender = sender
        self.sealer = sealer
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = -1

    @property
    def rt(self) -> Runtime:
        return runtime_of(self.app)

    def put(self, to: str, line: str, pages: list[str], phone: str, callback: str,
            counts: list[list[str | int]], topic: str) -> None:
        """Queue a topic's pages for the phone `to` (hashed: `phone`) from the line's number `line`."""
        text = {"to": self.sealer.seal(to), "line": self.sealer.seal(line), "phone": phone,
                "callback": callback, "pages": pages, "sent": 0, "counts": counts, "topic": topic}
        self.rt.store.enqueue(QUEUE, secrets.token_hex(16), text, KEEP_SECONDS)
        self._wake.set()

    def start(self) -> None:
        """Start this process's sending thread (once a process: a forked worker starts its own)."""
        if self._pid == os.getpid() and self._thread is not None and self._thread.is_alive():
            return
        self._pid = os.getpid()
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="text-outbox", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the thread after the page it is sending."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def deliver_due(self) -> int:
        """Send every text that is ready now, one claim at a time; how many claims were handled."""
        handled = 0
        with self.app.app_context():
            rt = self.rt
            while not self._stopping.is_set():
                claimed = rt.store.claim_next(QUEUE, LEASE_SECONDS)
                if claimed is None:
                    break
                handled += 1
                self._deliver(rt, claimed, time.monotonic() + LEASE_SECONDS - PAGE_SECONDS)
        return handled

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                self.deliver_due()
            except Exception:
                log.exception("outbox: could not read the queue of texts; trying again shortly")
            self._wake.wait(POLL_SECONDS)

    def _deliver(self, rt: Runtime, claimed: Claimed, deadline: float) -> None:
        """Send a claimed text's pages from the first unsent one, then settle it (or leave it to retry)."""
        text = claimed.value
        pages = [str(page) for page in text["pages"]]
        sent = int(text["sent"])
        if claimed.attempts > MAX_ATTEMPTS:
            log.warning("outbox: gave up %s after %d tries", text["topic"], MAX_ATTEMPTS)
            return self._finish(rt, claimed, sent, FAILED)
        try:
            to, line = (self.sealer.open(str(text[number]), KEEP_SECONDS + int(LEASE_SECONDS))
                        for number in ("to", "line"))
        except SealError:
            log.error("outbox: a queued text's number did not open (PHONE_HASH_KEY changed?); dropped")
            return self._finish(rt, claimed, sent, FAILED)
        while sent < len(pages):
            if time.monotonic() > deadline:
                return  # the lease is nearly over: the next claim goes on from this page
            outcome = self._send_page(rt, text, (to, line), pages[sent], claimed.attempts)
            if outcome == RETRY:
                return  # claimed again when the lease ends
            if outcome != SENT:
                return self._finish(rt, claimed, sent, outcome)
            sent += 1
            if sent < len(pages) and not rt.store.settle(QUEUE, claimed, {**text, "sent": sent}):
                log.warning("outbox: another sender holds %s now; it goes on from page %d",
                            text["topic"], sent)
                return
        self._finish(rt, claimed, sent, SENT)

    def _send_page(self, rt: Runtime, text: dict[str, Any], numbers: tuple[str, str], page: str,
                   attempts: int) -> str:
        """One page to `numbers` (the phone, from the line's number) if the phone may still be texted:
        SENT, or why not (RETRY: try again later)."""
        phone = str(text["phone"])
        try:
            if rt.optouts.is_opted_out(phone):
                log.info("outbox: the phone opted out after %s was queued; not sent", text["topic"])
                return OPTED_OUT
        except Exception:
            log.exception("outbox: cannot read the opt-outs, so %s waits", text["topic"])
            return RETRY
        if texts_paused(rt, phone):
            return PAUSED
        try:
            sids = self.sender.send(*numbers, [page], str(text["callback"]))
        except Unanswered:
            log.warning("outbox: the API did not answer in time for a page of %s; it is not sent again",
                        text["topic"])
            return SENT  # Twilio may have it: sending it again could make it two
        except Unsubscribed:
            log.info("outbox: Twilio says the phone opted out (21610); recorded as a STOP")
            opted_out_at_twilio(rt, phone)
            return OPTED_OUT
        except SendError:
            if attempts < MAX_ATTEMPTS:
                log.warning("outbox: could not send %s (try %d); trying again later", text["topic"], attempts)
                return RETRY
            return FAILED
        record_sent(rt, sids, phone)
        return SENT

    def _finish(self, rt: Runtime, claimed: Claimed, sent: int, outcome: str) -> None:
        """Remove the text from the queue; if none of it was sent, give its counts back. Counted."""
        if not rt.store.settle(QUEUE, claimed, None):
            return  # another sender holds it now, and settles it
        if sent == 0 and outcome != SENT:
            sends.give_back_counts(rt.store, claimed.value["counts"])
        metrics.count_send(outcome)
        pages = len(claimed.value["pages"])
        log.info("outbox: %s %s (%d of %d texts sent)", claimed.value["topic"], outcome, sent, pages)


def make_outbox(app: Flask, sender: TextSender | None) -> Outbox | None:
    """The app's outbox when it can send (Twilio account settings), its numbers sealed with its key."""
    if sender is None:
        return None
    return Outbox(app, sender, NumberSealer(runtime_of(app).hash_phone.key_for(PURPOSE)))
