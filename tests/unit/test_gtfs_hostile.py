"""Hostile and broken timetable feeds fail fast and small, as the ordinary "timetable invalid".

The zips are written by hand (a deflate stream repeated, as a zip bomb is made), so a 2 GB member
costs a second to build rather than the twenty it takes to compress.
"""

from __future__ import annotations

import resource
import struct
import time
import zlib
from pathlib import Path

import pytest

from kiosk.practice_portal import gtfs_routes
from kiosk.services.nearby.gtfs import FeedInvalid, FeedLimits, load_timetable

KIOSK = (42.6977, 23.3219)
STOP = "A0101"  # a stop of the sample feed next to the kiosk
DATA = gtfs_routes.DATA_DIR
MB = 2**20
HEADER = b"trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"


def _deflated(chunk: bytes, times: int, head: bytes = b"") -> tuple[bytes, int, int]:
    """A raw deflate stream of `head` then `chunk` repeated `times`: (stream, crc32, size)."""
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = first.compress(head) + first.flush(zlib.Z_FULL_FLUSH) if head else b""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)  # no back-references
    last = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = last.compress(chunk) + last.flush(zlib.Z_FINISH)
    return start + block * (times - 1) + tail, crc, len(head) + len(chunk) * times


def hand_zip(
    members: dict[str, tuple[bytes, int, int]], encrypted: frozenset[str] = frozenset()
) -> bytes:
    """A zip of already-deflated members (stream, crc, size); `encrypted` sets their flag."""
    body, directory = b"", b""
    for name, (stream, crc, size) in members.items():
        flags = 1 if name in encrypted else 0
        fields = (20, flags, 8, 0, 0x21, crc, len(stream), size, len(name), 0)
        directory += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIHH", *fields)
        directory += struct.pack("<HHHII", 0, 0, 0, 0, len(body)) + name.encode()
        body += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIHH", *fields)
        body += name.encode() + stream
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                      len(directory), len(body), 0)  # fmt: skip
    return body + directory + end


def feed(**replaced: tuple[bytes, int, int]) -> dict[str, tuple[bytes, int, int]]:
    members = {}
    for path in sorted(DATA.glob("*.txt")):
        members[path.name] = replaced.get(path.stem) or _deflated(path.read_bytes(), 1)
    return members


def load(data: bytes, limits: FeedLimits | None = None) -> float:
    """Seconds until the feed was refused; fails the test if it was accepted."""
    started = time.monotonic()
    with pytest.raises(FeedInvalid) as refused:
        load_timetable(data, *KIOSK, 700, limits)
    print(f"refused in {time.monotonic() - started:.2f} s: {refused.value.detail}")
    return time.monotonic() - started


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_the_sample_feed_still_loads_within_the_limits() -> None:
    data = hand_zip(feed())
    assert load_timetable(data, *KIOSK, 700).stops


def test_a_zip_bomb_of_newlines_is_refused_at_once() -> None:
    bomb = _deflated(b"\n" * MB, 2048)  # 2 GB of newlines
    data = hand_zip(feed(stop_times=bomb))
    assert len(data) < 4 * MB
    before = peak_rss_mb()
    assert load(data) < 5
    assert peak_rss_mb() - before < 50


def test_a_bomb_that_lies_about_its_size_ends_at_the_size_it_declared() -> None:
    stream, _crc, _size = _deflated(b"\n" * MB, 256)
    data = hand_zip(feed(stop_times=(stream, 0, 1000)))  # says 1,000 bytes, inflates to 256 MB
    assert load(data) < 5


def test_a_gigabyte_of_rows_at_the_kiosks_stop_is_refused_at_once() -> None:
    row = f"T1,08:00:00,08:00:00,{STOP},1\n".encode()
    rows = _deflated(row * (MB // len(row)), 1024, HEADER)  # 1 GB of rows at the stop
    data = hand_zip(feed(stop_times=rows))
    assert len(data) < 8 * MB
    before = peak_rss_mb()
    assert load(data) < 5
    assert peak_rss_mb() - before < 50


def test_too_many_departures_at_the_kiosks_stops_stop_the_read_early() -> None:
    rows = b"".join(f"T{n},08:00:00,08:00:00,{STOP},1\n".encode() for n in range(20_000))
    data = hand_zip(feed(stop_times=_deflated(rows, 1, HEADER)))
    load(data, FeedLimits(kept_departures=5_000))
    assert load_timetable(data, *KIOSK, 700, FeedLimits(kept_departures=50_000)).stops


def test_too_many_rows_and_too_much_time_are_refused() -> None:
    data = hand_zip(feed(stops=_deflated(b"stop_id,stop_lat,stop_lon\n" + b"\n" * 100_000, 1)))
    load(data, FeedLimits(member_rows=50_000))
    load(hand_zip(feed()), FeedLimits(seconds=0))


def test_an_encrypted_member_is_invalid_not_a_runtime_error() -> None:
    load(hand_zip(feed(), encrypted=frozenset({"trips.txt"})))


def test_zipfiles_own_refusal_of_an_encrypted_member_is_caught_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kiosk.services.nearby import gtfs

    monkeypatch.setattr(gtfs, "_check_members", lambda _zf, _limits: None)
    load(hand_zip(feed(), encrypted=frozenset({"stop_times.txt"})))


def test_the_hand_made_zip_is_a_real_zip(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "feed.zip"
    path.write_bytes(hand_zip(feed()))
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert zf.read("stops.txt") == (DATA / "stops.txt").read_bytes()
