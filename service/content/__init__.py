"""The content store: topics, menus, prompts and sources, loaded from YAML and validated."""

from service.content.loader import ContentError, load_content, read_content
from service.content.model import MAIN_MENU, Content, Menu, Topic
from service.content.signs import Sign
from service.content.yamlfile import Problem

__all__ = [
    "MAIN_MENU",
    "Content",
    "ContentError",
    "Menu",
    "Problem",
    "Sign",
    "Topic",
    "load_content",
    "read_content",
]
