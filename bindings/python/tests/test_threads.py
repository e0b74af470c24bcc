"""One engine, eight Python threads at once: every result equals the serial one."""

from __future__ import annotations

import threading
import unittest

from guidelint import Engine

from ._support import ABOLISHED, GOOD, INCOMPLETE

INPUTS: list[tuple[bytes | str, str]] = [
    (INCOMPLETE, "a.xml"),
    (ABOLISHED, "b.txt"),
    ("<guide><name>甲</name></guide>", "c.xml"),
    ('{"task_name": "乙"}', "d.json"),
    (GOOD, "e.xml"),
]
LOCALES = ["zh-Hans", "en", "zh-Hant"]


def lint(engine: Engine, k: int) -> tuple[str, list[tuple[str, str, int | None, int | None]]]:
    data, name = INPUTS[k % len(INPUTS)]
    locale = LOCALES[k % len(LOCALES)]
    with engine.lint(data, name, as_of="2025-06-30") as result:
        diagnostics = [(d.rule_id, d.message, d.line, d.column) for d in result.diagnostics(locale)]
        return result.json(locale), diagnostics


class OneEngineManyThreads(unittest.TestCase):
    def test_eight_threads_agree_with_serial_results(self) -> None:
        threads_count, rounds = 8, 25
        with Engine() as engine:
            serial = [lint(engine, k) for k in range(len(INPUTS) * len(LOCALES))]
            parallel: list[list[tuple[int, object]]] = [[] for _ in range(threads_count)]
            errors: list[BaseException] = []
            start = threading.Barrier(threads_count, timeout=60)

            def work(t: int) -> None:
                try:
                    start.wait()
                    for r in range(rounds):
                        k = (t + r) % len(serial)
                        parallel[t].append((k, lint(engine, k)))
                except BaseException as e:  # reported below, not lost in the thread
                    errors.append(e)

            threads = [threading.Thread(target=work, args=(t,)) for t in range(threads_count)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.assertEqual(errors, [])
        # The serial results differ from each other, so a mix-up would show.
        self.assertEqual(len({json for json, _ in serial}), len(serial))
        self.assertTrue(any(d for _, d in serial))
        for t in range(threads_count):
            self.assertEqual(len(parallel[t]), rounds)
            for k, got in parallel[t]:
                self.assertEqual(got, serial[k], f"thread {t}, input {k}")


if __name__ == "__main__":
    unittest.main()
