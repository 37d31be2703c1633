"""Only requests signed by Twilio with our auth token are served."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from service.web.twilio.signature import READ_LIMIT_BYTES
from service.web.twilio.simulate import TwilioSimulator
from service.web.twilio.twiml import SMS_TOO_LONG
from tests.twiml import twiml_errors

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


def test_a_signature_header_with_any_characters_is_refused_not_a_fault(app) -> None:
    headers = {"X-Twilio-Signature": "é" * 28}
    assert app.test_client().post("/sms", data=PARAMS, headers=headers).status_code == 403


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
    opening = phone.dial()
    assert opening.root.find("Gather").get("action") == "https://line.example.org/voice/input?opening=1"
    english = phone.press("1")
    assert english.status == 200 and "This is the Breast Cancer Spread Info Line" in english.text
    assert english.root.find("Gather").get("action") == "https://line.example.org/voice/input?step=1"


@pytest.mark.parametrize(
    ("public", "signed"),
    [
        ("https://line.example.org", "https://line.example.org:443/sms"),
        ("https://line.example.org:443", "https://line.example.org/sms"),
        ("https://line.example.org", "https://line.example.org/sms"),
    ],
)
def test_twilio_may_sign_the_url_with_or_without_its_port(make_app, public: str, signed: str) -> None:
    app = make_app(public_base_url=public)
    validator = TwilioSimulator(app).validator

    def status(url: str) -> int:
        signature = validator.compute_signature(url, PARAMS)
        headers = {"X-Twilio-Signature": signature}
        return app.test_client().post("/sms", data=PARAMS, headers=headers).status_code

    assert status(signed) == 200
    assert status("https://line.example.org:8443/sms") == 403


def test_health_check_needs_no_signature(app) -> None:
    response = app.test_client().get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"


def test_a_number_set_to_http_get_is_served_and_checked_when_get_is_allowed(make_app) -> None:
    app = make_app(webhook_allow_get=True)
    phone = TwilioSimulator(app)
    query = "Body=liver&From=%2B15555550100"
    signature = phone.validator.compute_signature(f"http://localhost/sms?{query}", {})
    client = app.test_client()
    good = client.get(f"/sms?{query}", headers={"X-Twilio-Signature": signature})
    assert good.status_code == 200 and b"<Message>" in good.data
    forged = client.get("/sms?Body=menu&From=%2B15555550100", headers={"X-Twilio-Signature": signature})
    assert forged.status_code == 403


@pytest.mark.parametrize("path", ["/voice", "/voice/input", "/sms"])
@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT"])
def test_webhooks_take_post_only_unless_get_is_allowed(
    app, twilio: TwilioSimulator, path: str, method: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    query = "Body=liver&From=%2B14155550123"
    signature = twilio.validator.compute_signature(f"http://localhost{path}?{query}", {})
    response = app.test_client().open(
        f"{path}?{query}", method=method, headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
    assert "4155550123" not in caplog.text


def form_of(parts: int, size: int = 0) -> dict[str, str]:
    """Twilio's usual fields, padded to a number of parts or a body size."""
    form = {**PARAMS, "Body": "liver" + "x" * size}
    form.update({f"Extra{n}": "1" for n in range(parts - len(form))})
    return form


def post(app, path: str, form: dict[str, str], signature: str, multipart: bool = False):
    content_type = "multipart/form-data" if multipart else "application/x-www-form-urlencoded"
    headers = {"X-Twilio-Signature": signature}
    return app.test_client().post(path, data=form, headers=headers, content_type=content_type)


OVERSIZED = [pytest.param(form_of(10, size=1_500_000), False, id="1.5 MB body")]
TOO_MANY_FIELDS = [
    pytest.param(form_of(1_500), True, id="1,500 multipart parts"),
    pytest.param(form_of(1_500), False, id="1,500 fields"),
]


@pytest.mark.parametrize(("form", "multipart"), [*OVERSIZED, *TOO_MANY_FIELDS])
@pytest.mark.parametrize("path", ["/voice", "/sms"])
def test_an_oversized_request_unsigned_or_forged_gets_403(
    app, path: str, form: dict[str, str], multipart: bool
) -> None:
    forged = RequestValidator("f" * 32).compute_signature(f"http://localhost{path}", form)
    assert post(app, path, form, "", multipart).status_code == 403
    assert post(app, path, form, forged, multipart).status_code == 403


@pytest.mark.parametrize(("form", "multipart"), OVERSIZED)
def test_an_oversized_request_signed_by_twilio_gets_the_polite_reply(
    app, twilio: TwilioSimulator, form: dict[str, str], multipart: bool
) -> None:
    signature = twilio.validator.compute_signature("http://localhost/sms", form)
    response = post(app, "/sms", form, signature, multipart)
    assert response.status_code == 200 and twiml_errors(response.get_data(as_text=True)) == []
    assert SMS_TOO_LONG.encode() in response.data


@pytest.mark.parametrize(("form", "multipart"), TOO_MANY_FIELDS)
def test_more_fields_than_any_twilio_webhook_get_403_even_signed(
    app, twilio: TwilioSimulator, form: dict[str, str], multipart: bool
) -> None:
    signature = twilio.validator.compute_signature("http://localhost/sms", form)
    assert post(app, "/sms", form, signature, multipart).status_code == 403


def test_a_request_too_large_to_check_gets_403_even_with_a_good_signature(
    app, twilio: TwilioSimulator
) -> None:
    form = form_of(10, size=READ_LIMIT_BYTES + 1000)
    signature = twilio.validator.compute_signature("http://localhost/sms", form)
    assert post(app, "/sms", form, signature).status_code == 403


def test_an_unsigned_megabyte_of_100k_fields_is_refused_without_being_parsed(
    app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.web.twilio import signature

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the form was parsed")

    monkeypatch.setattr(signature, "_urlencoded_form", never)
    monkeypatch.setattr(signature, "_parse_unlimited", never)
    body = "&".join(f"f{n % 10}=x" for n in range(100_000))
    assert len(body) > 400_000
    response = app.test_client().post(
        "/sms", data=body, content_type="application/x-www-form-urlencoded",
        headers={"X-Twilio-Signature": "A" * 28},
    )
    assert response.status_code == 403
