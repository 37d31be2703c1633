"""The metastatic breast cancer voice and SMS line.

Layers, each importing only those below it (the import-linter contracts in pyproject.toml):
`doctor` > `web` (Flask, Twilio; rooms: webhooks, pages, cli, twilio) > `speech` | `usage` > `checker`
> `core` (channel-free navigation and wording) > `safety` > `content` | `store` | `words`.
docs/architecture.md says which room a change goes in. The app is built by
`service.web.app.create_app`.
"""
