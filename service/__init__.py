"""The metastatic breast cancer voice and SMS line.

Layers, each importing only those below it (the import-linter contract in pyproject.toml):
`web` (Flask, Twilio) > `speech` (offline voice) > `checker` (content rules that need wording)
> `core` (channel-free navigation and wording) > `content` and `store`. The app is built by
`service.web.app.create_app`.
"""
