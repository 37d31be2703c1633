"""The `flask` commands of the web layer: call, text, audio, talk and usage."""
