import pytest

from facilitation.i18n import set_language


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English unless it asks otherwise, whatever the machine's locale."""
    set_language("en")
    yield
    set_language("en")
