"""Speech output: pre-rendered audio for the phone line, and the talking menu for low-vision users.

Kept free of imports so the render worker's child process starts fast.
"""
