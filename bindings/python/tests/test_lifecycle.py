"""Handles: freed by close, by ``with`` or by the garbage collector, once; never used after."""

from __future__ import annotations

import gc
import threading
import unittest
from typing import Callable, ClassVar, List

from guidelint import ClosedError, Engine, GuidelintError, Result

from ._support import INCOMPLETE


class Engines(unittest.TestCase):
    def test_with_closes_the_engine(self) -> None:
        with Engine() as engine:
            self.assertFalse(engine.closed)
            finalizer = engine._handle._finalizer
            self.assertTrue(finalizer.alive)
        self.assertTrue(engine.closed)
        self.assertFalse(finalizer.alive)  # freed

    def test_closing_twice_is_fine(self) -> None:
        engine = Engine()
        engine.close()
        engine.close()
        self.assertTrue(engine.closed)

    def test_use_after_close_is_an_error_not_a_crash(self) -> None:
        engine = Engine()
        engine.close()
        with self.assertRaises(ClosedError) as caught:
            engine.lint(INCOMPLETE, "g.xml")
        self.assertIsInstance(caught.exception, GuidelintError)
        self.assertIn("engine is closed", str(caught.exception))
        with self.assertRaises(ClosedError):
            engine.lint_file("g.xml")
        with self.assertRaises(ClosedError):
            with engine:
                pass
        self.assertIn("closed", repr(engine))

    def test_the_garbage_collector_frees_an_engine_left_open(self) -> None:
        engine = Engine()
        finalizer = engine._handle._finalizer
        del engine
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_results_outlive_their_engine(self) -> None:
        engine = Engine.from_yaml("rules:\n  placeholder-content: warning\n")
        result = engine.lint(INCOMPLETE, "g.xml")
        engine.close()
        del engine
        gc.collect()
        with result:
            self.assertEqual(result.summary.warnings, 1)
            self.assertIn("placeholder-content", result.json())

    def test_closing_an_engine_while_threads_lint_with_it(self) -> None:
        """Every lint either completes with a whole result or is refused as closed; the engine
        is freed once the last call using it returns."""
        engine = Engine()
        expected = engine.lint(INCOMPLETE, "g.xml").json()
        finalizer = engine._handle._finalizer
        started = threading.Barrier(5, timeout=60)
        outcomes: list[str] = []
        lock = threading.Lock()

        def lint_until_closed() -> None:
            started.wait()
            while True:
                try:
                    with engine.lint(INCOMPLETE, "g.xml") as result:
                        ok = result.json() == expected
                except ClosedError:
                    with lock:
                        outcomes.append("closed")
                    return
                if not ok:
                    with lock:
                        outcomes.append("wrong")
                    return

        threads = [threading.Thread(target=lint_until_closed) for _ in range(4)]
        for t in threads:
            t.start()
        started.wait()
        engine.close()
        for t in threads:
            t.join()
        self.assertEqual(outcomes, ["closed"] * 4)
        self.assertFalse(finalizer.alive)


class Results(unittest.TestCase):
    engine: ClassVar[Engine]

    @classmethod
    def setUpClass(cls) -> None:
        cls.engine = Engine()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.engine.close()

    def test_with_closes_the_result_and_copies_survive(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            diagnostics = result.diagnostics("en")
            text = result.json()
            finalizer = result._handle._finalizer
        self.assertTrue(result.closed)
        self.assertFalse(finalizer.alive)
        # Strings were copied out: they do not die with the result.
        gc.collect()
        self.assertIn("placeholder-content", [d.rule_id for d in diagnostics])
        self.assertTrue(all(d.message for d in diagnostics))
        self.assertIn('"file":"g.xml"', text)

    def test_use_after_close_is_an_error_not_a_crash(self) -> None:
        result = self.engine.lint(INCOMPLETE, "g.xml")
        result.close()
        result.close()
        calls: List[Callable[[], object]] = [
            lambda: result.summary,
            lambda: result.diagnostics(),
            lambda: result.json(),
            lambda: result.report(),
            lambda: len(result),
            lambda: list(result),
        ]
        for call in calls:
            with self.assertRaises(ClosedError) as caught:
                call()
            self.assertIn("result is closed", str(caught.exception))
        self.assertIn("closed", repr(result))

    def test_the_garbage_collector_frees_a_result_left_open(self) -> None:
        result = self.engine.lint(INCOMPLETE, "g.xml")
        finalizer = result._handle._finalizer
        del result
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_a_result_is_iterable(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            self.assertEqual(list(result), result.diagnostics())
            self.assertEqual(len(list(result)), len(result))

    def test_results_come_only_from_engines(self) -> None:
        with self.assertRaises(TypeError):
            Result()


if __name__ == "__main__":
    unittest.main()
