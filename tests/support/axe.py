"""axe-core (webui/node_modules, from npm with the lock file) run inside a page.

The page's Content-Security-Policy lets scripts load only from PairPad's own origin, so axe is
not added as a script tag: its text is evaluated through the DevTools protocol
(``page.evaluate``), which the policy does not govern, and the page itself stays unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from playwright.async_api import Page

from tests.support.prerequisites import require
from tests.support.server import ROOT

AXE_SCRIPT = ROOT / "webui" / "node_modules" / "axe-core" / "axe.min.js"
# The impacts a page must not have any of (axe's scale: minor, moderate, serious, critical).
BLOCKING = ("serious", "critical")

# Every rule axe has, run on the whole document; each violation as rule, impact and where.
RUN_AXE = """async () => {
  const results = await axe.run(document, { resultTypes: ["violations"] });
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    where: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
  }));
}"""


@cache
def axe_source() -> str:
    require(AXE_SCRIPT.exists(), "axe-core in webui/node_modules (cd webui && npm ci)")
    return AXE_SCRIPT.read_text()


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Every violation axe finds in the page as it is now."""
    if await page.evaluate("() => typeof window.axe") == "undefined":
        await page.evaluate(axe_source())
    violations: list[dict[str, Any]] = await page.evaluate(RUN_AXE)
    return violations


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [violation for violation in violations if violation["impact"] in BLOCKING]
