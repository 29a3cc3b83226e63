"""Which LAN address to share, from fake interface lists (no packets are ever sent)."""

from __future__ import annotations

from server.network import InterfaceAddress, http_url, join_hosts, lan_addresses


def addresses(*pairs: tuple[str, str]) -> list[InterfaceAddress]:
    return [InterfaceAddress(name, ip) for name, ip in pairs]


def test_loopback_and_link_local_are_never_shared():
    found = addresses(("lo", "127.0.0.1"), ("eth0", "169.254.10.2"), ("wlan0", "192.168.1.23"))

    assert lan_addresses(found) == ["192.168.1.23"]


def test_docker_and_vm_bridges_come_after_real_interfaces():
    found = addresses(
        ("docker0", "172.17.0.1"),
        ("br-5f2c", "172.18.0.1"),
        ("virbr0", "192.168.122.1"),
        ("en0", "10.0.4.7"),
    )

    assert lan_addresses(found)[0] == "10.0.4.7"
    assert set(lan_addresses(found)[1:]) == {"172.17.0.1", "172.18.0.1", "192.168.122.1"}


def test_home_and_office_ranges_rank_before_public_and_vpn_addresses():
    found = addresses(
        ("eth1", "100.101.5.6"),  # carrier-grade NAT, usually a VPN
        ("eth2", "203.0.113.9"),
        ("eth3", "172.20.1.4"),
        ("eth4", "10.1.1.1"),
        ("wlan0", "192.168.0.42"),
    )

    assert lan_addresses(found) == [
        "192.168.0.42",
        "10.1.1.1",
        "172.20.1.4",
        "203.0.113.9",
        "100.101.5.6",
    ]


def test_several_real_interfaces_keep_a_stable_order_and_no_duplicates():
    found = addresses(("wlan0", "192.168.1.9"), ("eth0", "192.168.1.5"), ("eth0", "192.168.1.5"))

    assert lan_addresses(found) == ["192.168.1.5", "192.168.1.9"]


def test_garbage_and_ipv6_entries_are_ignored():
    assert lan_addresses(addresses(("x", "fe80::1"), ("y", "not an ip"))) == []


def test_join_hosts_depend_on_the_bind_address():
    found = addresses(("wlan0", "192.168.1.23"), ("docker0", "172.17.0.1"))

    assert join_hosts("0.0.0.0", found) == ["192.168.1.23", "172.17.0.1"]
    assert join_hosts("127.0.0.1", found) == []
    assert join_hosts("localhost", found) == []
    assert join_hosts("192.168.1.23", found) == ["192.168.1.23"]


def test_urls_bracket_ipv6_literals():
    assert http_url("192.168.1.2", 8000) == "http://192.168.1.2:8000"
    assert http_url("fd00::5", 8000) == "http://[fd00::5]:8000"
