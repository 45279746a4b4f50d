"""Fixtures for the core's language tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from actexplorer.core import locale


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    """The test starts and ends in English, whatever it switched to."""
    locale.set_language("en")
    yield
    locale.set_language("en")


@pytest.fixture
def chinese(english_afterwards: None) -> None:
    """The core's texts in Chinese for this test (English again after it)."""
    locale.set_language("zh_CN")
