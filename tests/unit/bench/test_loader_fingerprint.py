"""The bench reloads a district whenever the code that fills it changes."""
import pytest

from bench import services


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for path in (
        "saleor_config/management/commands/load_district.py",
        "saleor_config/settings.py",
        "plugins/shop/models.py",
        "plugins/shop/views.py",
        "fixtures/district.py",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# v1\n")
    monkeypatch.setattr(services, "ROOT", tmp_path)
    return tmp_path


@pytest.mark.parametrize("path, reloads", [
    ("saleor_config/management/commands/load_district.py", True),
    ("plugins/shop/models.py", True),
    ("fixtures/district.py", True),
    ("saleor_config/settings.py", False),
    ("plugins/shop/views.py", False),
])
def test_a_change_reloads_only_when_it_shapes_the_data(tree, path, reloads):
    before = services._loader_fingerprint(150)
    (tree / path).write_text("# v2\n")
    assert (services._loader_fingerprint(150) != before) is reloads
