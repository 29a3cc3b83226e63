"""Which Host headers the server answers to (server/hosts.py), without a server: the names
that mean this machine, the allowed_hosts setting, and the interfaces looked at again when
the laptop changes networks, at most once a second."""

from __future__ import annotations

import pytest

from server.hosts import HostCheck, host_name
from server.settings import Settings


class FakeMachine:
    """A machine's interface addresses and host name, and a clock, all under the test's
    control; counts how often the interfaces are listed."""

    def __init__(self, *addresses: str, hostname: str = "Interviewer-Laptop") -> None:
        self.addresses = list(addresses)
        self.hostname = hostname
        self.now = 100.0
        self.listings = 0

    def list_addresses(self) -> list[str]:
        self.listings += 1
        return list(self.addresses)

    def check(self, **settings: object) -> HostCheck:
        return HostCheck(
            Settings(**settings),
            addresses=self.list_addresses,
            hostname=lambda: self.hostname,
            clock=lambda: self.now,
        )


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost", "localhost"),
        ("LocalHost:8000", "localhost"),
        ("localhost.:8000", "localhost"),
        ("192.168.1.23:8000", "192.168.1.23"),
        ("[::1]:8000", "::1"),
        ("[fe80::1]", "fe80::1"),
        ("::1", "::1"),
        (" interview.lan ", "interview.lan"),
    ],
)
def test_host_name_drops_the_port_brackets_case_and_trailing_dot(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize(
    "header",
    [
        "localhost:8000",
        "127.0.0.1:8000",
        "127.45.6.7",
        "[::1]:8000",
        "[0:0:0:0:0:0:0:1]:8000",
        "[::ffff:127.0.0.1]:8000",
        "0.0.0.0:8000",
    ],
)
def test_localhost_and_every_loopback_address_are_answered(header):
    assert FakeMachine().check().allows(header)


@pytest.mark.parametrize(
    "header",
    [
        "interviewer-laptop:8000",
        "INTERVIEWER-LAPTOP",
        "interviewer-laptop.local:8000",
        "interviewer-laptop.local.",
    ],
)
def test_the_host_name_and_its_mdns_name_are_answered_in_any_case(header):
    assert FakeMachine(hostname="Interviewer-Laptop").check().allows(header)


def test_a_fully_qualified_host_name_answers_to_its_short_name_too():
    check = FakeMachine(hostname="laptop.corp.example").check()

    for header in ("laptop.corp.example", "laptop", "laptop.local"):
        assert check.allows(header), header


@pytest.mark.parametrize(
    "header", ["192.168.1.23:8000", "[fd00::23]:8000", "[fd00:0::23]", "[::ffff:192.168.1.23]"]
)
def test_the_machines_interface_addresses_ipv4_and_ipv6_are_answered(header):
    assert FakeMachine("192.168.1.23", "fd00::23").check().allows(header)


@pytest.mark.parametrize(
    "header",
    [
        "evil.example",
        "evil.example:8000",
        "localhost.evil.example",
        "127.0.0.1.nip.io",
        "interviewer-laptop.evil.example",
        "192.168.1.24:8000",
        "[fd00::24]",
        "[",
        "8.8.8.8",
    ],
)
def test_other_names_and_addresses_are_refused(header):
    assert not FakeMachine("192.168.1.23", "fd00::23").check().allows(header)


def test_allowed_hosts_admit_names_ignoring_case_port_and_trailing_dot():
    check = FakeMachine().check(allowed_hosts=["Interview.LAN", "10.9.8.7:8000", "[fd00::9]"])

    for header in ("interview.lan:8000", "INTERVIEW.lan.", "10.9.8.7", "[fd00:0::9]:80"):
        assert check.allows(header), header
    assert not check.allows("other.lan")


def test_a_star_in_allowed_hosts_admits_any_name():
    assert FakeMachine().check(allowed_hosts=["*"]).allows("anything.example")


@pytest.mark.parametrize("header", [None, ""])
def test_a_request_without_a_host_is_allowed_because_browsers_always_send_one(header):
    assert FakeMachine().check().allows(header)


def test_an_address_from_a_new_network_is_answered_at_once():
    machine = FakeMachine("192.168.1.23")
    check = machine.check()
    assert check.allows("192.168.1.23")

    machine.addresses = ["10.0.0.5"]  # the laptop joined another Wi-Fi
    machine.now += 5

    assert check.allows("10.0.0.5:8000")
    assert not check.allows("192.168.1.23"), "the old address is forgotten"


def test_unknown_names_list_the_interfaces_at_most_once_a_second():
    machine = FakeMachine("192.168.1.23")
    check = machine.check()

    for _ in range(100):
        assert not check.allows("evil.example")
    assert machine.listings == 1

    machine.addresses.append("10.0.0.5")
    machine.now += 0.5
    assert not check.allows("10.0.0.5"), "within the second: not looked at again"
    machine.now += 0.6
    assert check.allows("10.0.0.5")
    assert machine.listings == 2


def test_known_names_never_list_the_interfaces():
    machine = FakeMachine("192.168.1.23")
    check = machine.check(allowed_hosts=["interview.lan"])

    for header in ("localhost", "127.0.0.1:8000", "interviewer-laptop.local", "interview.lan"):
        assert check.allows(header)
    assert machine.listings == 0


def test_the_host_name_is_looked_up_again_when_it_changes():
    machine = FakeMachine(hostname="old-name")
    check = machine.check()

    machine.hostname = "new-name"  # macOS renames the machine on some networks

    assert check.allows("new-name.local")


def test_the_refusal_names_the_host_and_the_setting_that_admits_it():
    text = FakeMachine().check().refusal("Evil.Example:8000")

    assert text == (
        "PairPad does not answer to the host 'evil.example'; start it with --allowed-hosts "
        "'[\"evil.example\"]' (PAIRPAD_ALLOWED_HOSTS) to allow it."
    )


def test_the_refusal_repeats_at_most_a_dns_names_length_of_the_header():
    text = FakeMachine().check().refusal("a" * 10_000)

    assert "a" * 253 in text
    assert "a" * 254 not in text
