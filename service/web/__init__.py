"""The web layer: the app factory and its start-up here; webhooks, twilio, pages and cli in rooms below."""
