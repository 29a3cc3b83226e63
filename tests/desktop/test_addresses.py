"""What the launcher prints: its own URL and the join links (which addresses are worth sharing
is tested with server.network in tests/server/test_network.py)."""

from __future__ import annotations

import pytest

from desktop.addresses import Announcement, join_urls, local_host, local_url
from server.network import InterfaceAddress


@pytest.mark.parametrize(
    ("bound", "expected"),
    [
        ("0.0.0.0", "127.0.0.1"),
        ("::", "::1"),
        ("127.0.0.1", "127.0.0.1"),
        ("192.168.1.23", "192.168.1.23"),
        ("fe80::1%eth0", "fe80::1%eth0"),
    ],
)
def test_the_window_loads_loopback_for_a_wildcard_bind(bound: str, expected: str):
    assert local_host(bound) == expected


def test_local_url_brackets_ipv6():
    assert local_url("::", 8000) == "http://[::1]:8000/"
    assert local_url("0.0.0.0", 8001) == "http://127.0.0.1:8001/"


def test_join_urls_follow_the_bind_address():
    interfaces = [
        InterfaceAddress("docker0", "172.17.0.1"),
        InterfaceAddress("wlan0", "192.168.1.23"),
        InterfaceAddress("lo", "127.0.0.1"),
    ]
    assert join_urls("0.0.0.0", 8000, interfaces) == [
        "http://192.168.1.23:8000",
        "http://172.17.0.1:8000",
    ]
    assert join_urls("127.0.0.1", 8000, interfaces) == []
    assert join_urls("10.0.0.5", 8000, interfaces) == ["http://10.0.0.5:8000"]


def test_announcement_names_the_best_link_then_the_others():
    lines = Announcement(
        local_url="http://127.0.0.1:8000/",
        join_urls=["http://192.168.1.23:8000", "http://172.17.0.1:8000"],
        bind_host="0.0.0.0",
        port=8000,
    ).lines()
    assert lines == [
        "PairPad is running at http://127.0.0.1:8000",
        "Candidates join at http://192.168.1.23:8000",
        "Also reachable at http://172.17.0.1:8000",
    ]


def test_announcement_says_which_port_replaced_the_taken_default():
    lines = Announcement(
        local_url="http://127.0.0.1:8001/",
        join_urls=["http://192.168.1.23:8001"],
        bind_host="0.0.0.0",
        port=8001,
        fell_back_from=8000,
    ).lines()
    assert lines[0] == "Port 8000 is in use, so PairPad is using port 8001."


def test_announcement_for_loopback_says_nobody_else_can_join():
    (_, only_here) = Announcement(
        local_url="http://127.0.0.1:8000/", join_urls=[], bind_host="127.0.0.1", port=8000
    ).lines()
    assert only_here.startswith("Only this computer can join")
    assert "--host 0.0.0.0" in only_here


def test_announcement_without_any_network():
    (_, no_network) = Announcement(
        local_url="http://127.0.0.1:8000/", join_urls=[], bind_host="0.0.0.0", port=8000
    ).lines()
    assert no_network.startswith("No network address found yet")
