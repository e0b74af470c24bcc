#!/usr/bin/env python3
"""The HTML audit report in a real browser: headless Chromium with JavaScript disabled.

Runs `guidelint audit` on the audit fixtures as JSON and as HTML, checks that the page is
self-contained (no script, nothing fetched: inline CSS and SVG only, web addresses only in links),
loads it in Chromium driven over the DevTools protocol (a pipe, no port), with script execution
disabled for the page, reads the rendered DOM back and checks every figure it shows against the
JSON report, and saves a full-page screenshot for people to look at.

Chromium's --dump-dom and --screenshot switches evaluate script in the page to do their work, so
with --blink-settings=scriptEnabled=false they produce nothing; the protocol's DOM.getOuterHTML
and Page.captureScreenshot do the same without script.

Usage: audit_browser_test.py --cli GUIDELINT --fixtures DIR --out DIR [--chromium PATH]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


# ── The DevTools protocol over a pipe (fd 3 to the browser, fd 4 from it; NUL-separated) ───────


class Browser:
    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The child sees the pipe ends as fds 3 and 4 (dup2 makes them inheritable; every other
        # descriptor of ours is close-on-exec, as Python opens them).
        # Copies first: dup2 onto the same number would keep close-on-exec, and the pipe may
        # already sit on 3 or 4.
        def setup():
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.proc = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=setup,
            close_fds=False,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise Failure("Chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise Failure("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failure(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[i]
                    return event
            self.events.append(self._read_message(deadline))

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)


def render(chromium, page, screenshot):
    """The page's DOM as Chromium built it with script disabled, and a full-page screenshot."""
    profile = tempfile.mkdtemp(prefix="guidelint-chromium-")
    browser = Browser(chromium, profile)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        browser.send("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session,
        )
        browser.send("Page.enable", {}, session)
        browser.send("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session)
        browser.wait_event("Page.loadEventFired")
        root = browser.send("DOM.getDocument", {"depth": -1}, session)["root"]
        dom = browser.send("DOM.getOuterHTML", {"nodeId": root["nodeId"]}, session)["outerHTML"]
        size = browser.send("Page.getLayoutMetrics", {}, session)["cssContentSize"]
        shot = browser.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"],
                         "scale": 1},
            },
            session,
        )
        import base64

        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        return dom
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)


# ── The DOM, read back ──────────────────────────────────────────────────────────────────────


class Dom(HTMLParser):
    """Every element's attributes, by id and in document order; and the text inside each id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs)
        self.by_id = {}
        self.text_of = {}
        self._open_ids = []  # (id, depth)
        self._depth = 0
        self.scripts = 0

    VOID = {"meta", "link", "br", "img", "input", "hr", "rect", "line", "path", "circle"}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "script":
            self.scripts += 1
        if "id" in a:
            self.by_id[a["id"]] = a
            self.text_of[a["id"]] = ""
        if tag in self.VOID:
            return
        self._depth += 1
        if "id" in a:
            self._open_ids.append((a["id"], self._depth))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self._open_ids and self._open_ids[-1][1] >= self._depth:
            self._open_ids.pop()
        self._depth -= 1

    def handle_data(self, data):
        for i, _ in self._open_ids:
            self.text_of[i] += data

    def rows(self, attribute):
        return [a for tag, a in self.elements if tag in ("tr", "g") and attribute in a]


def percent(part, whole):
    return "—" if whole == 0 else f"{100.0 * part / whole:.1f}%"


# ── Checks ──────────────────────────────────────────────────────────────────────────────────


def check_self_contained(html):
    check("<script" not in html.lower(), "the report has a <script>")
    check(not re.search(r"<(link|img|iframe|object|embed|video|audio|source)\b", html, re.I),
          "the report loads something (link, img, iframe …)")
    check(not re.search(r"\ssrc\s*=", html, re.I), "the report has a src= attribute")
    check(not re.search(r"url\s*\(|@import", html, re.I), "the report's CSS fetches something")
    check(not re.search(r"\son[a-z]+\s*=", html, re.I), "the report has an event handler")
    check("xlink:href" not in html, "the SVG refers to something outside it")
    # Web addresses only as links to guides and sources, or as the text of such links.
    for m in re.finditer(r"https?://", html):
        before = html[max(0, m.start() - 300): m.start()]
        in_href = re.search(r'<a\s[^>]*href="$', before)
        in_link_text = re.search(r'<a\s[^>]*href="https?://[^"]*"[^>]*>$', before)
        check(in_href or in_link_text,
              f"a web address outside a link: …{html[max(0, m.start() - 80): m.start() + 40]}…")


def check_figures(dom, report):
    totals = report["totals"]
    ids = dom.by_id
    for fid, value in [("fig-guides", totals["guides"]), ("fig-passing", totals["passing"]),
                       ("fig-failing", totals["failing"]), ("fig-files", totals["files"]),
                       ("fig-unreadable", totals["unreadable"]), ("fig-errors", totals["errors"]),
                       ("fig-warnings", totals["warnings"]), ("fig-reviews", totals["reviews"]),
                       ("fig-census-deduction", report["census"]["deduction"]),
                       ("fig-census-full", report["census"]["full_guides"]),
                       ("fig-stale", report["stale"]["stale"]),
                       ("fig-serious-total", report["serious"]["total"])]:
        check(fid in ids, f"no #{fid} in the rendered page")
        check(int(ids[fid]["data-value"]) == value,
              f"#{fid} data-value {ids[fid]['data-value']} != JSON {value}")
        check(dom.text_of[fid].split("/")[0].strip() == str(value),
              f"#{fid} shows {dom.text_of[fid]!r}, JSON {value}")
    check(float(ids["fig-rate"]["data-value"]) == totals["compliance_rate"],
          "the compliance rate differs from the JSON")
    check(dom.text_of["fig-rate"].strip() == percent(totals["passing"], totals["guides"]),
          f"the rate shows {dom.text_of['fig-rate']!r}")
    check(ids["as-of"]["datetime"] == report["date"], "the report date differs from the JSON")

    rows = {a["data-category"]: a for a in dom.rows("data-category")}
    check(len(rows) == len(report["census"]["categories"]), "census categories missing")
    for c in report["census"]["categories"]:
        check(int(rows[c["id"]]["data-guides-missing"]) == c["guides_missing"],
              f"census {c['id']}: {rows[c['id']]} vs {c}")
        check(int(rows[c["id"]]["data-points"]) == c["points"], f"census points of {c['id']}")

    table = {a["data-element"]: a for a in dom.rows("data-missing")}
    bars = [a["data-element"] for tag, a in dom.elements if tag == "g" and "data-element" in a]
    check(bars == [e["id"] for e in report["elements"]], "the element chart's bars differ")
    for e in report["elements"]:
        row = table[e["id"]]
        for k in ("missing", "empty", "placeholder"):
            check(int(row["data-" + k]) == e[k], f"element {e['id']} {k}: {row} vs {e}")

    for kind in ("department", "region"):
        section = [a for a in dom.rows("data-group")]
        expected = report["groups"][kind]["rows"]
        shown = section[:len(expected)] if kind == "department" else section[
            len(report["groups"]["department"]["rows"]):]
        check(len(shown) == len(expected), f"{kind} rows: {len(shown)} vs {len(expected)}")
        for a, g in zip(shown, expected):
            check(a["data-group"] == g["name"], f"{kind} {a['data-group']} vs {g['name']}")
            check(int(a["data-guides"]) == g["guides"] and int(a["data-passing"]) == g["passing"],
                  f"{kind} {g['name']}: {a} vs {g}")
    charts = [a for tag, a in dom.elements if tag == "svg" and a.get("class") == "group-chart"]
    check(len(charts) == len(report["groups"]["department"]["rows"]) +
          len(report["groups"]["region"]["rows"]), "not one chart per department and region")

    rules = {a["data-rule"]: a for a in dom.rows("data-findings")}
    for r in report["rules"]:
        check(int(rules[r["id"]]["data-findings"]) == r["findings"], f"rule {r['id']}")
        check(int(rules[r["id"]]["data-guides"]) == r["guides"], f"rule {r['id']} guides")

    catalog = [a for a in dom.rows("data-kind")]
    check([(a["data-kind"], a["data-item"], int(a["data-guides"])) for a in catalog] ==
          [(c["kind"], c["item"], c["guides"]) for c in report["catalog"]], "catalog rows differ")

    findings = [a for tag, a in dom.elements if tag == "tr" and a.get("class") == "finding"]
    check(len(findings) == len(report["serious"]["findings"]), "serious findings differ")
    links = [a["href"] for tag, a in dom.elements if tag == "a" and a.get("class") == "guide"]
    check(len(links) >= len(findings), "serious findings without links to their guides")
    buckets = [int(a["data-guides"]) for a in dom.rows("data-bucket")]
    stale = report["stale"]
    check(buckets == [b["guides"] for b in stale["buckets"]] +
          [stale["no_date"], stale["unreadable_date"], stale["future_date"]], "age buckets differ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    site = os.path.join(args.fixtures, "audit")
    html_path = os.path.join(args.out, "audit-report.html")
    json_path = os.path.join(args.out, "audit-report.json")
    png_path = os.path.join(args.out, "audit-report.png")
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    common = ["audit", "--as-of", "2025-06-30", "--locale", "zh-Hans", "--no-ignore", "site"]
    for fmt, path in (("json", json_path), ("html", html_path)):
        run = subprocess.run([args.cli, *common, "-f", fmt, "-o", path], cwd=site, env=env,
                             capture_output=True, text=True)
        check(run.returncode == 2, f"audit -f {fmt}: exit {run.returncode}: {run.stderr}")
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    check_self_contained(html)

    # Without a CJK font Chromium draws boxes for every Chinese character.
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    check(fonts.stdout.strip(),
          "no CJK font is installed (fc-list :lang=zh is empty): install fonts-wqy-zenhei")

    dom_html = render(args.chromium, html_path, png_path)
    with open(os.path.join(args.out, "audit-report.dom.html"), "w", encoding="utf-8") as f:
        f.write(dom_html)
    dom = Dom()
    dom.feed(dom_html)
    check(dom.scripts == 0, "the rendered page has a script")
    check_figures(dom, report)
    check(os.path.getsize(png_path) > 10000, "the screenshot is empty")
    print(f"ok: figures match the JSON; screenshot {png_path}")


if __name__ == "__main__":
    try:
        main()
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        sys.exit(1)
