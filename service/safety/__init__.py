"""Safety: crisis, urgent signs and distress, found in a message before any keyword matching.

Used by the text and call cores; imports only the word primitives (service.words) and content.
"""
