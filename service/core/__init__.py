"""The channel-free core: navigation for calls and texts, wording, matching and command words.

Nothing here imports Flask, Twilio or a speech engine: `(content, state, input) -> (state, reply)`.
"""
