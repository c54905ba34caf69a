"""Speech benchmarks: tap to first audio, GUI-thread stall while synthesising, stop latency.

Run from the project root: `QT_QPA_PLATFORM=offscreen python benchmarks/speech.py`. Uses real
espeak-ng and the player Qt picks (the silent clock when there is no audio device). Also writes
one WAV per language to a temporary folder and reports duration and words per minute.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from kiosk.services.speech.espeak import EspeakEngine
from kiosk.services.speech.headset import HeadsetMonitor
from kiosk.services.speech.player import create_player
from kiosk.services.speech.port import RATES
from kiosk.services.speech.pronounce import pronounce
from kiosk.services.speech.segment import word_spans
from kiosk.services.speech.service import SpeechService
from tests.integration.speech.common import SAMPLES

RUNS = 15


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def wait_until(condition, timeout_s: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until `condition()` holds.

    A local QEventLoop polled by a 1 ms timer, not a QTest.qWait() loop: with PySide6 6.12.0 on
    Python 3.11 every qWait()/processEvents() call drops a reference to None (the abi3 wheel
    assumes an immortal None), and thousands of calls crash the interpreter.
    """
    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start()
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError
        loop.exec()
    timer.stop()


def pause(ms_: int) -> None:
    until = time.perf_counter() + ms_ / 1000
    wait_until(lambda: time.perf_counter() >= until)


def first_audio(svc: SpeechService, text: str) -> list[float]:
    """speak() → first PCM handed to the sink / silent player."""
    got: list[float] = []
    svc.player.firstAudio.connect(lambda: got.append(time.perf_counter()))
    times = []
    for _ in range(RUNS):
        got.clear()
        start = time.perf_counter()
        svc.speak(text, "bg")
        wait_until(lambda: bool(got))
        times.append(got[0] - start)
        svc.stop()
        pause(20)
    return times


def worst_stall(svc: SpeechService, text: str | None) -> tuple[float, float]:
    """Largest gap between 5 ms GUI timer ticks while `text` is synthesised (None: idle)."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done: list[float] = []
    assert svc._worker is not None
    svc._worker.done.connect(lambda _g: done.append(time.perf_counter()))
    timer.start()
    last[0] = time.perf_counter()
    start = time.perf_counter()
    if text is None:
        pause(600)
        done.append(time.perf_counter())
    else:
        svc.speak(text, "bg")
        wait_until(lambda: bool(done), 60)
    timer.stop()
    svc.stop()
    svc._worker.done.disconnect()
    return max(gaps), done[0] - start


def stop_latency(svc: SpeechService, text: str) -> list[float]:
    """stop() → speaking false, measured once the voice is audible (words are highlighted)."""
    times = []
    words: list[int] = []
    stopped: list[float] = []
    svc.wordChanged.connect(lambda s, _n: words.append(s))
    svc.speakingChanged.connect(lambda on: None if on else stopped.append(time.perf_counter()))
    for _ in range(RUNS):
        words.clear()
        svc.speak(text, "bg")
        wait_until(lambda: len([w for w in words if w >= 0]) >= 2)
        stopped.clear()
        start = time.perf_counter()
        svc.stop()
        times.append(stopped[0] - start)
    svc.speakingChanged.disconnect()
    svc.wordChanged.disconnect()
    return times


def ear_proxy(engine: EspeakEngine, folder: Path) -> list[tuple[str, int, float, float]]:
    rows = []
    rate = RATES[1]
    for lang, text in SAMPLES.items():
        utterance = engine.synthesise(text, lang, rate.wpm, rate.pause_ms)
        path = folder / f"{lang}.wav"
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(utterance.sample_rate)
            wav.writeframes(utterance.pcm)
        with wave.open(str(path), "rb") as wav:
            seconds = wav.getnframes() / wav.getframerate()
        n = len(word_spans(text))
        rows.append((lang, n, seconds, n / seconds * 60))
    return rows


HARD = {
    "bg": "Обадете се на 112 или пишете на info@sofia.bg; Кол София е на 0700 17 310, "
    "картата за 68+ е €5.00 от 1 януари 2026 г., в 8:00–17:00 ч.",
    "en": "Call 112 or write to info@sofia.bg; Call Sofia is on 0700 17 310, the card for 68+ "
    "is €5.00 from 1 January 2026, 8:00–17:00.",
    "uk": "Телефонуйте 112 або пишіть на info@sofia.bg; Call Sofia: 0700 17 310, картка для 68+ "
    "коштує €5.00 з 1 січня 2026 р., 8:00–17:00.",
    "tr": "112'yi arayın veya info@sofia.bg adresine yazın; Call Sofia 0700 17 310, 68+ için kart "
    "1 Ocak 2026 tarihinden itibaren €5.00, 8:00–17:00.",
}


def layer_cost() -> None:
    """The pronunciation layer per sentence: plain narration and a sentence full of numbers."""
    for lang in HARD:
        pronounce("x", lang)  # the table is read and the patterns compiled once
    for lang, hard in HARD.items():
        rows = []
        for text in (SAMPLES[lang], hard):
            times = []
            for _ in range(200):
                start = time.perf_counter()
                pronounce(text, lang)
                times.append(time.perf_counter() - start)
            rows.append(f"{len(text.split())} words {statistics.median(times) * 1e6:.0f} µs")
        print(f"pronunciation layer, {lang}: plain sentence {rows[0]}; hard sentence {rows[1]}")
    start = time.perf_counter()
    from kiosk.services.speech import pronounce as module
    from kiosk.services.speech.tables import load_table

    load_table.cache_clear()
    module.pronouncer.cache_clear()
    pronounce("x", "bg")
    print(
        f"pronunciation layer, first use (read bg.toml, compile): {ms(time.perf_counter() - start)}"
    )


def main() -> None:
    app = QCoreApplication(sys.argv)
    layer_cost()
    engine = EspeakEngine()
    player = create_player()
    svc = SpeechService(engine, player, HeadsetMonitor("manual"), language=lambda: "bg")
    print(f"player: {type(player).__name__}; espeak-ng {engine.version()}")
    sentence = SAMPLES["bg"]
    long_text = " ".join([sentence] * 33)
    print(
        f"30-word sentence: {len(word_spans(sentence))} words; long text: "
        f"{len(word_spans(long_text))} words"
    )

    cold = time.perf_counter()
    svc.speak(sentence, "bg")
    wait_until(lambda: svc.player.queued_ms() > 0)
    print(f"first speak after start (voice load): {ms(time.perf_counter() - cold)}")
    svc.stop()

    t = first_audio(svc, sentence)
    print(
        f"tap -> first audio, 30-word bg sentence: median {ms(statistics.median(t))}, "
        f"max {ms(max(t))} ({RUNS} runs)"
    )
    t = first_audio(svc, HARD["bg"])
    print(
        f"tap -> first audio, bg sentence full of numbers and an address: median "
        f"{ms(statistics.median(t))}, max {ms(max(t))}"
    )
    t = first_audio(svc, long_text)
    print(
        f"tap -> first audio, 1,000-word bg text: median {ms(statistics.median(t))}, "
        f"max {ms(max(t))}"
    )

    idle = [worst_stall(svc, None)[0] for _ in range(3)]
    busy = [worst_stall(svc, long_text) for _ in range(5)]
    print(f"worst 5 ms-timer gap, idle: median {ms(statistics.median(idle))}")
    print(
        f"worst 5 ms-timer gap while synthesising 1,000 words: median "
        f"{ms(statistics.median(b[0] for b in busy))}, max {ms(max(b[0] for b in busy))}; "
        f"synthesis took median {ms(statistics.median(b[1] for b in busy))}"
    )

    t = stop_latency(svc, sentence)
    print(f"stop() -> speaking false: median {ms(statistics.median(t))}, max {ms(max(t))}")

    with tempfile.TemporaryDirectory() as folder:
        print("ear-proxy (normal rate, WAV read back with the wave module):")
        for lang, n, seconds, wpm in ear_proxy(engine, Path(folder)):
            print(f"  {lang}: {n} words, {seconds:.2f} s, {wpm:.0f} words/min")
    words100 = " ".join([sentence] * 4).split()[:100]
    text100 = " ".join(words100) + "."
    for rate in RATES:
        u = engine.synthesise(text100, "bg", rate.wpm, rate.pause_ms)
        print(
            f"100-word bg paragraph at {rate.name} ({rate.wpm} wpm, +{rate.pause_ms} ms "
            f"pauses): {u.duration_ms / 1000:.1f} s"
        )
    svc.shutdown()
    app.quit()


if __name__ == "__main__":
    main()
