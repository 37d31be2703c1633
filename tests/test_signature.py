"""Only requests signed by Twilio with our auth token are served."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from service.web.simulate import TwilioSimulator

PARAMS = {"CallSid": "CA123", "From": "+15555550100", "To": "+15555550199", "Body": "liver"}


@pytest.mark.parametrize("path", ["/voice", "/voice/input", "/sms"])
def test_a_missing_signature_is_refused(twilio: TwilioSimulator, path: str) -> None:
    assert twilio.post(path, PARAMS, sign=False).status == 403


@pytest.mark.parametrize("path", ["/voice", "/voice/input", "/sms"])
def test_a_signature_made_with_another_token_is_refused(app, path: str) -> None:
    forged = RequestValidator("not-our-token").compute_signature(f"http://localhost{path}", PARAMS)
    response = app.test_client().post(path, data=PARAMS, headers={"X-Twilio-Signature": forged})
    assert response.status_code == 403


def test_a_tampered_body_is_refused(app, twilio: TwilioSimulator) -> None:
    signature = twilio.validator.compute_signature("http://localhost/sms", PARAMS)
    tampered = {**PARAMS, "Body": "STOP"}
    response = app.test_client().post("/sms", data=tampered, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403


def test_a_good_signature_is_served(twilio: TwilioSimulator) -> None:
    assert twilio.post("/sms", PARAMS).status == 200


def test_behind_a_proxy_the_public_url_is_what_is_checked(make_app) -> None:
    app = make_app(public_base_url="https://line.example.org")
    signed_for_public = TwilioSimulator(app)
    assert signed_for_public.post("/sms", PARAMS).status == 200
    signed_for_local = TwilioSimulator(app)
    signed_for_local.base_url = "http://localhost"
    assert signed_for_local.post("/sms", PARAMS).status == 403


def test_behind_a_proxy_gather_actions_point_at_the_public_url(make_app) -> None:
    phone = TwilioSimulator(make_app(public_base_url="https://line.example.org"))
    heard = phone.dial()
    assert heard.root.find("Gather").get("action") == "https://line.example.org/voice/input"
    assert phone.press("1").status == 200


def test_health_check_needs_no_signature(app) -> None:
    response = app.test_client().get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"


def test_a_number_set_to_http_get_is_served_and_checked_too(app) -> None:
    phone = TwilioSimulator(app)
    query = "Body=liver&From=%2B15555550100"
    signature = phone.validator.compute_signature(f"http://localhost/sms?{query}", {})
    client = app.test_client()
    good = client.get(f"/sms?{query}", headers={"X-Twilio-Signature": signature})
    assert good.status_code == 200 and b"<Message>" in good.data
    forged = client.get("/sms?Body=menu&From=%2B15555550100", headers={"X-Twilio-Signature": signature})
    assert forged.status_code == 403
