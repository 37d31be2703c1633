"""The content checker's tests share the breaking fixtures of tests/test_content_check.py."""

from tests.test_content_check import breaker, clean_report

__all__ = ["breaker", "clean_report"]
