#!/usr/bin/env python3
"""Checks the machine-readable outputs of the guidelint command.

Every format is read back the way its consumers read it and compared, finding by finding, with the
JSON report of the same run (the stable interface, docs/output.md): a format that drops, moves or
mislabels a finding fails. `sarif-schema` validates the SARIF output against the OASIS SARIF 2.1.0
schema, which is not part of the repository: it lies in the shared schemas directory beside the
checkout (configure with -DGUIDELINT_SARIF_SCHEMA=PATH to use another copy). A missing schema or a
missing validator (Debian: python3-jsonschema) fails the check; it never passes without
validating.

    formats_test.py CHECK --cli PATH --fixtures DIR --source-dir DIR [--schema PATH]

CHECK is one of sarif-schema, sarif, junit, checkstyle, github, rdjson.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

# Inputs of every check, run in the fixtures folder: findings with CJK text, tabs, a minified
# one-line file, a Word document, findings that need review or cite a catalog, an unreadable path,
# a parse error, a GBK page, and stdin named with every character some format must escape; a
# config with errors; a config that lowers a rule's severity.
STDIN_NAME = "目录/a,b:c%&<'\"> d.xml"
STDIN_FIXTURE = "blank-fees.xml"
RUNS = [
    ["incomplete.xml", "blank-fees.xml", "report", "docx/label-table.docx", "does-not-exist.xml",
     "malformed.xml", "gbk-declared.xml", "good.xml", "--stdin-filename", STDIN_NAME, "-"],
    ["--config", "bad-config/unknown-key.yaml", "good.xml"],
    ["--config", "configured/.guidelint.yaml", "configured/incomplete.xml"],
]
LOCALES = ["zh-Hans", "zh-Hant", "en"]
DOCS_BASE = "https://github.com/guidelint/guidelint/blob/main/docs/rules/"

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


def equal(actual, expected, what):
    return check(actual == expected, f"{what}: {actual!r} != {expected!r}")


class Cli:
    def __init__(self, cli, fixtures):
        self.cli = cli
        self.fixtures = fixtures

    def run(self, fmt, args, locale="en"):
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "NO_COLOR"}
        env["LANG"] = "C.UTF-8"
        stdin = (Path(self.fixtures) / STDIN_FIXTURE).read_bytes()
        r = subprocess.run([self.cli, "--as-of", "2025-06-30", "--locale", locale, "--format", fmt,
                            *args], cwd=self.fixtures, env=env, input=stdin, capture_output=True)
        if r.returncode not in (0, 1, 2) or r.stderr:
            sys.exit(f"guidelint {' '.join(args)} failed ({r.returncode}): {r.stderr.decode()}")
        return r.stdout.decode("utf-8")

    def findings(self, args, locale="en"):
        """The JSON report: (files, every finding with its file, summary)."""
        report = json.loads(self.run("json", args, locale))
        flat = [dict(d, file=f["file"], guides=f["guides"])
                for f in report["files"] for d in f["diagnostics"]]
        check(flat, f"no findings at all for {args}: the check would be vacuous")
        return report["files"], flat, report["summary"]


def headline(d):
    """The text format's first line of a finding."""
    place = f":{d['line']}:{d['column']}" if d["line"] is not None else ""
    word = "needs-review" if d["needsReview"] else d["severity"]
    return f"{d['file']}{place}: {word}: {d['message']} [{d['rule']}]"


# ── sarif ────────────────────────────────────────────────────────────────────────────────────


def check_sarif_schema(cli, options):
    schema_path = Path(options.schema) if options.schema else None
    if schema_path is None or not schema_path.is_file():
        sys.exit(f"FAIL: the SARIF 2.1.0 schema is not at {schema_path}. It is not part of the "
                 "repository: put sarif-schema-2.1.0.json in the shared schemas directory beside "
                 "the checkout (../shared/schemas/), or configure with "
                 "-DGUIDELINT_SARIF_SCHEMA=PATH.")
    try:
        import jsonschema
    except ImportError:
        sys.exit("FAIL: python3-jsonschema is not installed (scripts/setup.sh installs it).")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    validated = 0
    for args in RUNS:
        for locale in LOCALES:
            document = json.loads(cli.run("sarif", args, locale))
            for error in validator.iter_errors(document):
                check(False, f"{args} {locale}: {'/'.join(map(str, error.path))}: {error.message}")
            validated += 1
    # The validator itself must reject what the schema forbids, or nothing was validated.
    check(not validator.is_valid({"version": "2.1.0", "runs": [{"results": []}]}),
          "the validator accepts a run without a tool")
    return validated


def check_sarif(cli, options):
    level = {"error": "error", "warning": "warning", "info": "note"}
    docs = Path(options.source_dir) / "docs" / "rules"
    for args in RUNS:
        for locale in LOCALES:
            files, findings, summary = cli.findings(args, locale)
            sarif = json.loads(cli.run("sarif", args, locale))
            equal(sarif["version"], "2.1.0", "version")
            run = sarif["runs"][0]
            driver = run["tool"]["driver"]
            equal(driver["name"], "guidelint", "driver name")
            check(driver["informationUri"].startswith("https://"), "informationUri")
            equal(run["columnKind"], "unicodeCodePoints", "columnKind")
            equal(run["properties"]["locale"], locale, "locale")
            equal(run["properties"]["summary"], summary, "summary")
            rules = driver["rules"]
            ids = [r["id"] for r in rules]
            equal(len(ids), len(set(ids)), "rule ids are unique")
            for rule in rules:
                uri = rule.get("helpUri")
                if check(uri is not None, f"{rule['id']} has a doc page"):
                    check(uri.startswith(DOCS_BASE) and (docs / uri[len(DOCS_BASE):]).is_file(),
                          f"{rule['id']}: {uri} is not a page of docs/rules/")
                check(rule.get("shortDescription", {}).get("text"), f"{rule['id']} description")
                check(rule.get("defaultConfiguration", {}).get("level") in level.values(),
                      f"{rule['id']} default level")
            if "configured/.guidelint.yaml" in args:
                # The config's severities are the rules' defaults.
                equal(rules[ids.index("required-element")]["defaultConfiguration"]["level"],
                      "warning", "required-element under a config that lowers it")
            equal(len(run["results"]), len(findings), f"{args}: one result per finding")
            for result, d in zip(run["results"], findings):
                what = f"{args} {locale} {headline(d)}"
                equal(result["ruleId"], d["rule"], what)
                equal(rules[result["ruleIndex"]]["id"], d["rule"], what + " ruleIndex")
                equal(result["message"]["text"], d["message"], what)
                if d["needsReview"]:
                    equal((result.get("kind"), result["level"]), ("review", "none"), what)
                else:
                    equal((result.get("kind", "fail"), result["level"]),
                          ("fail", level[d["severity"]]), what)
                props = result["properties"]
                equal((props["severity"], props["needsReview"], props["fatal"], props["messageId"],
                       props["arguments"]),
                      (d["severity"], d["needsReview"], d["fatal"], d["messageId"], d["args"]), what)
                location = result["locations"][0]["physicalLocation"]
                uri = location["artifactLocation"]["uri"]
                check(re.fullmatch(r"(file://)?[A-Za-z0-9\-._~/%]+", uri), f"{what}: URI {uri}")
                equal(urllib.parse.unquote(uri), d["file"], what + " uri")
                if d["line"] is None:
                    check("region" not in location, what + " has no region")
                else:
                    equal(location["region"],
                          {"startLine": d["line"], "startColumn": d["column"],
                           "endLine": d["endLine"], "endColumn": d["endColumn"]}, what)
                if d["guide"] is not None:
                    guide = d["guides"][d["guide"]]
                    equal(props["guide"], {"index": d["guide"], "name": guide["name"],
                                           "code": guide["code"]}, what)
                if "decision_title" in d["args"]:
                    citation = props.get("citation", {})
                    equal(citation.get("item"), d["args"]["item"], what + " citation")
                    equal(citation.get("title"), d["args"]["decision_title"], what + " citation")
                    equal(citation.get("source"), d["args"]["source"], what + " citation")
                else:
                    check("citation" not in props, what + " has no citation")
    # The inputs hold the cases the mapping is about.
    _, findings, _ = cli.findings(RUNS[0])
    check(any(d["needsReview"] for d in findings), "no finding that needs review")
    check(any("decision_title" in d["args"] for d in findings), "no catalog citation")
    check(any(d["line"] is None for d in findings), "no finding without a place")


# ── xml ──────────────────────────────────────────────────────────────────────────────────────


def check_checkstyle(cli, options):
    for args in RUNS:
        files, findings, _ = cli.findings(args)
        root = ET.fromstring(cli.run("checkstyle", args))
        equal(root.tag, "checkstyle", "root")
        equal([f.get("name") for f in root.findall("file")], [f["file"] for f in files], "files")
        errors = [(f.get("name"), e) for f in root.findall("file") for e in f.findall("error")]
        equal(len(errors), len(findings), f"{args}: one <error> per finding")
        for (name, e), d in zip(errors, findings):
            what = headline(d)
            equal(name, d["file"], what)
            equal(e.get("line"), str(d["line"] or 0), what)
            equal(e.get("column"), None if d["column"] is None else str(d["column"]), what)
            equal(e.get("severity"), "info" if d["needsReview"] else d["severity"], what)
            equal(e.get("message"), d["message"], what)
            equal(e.get("source"), "guidelint." + d["rule"], what)


def check_junit(cli, options):
    for args in RUNS:
        files, findings, _ = cli.findings(args)
        root = ET.fromstring(cli.run("junit", args))
        equal(root.tag, "testsuites", "root")
        suites = root.findall("testsuite")
        equal([s.get("name") for s in suites], [f["file"] for f in files], f"{args}: suites")
        for suite, f in zip(suites, files):
            cases = suite.findall("testcase")
            diagnostics = f["diagnostics"]
            equal(int(suite.get("tests")), len(cases), f"{f['file']} tests")
            if not diagnostics:
                equal([(c.get("name"), len(c)) for c in cases], [("no findings", 0)], f["file"])
                continue
            equal(len(cases), len(diagnostics), f"{f['file']}: one testcase per finding")
            counts = {"failure": 0, "error": 0, "skipped": 0}
            for case, d in zip(cases, diagnostics):
                d = dict(d, file=f["file"])
                what = headline(d)
                equal(case.get("classname"), f["file"], what)
                place = f" ({d['line']}:{d['column']})" if d["line"] is not None else ""
                equal(case.get("name"), d["rule"] + place, what)
                (outcome,) = list(case)
                counts[outcome.tag] += 1
                if d["needsReview"]:
                    equal((outcome.tag, outcome.get("message")),
                          ("skipped", "needs-review: " + d["message"]), what)
                    continue
                equal(outcome.tag, "error" if d["fatal"] else "failure", what)
                equal((outcome.get("type"), outcome.get("message")), (d["severity"], d["message"]),
                      what)
                body = outcome.text.split("\n")
                equal(body[0], headline(d), what + " body")
                if d["line"] is not None:  # the code frame
                    check(re.match(rf" *{d['line']} \| ", body[1]), f"{what}: frame {body[1:3]}")
                    check(re.match(r" +\| *\^~*$", body[2]), f"{what}: underline {body[1:3]}")
            equal((int(suite.get("failures")), int(suite.get("errors")), int(suite.get("skipped"))),
                  (counts["failure"], counts["error"], counts["skipped"]), f"{f['file']} counts")


# ── github ───────────────────────────────────────────────────────────────────────────────────


def unescape(s):
    return (s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def check_github(cli, options):
    command = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")
    for args in RUNS:
        _, findings, summary = cli.findings(args)
        lines = cli.run("github", args).split("\n")
        equal(lines[-1], "", "ends with a line break")
        check(lines[-2].startswith("✖" if summary["errors"] else "✔"), "summary line last")
        equal(len(lines) - 2, len(findings), f"{args}: one command per finding")
        for line, d in zip(lines, findings):
            what = headline(d)
            m = command.fullmatch(line)
            if not check(m, f"not a workflow command: {line}"):
                continue
            level = ("notice" if d["needsReview"] or d["severity"] == "info" else d["severity"])
            equal(m.group(1), level, what)
            # Properties are split where the runner splits them: escaped values hold no , or :.
            props = dict(p.split("=", 1) for p in m.group(2).split(","))
            props = {k: unescape(v) for k, v in props.items()}
            expected = {"file": d["file"],
                        "title": d["rule"] + (" (needs review)" if d["needsReview"] else "")}
            if d["line"] is not None:
                expected.update(line=str(d["line"]), col=str(d["column"]),
                                endLine=str(d["endLine"]))
                if d["endLine"] == d["line"]:
                    expected["endColumn"] = str(d["endColumn"])
            equal(props, expected, what)
            equal(unescape(m.group(3)), d["message"], what)


# ── rdjson ───────────────────────────────────────────────────────────────────────────────────


def lines_of(fixtures, name):
    data = (Path(fixtures) / (STDIN_FIXTURE if name == STDIN_NAME else name)).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return re.split(r"\r\n|\r|\n", text)


def check_rdjson(cli, options):
    severity = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
    byte_columns = 0
    for args in RUNS:
        _, findings, _ = cli.findings(args)
        document = json.loads(cli.run("rdjson", args))
        equal(document["source"]["name"], "guidelint", "source")
        equal(len(document["diagnostics"]), len(findings), f"{args}: one diagnostic per finding")
        for r, d in zip(document["diagnostics"], findings):
            what = headline(d)
            equal(r["message"], d["message"], what)
            equal(r["location"]["path"], d["file"], what)
            equal(r["severity"], "INFO" if d["needsReview"] else severity[d["severity"]], what)
            equal(r["code"]["value"], d["rule"], what)
            check(r["code"]["url"].startswith(DOCS_BASE), what + " code url")
            if d["line"] is None:
                check("range" not in r["location"], what + " has no range")
                continue
            start, end = r["location"]["range"]["start"], r["location"]["range"]["end"]
            equal((start["line"], end["line"]), (d["line"], d["endLine"]), what)
            if d["file"].endswith(".docx"):
                continue  # its lines are those of the text read from the document
            # Columns in UTF-8 bytes of the line, where JSON counts characters.
            lines = lines_of(cli.fixtures, d["file"])
            for position, line, column in ((start, d["line"], d["column"]),
                                           (end, d["endLine"], d["endColumn"])):
                text = lines[line - 1]
                equal(position["column"], len(text[:column - 1].encode("utf-8")) + 1, what)
                byte_columns += len(text[:column - 1].encode("utf-8")) + 1 != column
    check(byte_columns > 0, "no finding after non-ASCII text: byte columns were not tested")


CHECKS = {"sarif-schema": check_sarif_schema, "sarif": check_sarif, "junit": check_junit,
          "checkstyle": check_checkstyle, "github": check_github, "rdjson": check_rdjson}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("check", choices=sorted(CHECKS))
    parser.add_argument("--cli", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--schema")
    options = parser.parse_args()
    CHECKS[options.check](Cli(options.cli, options.fixtures), options)
    for f in failures[:50]:
        print("FAIL:", f)
    if failures:
        sys.exit(f"{len(failures)} failures")
    print(f"{options.check}: ok")


if __name__ == "__main__":
    main()
