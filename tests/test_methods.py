"""by_fields: equality, hash and repr as attrs' own for a frozen class, and the filler."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty._methods import by_fields, filler


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Nothing:
    """No field at all."""


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class One:
    """One field (an attrgetter of one name gives the value, not a tuple)."""

    name: str


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Three:
    """Three fields, one of them a container."""

    name: str
    count: int
    tags: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class AttrsOne:
    """The reference: attrs' own methods."""

    name: str


@attrs.frozen(kw_only=True)
class AttrsThree:
    """The reference: attrs' own methods."""

    name: str
    count: int
    tags: tuple[str, ...] = ()


VALUES = st.text(max_size=5) | st.sampled_from(["", "ab", "a,b", "a'b"])
PAIRS = [(One, AttrsOne), (Three, AttrsThree)]


def _made(cls: type[Any], name: str, count: int, tags: tuple[str, ...]) -> Any:
    if cls in (One, AttrsOne):
        return cls(name=name)
    return cls(name=name, count=count, tags=tags)


@pytest.mark.parametrize(("ours", "reference"), PAIRS, ids=["one", "three"])
class TestAsAttrsMakesThem:
    """The same answers as the methods attrs generates for the same class."""

    @given(st.tuples(VALUES, st.integers(), st.lists(VALUES, max_size=3)), VALUES, st.integers())
    def test_eq_hash_repr(
        self,
        ours: type[Any],
        reference: type[Any],
        first: tuple[str, int, list[str]],
        other_name: str,
        other_count: int,
    ) -> None:
        """Equal exactly when attrs says so; equal objects hash alike; the repr is attrs' text."""
        name, count, tags = first
        a, b = _made(ours, name, count, tuple(tags)), _made(ours, other_name, other_count, ())
        ra, rb = (
            _made(reference, name, count, tuple(tags)),
            _made(reference, other_name, other_count, ()),
        )
        assert (a == b) == (ra == rb)
        assert (a != b) == (ra != rb)
        assert a == _made(ours, name, count, tuple(tags))
        assert hash(a) == hash(_made(ours, name, count, tuple(tags)))
        assert repr(a) == repr(ra).replace(reference.__name__, ours.__name__, 1)
        assert pickle.loads(pickle.dumps(a)) == a  # noqa: S301 - our own object


def test_no_fields() -> None:
    """A class without fields: all its objects are equal, hash alike, repr as ``Name()``."""
    assert Nothing() == Nothing()
    assert hash(Nothing()) == hash(Nothing())
    assert "Nothing()" == repr(Nothing())


def test_other_classes_are_not_equal() -> None:
    """Another class with the same values is not equal (``NotImplemented``, as attrs)."""
    assert One(name="x") != AttrsOne(name="x")
    assert One(name="x").__eq__(AttrsOne(name="x")) is NotImplemented
    assert {One(name="x"), One(name="x"), One(name="y")} == {One(name="x"), One(name="y")}


def test_a_one_field_repr_is_not_the_characters_of_its_value() -> None:
    """One field is one value, not a sequence to spread."""
    assert "One(name='abc')" == repr(One(name="abc"))
    assert hash(One(name="abc")) != hash(One(name="acb"))


def test_a_filler_fills_and_gives_the_class() -> None:
    """Plain stores into the filler, then the class: the object equals __init__'s."""
    blank = filler(Three)
    assert blank is not None
    made = object.__new__(blank)
    made.name, made.count, made.tags = "x", 1, ("a",)
    made.__class__ = Three
    assert Three(name="x", count=1, tags=("a",)) == made
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.count = 2  # type: ignore[misc]


def test_a_class_that_takes_no_subclass_has_no_filler() -> None:
    """The reader then sets the slots one by one."""
    assert filler(bool) is None
