"""A real Chromium (Debian's package) driven by Playwright against the live server."""
import os

import pytest

from .storefront import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser(site_server):
    # Depends on site_server so the district is loaded (synchronous Django) before
    # Playwright starts its event loop in this thread. Module scope: while that loop
    # runs, Django refuses synchronous database access, which later tests need.
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh resident: own cookies, a phone-sized screen, French locale."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR")
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()
