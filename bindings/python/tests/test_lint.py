"""Linting through the binding: findings, positions, messages, summaries, JSON, citations."""

from __future__ import annotations

import datetime
import json
import os
import tempfile
import unittest
from typing import ClassVar

import guidelint
from guidelint import Citation, Diagnostic, Engine, Severity, Span, Summary

from ._support import ABOLISHED, CATALOG, CATALOG_GUIDE, GOOD, INCOMPLETE


def placeholder(diagnostics: list[Diagnostic]) -> Diagnostic:
    found = [d for d in diagnostics if d.rule_id == "placeholder-content"]
    assert len(found) == 1, [d.rule_id for d in diagnostics]
    return found[0]


class LintBytes(unittest.TestCase):
    engine: ClassVar[Engine]

    @classmethod
    def setUpClass(cls) -> None:
        cls.engine = Engine()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.engine.close()

    def test_rule_ids_of_an_incomplete_guide(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            diagnostics = result.diagnostics("en")
        rules = {d.rule_id for d in diagnostics}
        self.assertIn("required-element", rules)
        self.assertIn("placeholder-content", rules)
        self.assertIn("legal-basis-citation", rules)
        missing = {d.element_id for d in diagnostics if d.message_id == "required-element.missing"}
        self.assertIn("agency", missing)
        self.assertIn("phone", missing)
        self.assertNotIn("name", missing)  # the guide has one
        self.assertNotIn("legal_basis", missing)
        for d in diagnostics:
            self.assertIsInstance(d.severity, Severity)
            self.assertEqual(d.rule, d.rule_id)
            self.assertEqual(d.element, d.element_id)

    def test_position_of_a_placeholder(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            d = placeholder(result.diagnostics("en"))
        self.assertEqual(d.severity, Severity.ERROR)
        self.assertEqual(d.message_id, "placeholder-content.phrase")
        self.assertEqual(d.element_id, "legal_basis")
        self.assertEqual(d.guide, 0)
        self.assertFalse(d.fatal)
        self.assertFalse(d.needs_review)
        self.assertEqual((d.line, d.column, d.end_line, d.end_column), (2, 14, 2, 18))
        self.assertEqual((d.column_utf16, d.end_column_utf16), (14, 18))
        assert d.offset is not None and d.end_offset is not None
        self.assertEqual(INCOMPLETE[d.offset : d.end_offset].decode("utf-8"), "相关法规")
        self.assertEqual(d.span, Span(2, 14, 2, 18, 14, 18, d.offset, d.end_offset))
        self.assertIsNone(d.citation)

    def test_columns_count_code_points_and_utf16_units(self) -> None:
        # 𠀀 is outside the Basic Multilingual Plane: one code point, two UTF-16 units.
        data = INCOMPLETE.replace(b"<legal_basis>", "<legal_basis>𠀀".encode("utf-8"))
        with self.engine.lint(data, "g.xml") as result:
            rules = [d for d in result.diagnostics() if d.element_id == "legal_basis"]
        self.assertTrue(rules)
        d = rules[0]
        assert d.span is not None
        self.assertEqual(d.span.column, 14)
        self.assertEqual(d.span.column_utf16, 14)
        self.assertEqual(d.span.end_column_utf16 - d.span.end_column, 1)

    def test_messages_in_each_locale(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            en = placeholder(result.diagnostics("en"))
            zh = placeholder(result.diagnostics("zh-Hans"))
            default = placeholder(result.diagnostics())
            hant = placeholder(result.diagnostics("zh-Hant"))
            none = placeholder(result.diagnostics(None))
        self.assertIn("only", en.message)
        self.assertIn("相关法规", zh.message)
        self.assertNotIn("only", zh.message)
        self.assertEqual(default.message, zh.message)
        self.assertEqual(none.message, zh.message)
        self.assertNotEqual(hant.message, zh.message)
        # Only the message changes with the locale.
        self.assertEqual(en.message_id, zh.message_id)
        self.assertEqual(en.span, zh.span)

    def test_summary_counts(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            summary = result.summary
            diagnostics = result.diagnostics()
            count = len(result)
        self.assertIsInstance(summary, Summary)
        self.assertEqual(summary.guides, 1)
        self.assertFalse(summary.fatal)
        self.assertEqual(count, len(diagnostics))
        errors = [d for d in diagnostics if d.severity == Severity.ERROR and not d.needs_review]
        self.assertEqual(summary.errors, len(errors))
        self.assertGreater(summary.errors, 2)
        self.assertEqual(summary.warnings, 0)
        self.assertEqual(summary.reviews, sum(d.needs_review for d in diagnostics))
        with self.assertRaises(AttributeError):
            summary.errors = 0  # type: ignore[misc]  # frozen

    def test_a_good_guide_has_no_findings(self) -> None:
        with self.engine.lint(GOOD, "good.xml", as_of="2025-06-01") as result:
            self.assertEqual(result.diagnostics(), [])
            self.assertEqual(len(result), 0)
            self.assertEqual(result.summary, Summary(1, 0, 0, 0, 0, False))

    def test_json_report(self) -> None:
        with self.engine.lint(INCOMPLETE, "g.xml") as result:
            text = result.json("en")
            report = result.report("en")
            diagnostics = result.diagnostics("en")
            summary = result.summary
            zh = result.report()
        self.assertIsInstance(text, str)
        self.assertIn('"rule":"placeholder-content"', text)
        self.assertEqual(json.loads(text), report)
        self.assertEqual(report["version"], 1)
        self.assertEqual(report["locale"], "en")
        self.assertEqual(zh["locale"], "zh-Hans")
        self.assertEqual(report["tool"]["version"], guidelint.library_version())
        (file,) = report["files"]
        self.assertEqual(file["file"], "g.xml")
        self.assertEqual(file["guides"][0]["name"], "设立某类事项审批")
        self.assertEqual(len(file["diagnostics"]), len(diagnostics))
        for theirs, ours in zip(file["diagnostics"], diagnostics):
            self.assertEqual(theirs["rule"], ours.rule_id)
            self.assertEqual(theirs["message"], ours.message)
            self.assertEqual(theirs["severity"], ours.severity.label)
            self.assertEqual((theirs["line"], theirs["column"]), (ours.line, ours.column))
            self.assertEqual(theirs["element"], ours.element_id)
        self.assertEqual(report["summary"]["errors"], summary.errors)
        self.assertEqual(report["summary"]["guides"], summary.guides)

    def test_bytes_text_and_buffers_lint_alike(self) -> None:
        def json_of(data: guidelint.Data) -> str:
            with self.engine.lint(data, "g.xml") as result:
                return result.json()

        expected = json_of(INCOMPLETE)
        self.assertEqual(json_of(INCOMPLETE.decode("utf-8")), expected)
        self.assertEqual(json_of(bytearray(INCOMPLETE)), expected)
        self.assertEqual(json_of(memoryview(INCOMPLETE)), expected)
        with self.assertRaises(TypeError):
            self.engine.lint(42, "g.xml")  # type: ignore[arg-type]

    def test_input_format_overrides_the_name(self) -> None:
        # Read as text (by its name), the XML has no labels: every required element is missing.
        with self.engine.lint(INCOMPLETE, "g.txt") as as_text:
            text_missing = {d.element_id for d in as_text.diagnostics()}
        with self.engine.lint(INCOMPLETE, "g.txt", input_format="xml") as as_xml:
            xml_rules = {d.rule_id for d in as_xml.diagnostics()}
            report = as_xml.report()
        self.assertIn("placeholder-content", xml_rules)
        self.assertIn("legal_basis", text_missing)
        self.assertEqual(report["files"][0]["file"], "g.txt")

    def test_a_finding_without_a_place(self) -> None:
        with self.engine.lint(b"") as result:
            (d,) = result.diagnostics("en")
            summary = result.summary
        self.assertEqual(d.rule_id, "parse-error")
        self.assertTrue(d.fatal)
        self.assertTrue(summary.fatal)
        self.assertIsNone(d.span)
        self.assertIsNone(d.line)
        self.assertIsNone(d.column)
        self.assertIsNone(d.offset)
        self.assertIsNone(d.guide)
        self.assertIsNone(d.element_id)

    def test_input_that_cannot_be_parsed_is_a_fatal_finding(self) -> None:
        with self.engine.lint(b"<guide><name>\0\xff", "b.xml") as result:
            summary = result.summary
            diagnostics = result.diagnostics()
        self.assertTrue(summary.fatal)
        self.assertEqual(summary.guides, 0)
        self.assertTrue(any(d.fatal and d.rule_id == "parse-error" for d in diagnostics))

    def test_lint_a_file(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "指南.xml")
            with open(path, "wb") as f:
                f.write(INCOMPLETE)
            with self.engine.lint_file(path) as result:
                d = placeholder(result.diagnostics("en"))
                report = result.report()
            with self.engine.lint_file(path, input_format="text") as as_text:
                as_text_rules = {x.rule_id for x in as_text.diagnostics()}
        self.assertEqual((d.line, d.column), (2, 14))
        self.assertEqual(report["files"][0]["file"], path)
        self.assertNotIn("placeholder-content", as_text_rules)


class CatalogCitations(unittest.TestCase):
    engine: ClassVar[Engine]

    @classmethod
    def setUpClass(cls) -> None:
        cls.engine = Engine()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.engine.close()

    def abolished(self, as_of: guidelint.DateLike, locale: str = "zh-Hans") -> list[Diagnostic]:
        with self.engine.lint(ABOLISHED, "guide", input_format="text", as_of=as_of) as result:
            return [d for d in result.diagnostics(locale) if d.rule_id == "abolished-item"]

    def test_an_abolished_item_cites_its_decision(self) -> None:
        (d,) = self.abolished("2020-01-01")
        self.assertEqual(d.severity, Severity.ERROR)
        self.assertEqual(d.element_id, "name")
        self.assertEqual((d.line, d.column), (1, 6))
        assert d.citation is not None
        self.assertIsInstance(d.citation, Citation)
        self.assertEqual(d.citation.item, "设立水利旅游项目审批")
        self.assertNotEqual(d.citation.decision_title, "")
        self.assertTrue(d.citation.decision_date.startswith("2015"))
        self.assertNotEqual(d.citation.source, "")
        self.assertIn("设立水利旅游项目审批", d.message)

    def test_dates_as_text_or_date(self) -> None:
        self.assertEqual(self.abolished(datetime.date(2020, 1, 1)), self.abolished("2020-01-01"))
        self.assertEqual(
            self.abolished(datetime.datetime(2020, 1, 1, 15, 30)), self.abolished("2020-01-01")
        )
        # A decision dated later does not apply yet.
        self.assertEqual(self.abolished(datetime.date(2014, 1, 1)), [])

    def test_the_citation_is_the_same_in_every_locale(self) -> None:
        (zh,) = self.abolished("2020-01-01")
        (en,) = self.abolished("2020-01-01", "en")
        self.assertEqual(zh.citation, en.citation)
        self.assertNotEqual(zh.message, en.message)


class Configs(unittest.TestCase):
    def test_yaml_config_changes_severities(self) -> None:
        with Engine.from_yaml("rules:\n  placeholder-content: warning\n") as engine:
            with engine.lint(INCOMPLETE, "g.xml") as result:
                d = placeholder(result.diagnostics())
                summary = result.summary
        self.assertEqual(d.severity, Severity.WARNING)
        self.assertEqual(summary.warnings, 1)

    def test_yaml_as_bytes(self) -> None:
        with Engine.from_yaml(b"rules:\n  placeholder-content: info\n") as engine:
            with engine.lint(INCOMPLETE, "g.xml") as result:
                self.assertEqual(placeholder(result.diagnostics()).severity, Severity.INFO)

    def test_base_dir_resolves_a_catalog_and_its_citation_is_read(self) -> None:
        yaml = "extends: national\ncatalogs: [province.yaml]\n"
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "province.yaml"), "w", encoding="utf-8") as f:
                f.write(CATALOG)
            with Engine.from_yaml(yaml, base_dir=folder) as engine:
                with engine.lint(CATALOG_GUIDE, "g.txt", as_of="2021-01-01") as result:
                    found = [d for d in result.diagnostics() if d.rule_id == "abolished-item"]
        (d,) = found
        self.assertEqual(
            d.citation,
            Citation(
                item="东湖游船码头建设审批",
                decision="某政发〔2020〕12号",
                decision_title="某省人民政府关于取消一批行政许可事项的决定",
                decision_date="2020-06-01",
                source="https://www.example.gov.cn/decision-12",
            ),
        )

    def test_config_file_with_paths_relative_to_it(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "province.yaml"), "w", encoding="utf-8") as f:
                f.write(CATALOG)
            config = os.path.join(folder, ".guidelint.yaml")
            with open(config, "w", encoding="utf-8") as f:
                f.write("extends: national\ncatalogs: [province.yaml]\n")
            with Engine.from_file(config) as engine, engine.lint(
                CATALOG_GUIDE, "g.txt", as_of="2021-01-01"
            ) as result:
                rules = [d.rule_id for d in result.diagnostics()]
        self.assertIn("abolished-item", rules)


class Library(unittest.TestCase):
    def test_versions(self) -> None:
        version = guidelint.library_version()
        self.assertRegex(version, r"^\d+\.\d+\.\d+")
        self.assertEqual(guidelint.ABI_VERSION, 1)
        self.assertTrue(os.path.basename(guidelint.library_path()).startswith("libguidelint"))


if __name__ == "__main__":
    unittest.main()
