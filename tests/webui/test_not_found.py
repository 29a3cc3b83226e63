"""A mistyped link gets a page a person can use; the API keeps answering JSON."""

from __future__ import annotations

import httpx
import pytest

from tests.support.browser import LAN_HOST, open_page


@pytest.mark.parametrize("path", ["/helo", "/s/abc/extra", "/assets/missing.js"])
def test_an_unknown_page_is_an_html_404_with_a_way_home(server, path):
    response = httpx.get(server.http + path)

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Page not found" in response.text
    assert 'href="/"' in response.text


@pytest.mark.parametrize("path", ["/api/nothing", "/api/sessions/no-such-session"])
def test_the_api_keeps_its_json_404(server, path):
    response = httpx.get(server.http + path)

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json()


def test_the_visitors_path_is_shown_as_text_never_as_markup(server):
    response = httpx.get(server.http + "/<script>alert(1)</script>" + "x" * 500)

    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text
    assert "x" * 201 not in response.text


@pytest.mark.browser
@pytest.mark.asyncio(loop_scope="session")
async def test_the_404_page_renders_in_chromium_and_leads_home(browser, server):
    page = await open_page(
        browser, f"http://{LAN_HOST}:{server.port}", "/no/such/page", wait_connected=False
    )
    try:
        await page.testid("home-link").click()
        await page.page.wait_for_url(f"http://{LAN_HOST}:{server.port}/")
        assert page.errors == []
        assert page.stayed_local() == []
    finally:
        await page.context.close()
