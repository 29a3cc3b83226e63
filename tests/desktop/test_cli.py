"""Flags and environment variables → the launcher's options (no process, no network)."""

from __future__ import annotations

import tomllib
from importlib import import_module

import pytest

from desktop.cli import DESKTOP_HOST, parse_options
from desktop.errors import EXIT_USAGE, StartupError
from server import __version__
from tests.desktop.launcher import ROOT


@pytest.fixture(autouse=True)
def no_pairpad_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.upper().startswith("PAIRPAD_"):
            monkeypatch.delenv(name)


def test_defaults_listen_on_every_interface_on_port_8000_with_a_window():
    options = parse_options([])
    assert (options.settings.host, options.settings.port) == (DESKTOP_HOST, 8000)
    assert DESKTOP_HOST == "0.0.0.0"
    assert options.window is True
    assert options.port_is_explicit is False


def test_flags_set_host_port_and_no_window():
    options = parse_options(["--host", "127.0.0.1", "--port", "9123", "--no-window"])
    assert (options.settings.host, options.settings.port) == ("127.0.0.1", 9123)
    assert options.window is False
    assert options.port_is_explicit is True


def test_port_zero_is_explicit_and_means_any_free_port():
    options = parse_options(["--port", "0"])
    assert options.settings.port == 0
    assert options.port_is_explicit is True


def test_environment_host_and_port_apply_but_the_port_stays_a_preference(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setenv("PAIRPAD_HOST", "127.0.0.1")
    monkeypatch.setenv("PAIRPAD_PORT", "9001")
    options = parse_options([])
    assert (options.settings.host, options.settings.port) == ("127.0.0.1", 9001)
    assert options.port_is_explicit is False


def test_flags_win_over_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PAIRPAD_HOST", "127.0.0.1")
    monkeypatch.setenv("PAIRPAD_PORT", "9001")
    options = parse_options(["--host", "0.0.0.0", "--port", "9002"])
    assert (options.settings.host, options.settings.port) == ("0.0.0.0", 9002)


def test_every_other_server_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PAIRPAD_MAX_ROOMS", "7")
    monkeypatch.setenv("PAIRPAD_LOG_LEVEL", "debug")
    settings = parse_options([]).settings
    assert (settings.max_rooms, settings.log_level) == (7, "debug")


def test_a_bad_environment_value_is_one_readable_line(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PAIRPAD_MAX_ROOMS", "many")
    with pytest.raises(StartupError) as raised:
        parse_options([])
    assert str(raised.value).startswith("Invalid setting: PAIRPAD_MAX_ROOMS: ")
    assert "\n" not in str(raised.value)
    assert raised.value.exit_code == EXIT_USAGE


@pytest.mark.parametrize("port", ["65536", "-1", "http"])
def test_a_bad_port_flag_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as raised:
        parse_options(["--port", port])
    assert raised.value.code == 2
    assert "--port" in capsys.readouterr().err


def test_version_and_help(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as raised:
        parse_options(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out.strip() == f"PairPad {__version__}"
    with pytest.raises(SystemExit):
        parse_options(["--help"])
    help_text = capsys.readouterr().out
    for flag in ("--host", "--port", "--no-window", "--version", "PAIRPAD_"):
        assert flag in help_text


def test_the_pairpad_command_runs_the_desktop_main():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = scripts["pairpad"].split(":")
    assert (module, function) == ("desktop.__main__", "main")
    assert callable(getattr(import_module(module), function))
