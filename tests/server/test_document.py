"""The shared code document: minimal edits in UTF-8 offsets, line endings, CRDT round trips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pycrdt import Doc, Text

from server.document import (
    CodeDocument,
    common_prefix_length,
    common_suffix_length,
    normalise_newlines,
)

# Text with astral emoji, combining marks, CJK and line breaks: what offsets trip over.
texts = st.text(alphabet=st.sampled_from(list("ab \n\té😀👩‍💻中\u0301")), max_size=40)


def naive_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


@given(texts, texts)
def test_common_prefix_length_matches_the_definition(a, b):
    assert common_prefix_length(a, b) == naive_prefix(a, b)


@given(texts, texts)
def test_common_suffix_length_matches_the_definition_and_respects_the_limit(a, b):
    limit = min(len(a), len(b)) - common_prefix_length(a, b)
    expected = min(naive_prefix(a[::-1], b[::-1]), limit)
    assert common_suffix_length(a, b, limit) == expected


@given(texts, texts)
def test_replace_code_reaches_any_text_and_peers_replaying_updates_agree(first, second):
    document = CodeDocument()
    peer = Doc()
    for target in (first, second):
        update = document.replace_code(target)
        if update is not None:
            peer.apply_update(update)
        assert document.code == normalise_newlines(target)
        assert str(peer.get("code", type=Text)) == document.code


def test_replace_code_edits_only_the_changed_middle():
    document = CodeDocument()
    document.replace_code("print('😀 hello')")
    other = Doc()
    other.apply_update(document.update_since())
    text = other.get("code", type=Text)
    # A concurrent edit at the start on another replica...
    before = other.get_state()
    text.insert(0, "# ")
    concurrent = other.get_update(before)

    # ...survives a full-text change of the end, because only the end was edited.
    document.replace_code("print('😀 hello, world')")
    document.apply_update(concurrent)

    assert document.code == "# print('😀 hello, world')"


def test_replace_code_with_the_same_text_changes_nothing():
    document = CodeDocument()
    document.replace_code("x")

    assert document.replace_code("x") is None
    assert document.replace_code("x") is None


def test_line_endings_become_newlines():
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
    document = CodeDocument()
    document.replace_code("a\r\nb")
    assert document.code == "a\nb"


def test_crdt_update_with_carriage_returns_is_followed_by_a_fix():
    source = Doc()
    text = source.get("code", type=Text)
    text.insert(0, "one\r\ntwo\r")
    document = CodeDocument()

    fix = document.apply_update(source.get_update())

    assert fix is not None
    assert document.code == "one\ntwo\n"
    source.apply_update(fix)
    assert str(text) == "one\ntwo\n"


def test_crdt_update_without_carriage_returns_needs_no_fix():
    source = Doc()
    source.get("code", type=Text).insert(0, "plain\n" * 100)

    assert CodeDocument().apply_update(source.get_update()) is None


@given(st.binary(max_size=64))
def test_arbitrary_bytes_are_refused_or_merged_never_crash(data):
    document = CodeDocument()
    document.replace_code("keep")
    try:
        document.apply_update(data)
    except ValueError:
        assert document.code == "keep"
