"""Failures: each status its exception, each carrying the message of its own call."""

from __future__ import annotations

import os
import tempfile
import threading
import unittest
from typing import ClassVar

from guidelint import (
    ArgumentError,
    ConfigError,
    Engine,
    GuidelintError,
    InputError,
    InternalError,
    RangeError,
    Status,
)
from guidelint._errors import error_for

from ._support import INCOMPLETE


class ConfigErrors(unittest.TestCase):
    def test_a_bad_severity_is_reported_at_its_place(self) -> None:
        with self.assertRaises(ConfigError) as caught:
            Engine.from_yaml("rules:\n  required-element: loud\n")
        error = caught.exception
        self.assertIsInstance(error, GuidelintError)
        self.assertEqual(error.status, Status.CONFIG)
        self.assertIn("<config>:2:", str(error))
        self.assertIn("loud", error.message)
        self.assertEqual(len(error.problems), 1)

    def test_every_problem_is_listed(self) -> None:
        with self.assertRaises(ConfigError) as caught:
            Engine.from_yaml("rules:\n  required-element: loud\n  placeholder-contnet: error\n")
        problems = caught.exception.problems
        self.assertEqual(len(problems), 2)
        self.assertTrue(problems[0].startswith("<config>:2:"), problems)
        self.assertTrue(problems[1].startswith("<config>:3:"), problems)
        self.assertIn("placeholder-content", problems[1])  # a suggestion

    def test_not_even_yaml(self) -> None:
        with self.assertRaises(ConfigError):
            Engine.from_yaml("rules: [\n")

    def test_a_missing_config_file(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "missing.yaml")
            with self.assertRaises(ConfigError) as caught:
                Engine.from_file(path)
        self.assertIn(path, caught.exception.message)

    def test_a_catalog_not_found_without_its_base_dir(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            with self.assertRaises(ConfigError) as caught:
                Engine.from_yaml(
                    "extends: national\ncatalogs: [no-such-catalog.yaml]\n", base_dir=folder
                )
        self.assertIn(os.path.join(folder, "no-such-catalog.yaml"), caught.exception.message)


class ArgumentErrors(unittest.TestCase):
    engine: ClassVar[Engine]

    @classmethod
    def setUpClass(cls) -> None:
        cls.engine = Engine()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.engine.close()

    def test_unknown_input_format(self) -> None:
        with self.assertRaises(ArgumentError) as caught:
            self.engine.lint(INCOMPLETE, "g.xml", input_format="yaml")
        self.assertIsInstance(caught.exception, ValueError)
        self.assertEqual(caught.exception.status, Status.ARGUMENT)
        self.assertIn("yaml", caught.exception.message)

    def test_bad_dates(self) -> None:
        for date in ("2024-02-30", "yesterday", "2024/01/01"):
            with self.subTest(date=date), self.assertRaises(ArgumentError):
                self.engine.lint(INCOMPLETE, "g.xml", as_of=date)
        with self.assertRaises(TypeError):
            self.engine.lint(INCOMPLETE, "g.xml", as_of=20240101)  # type: ignore[arg-type]

    def test_unknown_locale(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            with self.assertRaises(ArgumentError) as caught:
                result.diagnostics("fr")
            self.assertIn("fr", caught.exception.message)
            with self.assertRaises(ArgumentError):
                result.json("fr")
            with self.assertRaises(ArgumentError):
                result.report("de")
            # The result is still good after a refused call.
            self.assertGreater(len(result.diagnostics("en")), 0)

    def test_nul_characters_are_refused_not_truncated(self) -> None:
        with self.assertRaises(ArgumentError):
            self.engine.lint(INCOMPLETE, "g.xml\0.txt")
        with self.assertRaises(ArgumentError):
            self.engine.lint(INCOMPLETE, "g.xml", input_format="xml\0")
        with self.assertRaises(ArgumentError):
            self.engine.lint_file("g\0.xml")


class InputErrors(unittest.TestCase):
    def test_a_missing_file(self) -> None:
        with Engine() as engine, tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "no-such-guide.xml")
            with self.assertRaises(InputError) as caught:
                engine.lint_file(path)
        self.assertIsInstance(caught.exception, OSError)
        self.assertEqual(caught.exception.status, Status.IO)
        self.assertIn(path, str(caught.exception))

    def test_a_folder_is_not_a_file(self) -> None:
        with Engine() as engine, tempfile.TemporaryDirectory() as folder:
            with self.assertRaises(InputError):
                engine.lint_file(folder)


class StatusMapping(unittest.TestCase):
    def test_each_status_has_its_class(self) -> None:
        cases = [
            (1, ArgumentError),
            (2, ConfigError),
            (3, InputError),
            (4, RangeError),
            (5, InternalError),
        ]
        for status, cls in cases:
            error = error_for(status, "why")
            self.assertIs(type(error), cls)
            self.assertEqual(error.status, status)
            self.assertEqual(str(error), "why")
        self.assertIsInstance(error_for(4, "x"), IndexError)
        unknown = error_for(99, "")
        self.assertIs(type(unknown), GuidelintError)
        self.assertIsNone(unknown.status)
        self.assertIn("99", str(unknown))


class LastErrorIsPerThread(unittest.TestCase):
    def test_each_thread_reads_its_own_failure(self) -> None:
        """Two threads fail differently at the same time, over and over: each error names what
        its own call got wrong, never the other thread's."""
        engine = Engine()
        barrier = threading.Barrier(2, timeout=60)
        rounds = 200
        wrong: list[str] = []

        def missing_files() -> None:
            for i in range(rounds):
                barrier.wait()
                try:
                    engine.lint_file(f"/no/such/folder/guide-{i}.xml")
                except InputError as e:
                    if f"guide-{i}.xml" not in e.message:
                        wrong.append(e.message)
                else:
                    wrong.append("no error for a missing file")

        def bad_formats() -> None:
            for i in range(rounds):
                barrier.wait()
                try:
                    engine.lint(INCOMPLETE, "g.xml", input_format=f"format{i}")
                except ArgumentError as e:
                    if f"format{i}" not in e.message:
                        wrong.append(e.message)
                else:
                    wrong.append("no error for an unknown format")

        threads = [threading.Thread(target=missing_files), threading.Thread(target=bad_formats)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        engine.close()
        self.assertEqual(wrong, [])


if __name__ == "__main__":
    unittest.main()
