"""The web layer: the Flask app, Twilio's webhooks and signatures, TwiML, the simulator and CLI."""
