"""The editor from the keyboard: redo as every editor does it, and a way out of the editor
that does not need a mouse (CodeMirror's convention: Esc, then Tab)."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST, RoomPage

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_ctrl_shift_z_and_ctrl_y_both_redo(open_room, session_id):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    await ada.focus_editor()
    await ada.page.keyboard.type("abc")
    await ada.wait_for_text("t === 'abc'")

    for redo in ("Control+Shift+Z", "Control+y"):
        await ada.page.keyboard.press("Control+z")
        await ada.wait_for_text("t === ''")
        await ada.page.keyboard.press(redo)
        await ada.wait_for_text("t === 'abc'")


async def test_tab_indents_and_escape_then_tab_leaves_the_editor(open_room, session_id):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    await ada.focus_editor()

    await ada.page.keyboard.press("Tab")
    await ada.wait_for_text("t.startsWith(' ')")
    assert await ada.page.evaluate("() => document.activeElement.matches('.cm-content')")

    await ada.page.keyboard.press("Escape")
    await ada.page.keyboard.press("Tab")
    assert not await ada.page.evaluate("() => document.activeElement.matches('.cm-content')")
    assert (await ada.text()).strip() == ""


async def test_question_mark_opens_the_keyboard_help_which_says_how_to_leave_the_editor(
    open_room, session_id
):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    await ada.focus_editor()
    await ada.page.keyboard.type("?")  # in the editor it is just a character
    await ada.wait_for_text("t === '?'")
    assert not await ada.testid("shortcuts-help").is_visible()

    await ada.testid("shortcuts-button").focus()
    await ada.page.keyboard.press("?")
    help_dialog = ada.testid("shortcuts-help")
    await help_dialog.wait_for(state="visible")
    assert "Esc, then Tab" in await help_dialog.inner_text()
    await ada.page.keyboard.press("Escape")
    await help_dialog.wait_for(state="hidden")


async def test_the_editor_font_size_is_chosen_once_and_remembered(open_room, session_id):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    size = "() => getComputedStyle(document.querySelector('.cm-scroller')).fontSize"
    assert await ada.page.evaluate(size) == "14px"

    await ada.testid("shortcuts-button").click()
    await ada.testid("font-size").select_option("20")
    assert await ada.page.evaluate(size) == "20px"
    await ada.page.reload()
    await ada.wait_status("connected")

    assert await ada.page.evaluate(size) == "20px"


async def choose_keys(page: RoomPage, keys: str) -> None:
    await page.testid("shortcuts-button").click()
    await page.testid("keymap").select_option(keys)
    await page.testid("shortcuts-close").click()
    await page.page.wait_for_selector(f"[data-testid=editor][data-keymap={keys}]")


async def test_vim_and_emacs_keys_edit_the_shared_document_and_are_loaded_when_chosen(
    open_room, session_id
):
    ada = await open_room(session_id, "Ada", host=LAN_HOST)
    grace = await open_room(session_id, "Grace", host=LAN_HOST)
    await grace.set_code("one\ntwo\nthree")
    await ada.wait_for_text("t === 'one\\ntwo\\nthree'")
    scripts_before = {url for url in ada.requests if url.endswith(".js")}

    await choose_keys(ada, "vim")
    loaded = {url for url in ada.requests if url.endswith(".js")} - scripts_before
    await ada.focus_editor()
    for key in ("g", "g", "d", "d"):
        await ada.page.keyboard.press(key)
    await grace.wait_for_text("t === 'two\\nthree'")
    await ada.page.keyboard.press("u")
    await grace.wait_for_text("t === 'one\\ntwo\\nthree'")

    await choose_keys(ada, "emacs")
    await ada.focus_editor()
    await ada.page.keyboard.press("Control+Home")
    await ada.page.keyboard.press("Control+k")
    await grace.wait_for_text("t === '\\ntwo\\nthree'")
    await ada.page.reload()
    await ada.wait_status("connected")

    assert loaded, "the Vim keys came with the first load"
    await ada.page.wait_for_selector("[data-testid=editor][data-keymap=emacs]")
