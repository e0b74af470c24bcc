'use strict';
// Linting through the binding: results copied into plain objects, options, locales, columns.
const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const guidelint = require('..');
const { Engine } = guidelint;
const { INCOMPLETE, ABOLISHED, GOOD, byRule } = require('./helpers.js');

const engine = Engine.builtin();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guidelint-node-'));
after(() => {
  engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const NINE_MISSING = ['agency', 'conditions', 'materials', 'procedure', 'time_limit', 'fees', 'place', 'hours', 'phone'];

describe('the library', () => {
  it('is loaded from GUIDELINT_LIBRARY and speaks ABI 1', () => {
    assert.equal(guidelint.ABI_VERSION, 1);
    assert.match(guidelint.version(), /^\d+\.\d+\.\d+$/);
    if (process.env.GUIDELINT_LIBRARY) assert.equal(guidelint.libraryPath(), process.env.GUIDELINT_LIBRARY);
  });

  it("has koffi lay the structs out as the C compiler does (LP64)", (t) => {
    if (!['x64', 'arm64', 'ppc64', 'riscv64', 'loong64', 's390x'].includes(process.arch)) {
      t.skip('sizes checked on 64-bit platforms only');
      return;
    }
    // sizeof(guidelint_string), guidelint_summary, guidelint_lint_options, guidelint_diagnostic.
    assert.deepEqual(guidelint._structSizes(), { string: 16, summary: 48, lintOptions: 24, diagnostic: 200 });
  });
});

describe('Engine.lint', () => {
  it("uses the names every binding shares: rule and element, as ruleId and elementId", () => {
    const result = engine.lint(INCOMPLETE, 'g.xml');
    const [placeholder] = byRule(result, 'placeholder-content');
    assert.equal(placeholder.rule, 'placeholder-content');
    assert.equal(placeholder.element, 'legal_basis');
    for (const d of result.diagnostics) {
      assert.equal(d.rule, d.ruleId);
      assert.equal(d.element, d.elementId);
    }
  });

  it('finds the placeholder in legal_basis, with its place', () => {
    const bytes = Buffer.from(INCOMPLETE);
    const result = engine.lint(bytes, { name: 'g.xml', locale: 'en' });
    const [d] = byRule(result, 'placeholder-content');
    assert.ok(d, 'a placeholder-content finding');
    assert.equal(d.messageId, 'placeholder-content.phrase');
    assert.equal(d.severity, 'error');
    assert.equal(d.elementId, 'legal_basis');
    assert.equal(d.line, 2);
    assert.equal(d.column, 14);
    assert.equal(d.endLine, 2);
    assert.equal(d.endColumn, 18);
    assert.equal(d.columnUtf16, 14);
    assert.equal(d.endColumnUtf16, 18);
    assert.equal(bytes.subarray(d.offset, d.endOffset).toString(), '相关法规');
    assert.equal(d.guide, 0);
    assert.equal(d.fatal, false);
    assert.equal(d.needsReview, false);
    assert.equal(d.citation, null);
    assert.match(d.message, /only "相关法规"/);
  });

  it('reports every missing required element and counts them in the summary', () => {
    const result = engine.lint(INCOMPLETE, 'g.xml');
    const missing = byRule(result, 'required-element');
    assert.deepEqual(missing.map((d) => d.elementId).sort(), [...NINE_MISSING].sort());
    for (const d of missing) assert.equal(d.messageId, 'required-element.missing');
    const count = (severity) => result.diagnostics.filter((d) => d.severity === severity && !d.needsReview).length;
    assert.deepEqual(result.summary, {
      guides: 1,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      reviews: result.diagnostics.filter((d) => d.needsReview).length,
      fatal: false,
    });
    assert.equal(result.summary.errors, 11); // nine missing, the placeholder, the citation
    assert.equal(result.json, null);
  });

  it('gives the same result for a string, a Buffer, a Uint8Array, an ArrayBuffer and a slice of a bigger Buffer', () => {
    const expected = engine.lint(INCOMPLETE, 'g.xml');
    const buffer = Buffer.from(INCOMPLETE);
    const uint8 = new Uint8Array(buffer);
    const arrayBuffer = uint8.buffer.slice(uint8.byteOffset, uint8.byteOffset + uint8.byteLength);
    // A view into the middle of a larger allocation: only its own bytes may be linted.
    const padded = Buffer.concat([Buffer.from('<junk>'), buffer, Buffer.from('</junk>')]);
    const slice = padded.subarray(6, 6 + buffer.length);
    assert.notEqual(slice.byteOffset, 0);
    for (const data of [buffer, uint8, arrayBuffer, slice]) {
      assert.deepEqual(engine.lint(data, 'g.xml'), expected);
    }
  });

  it('renders messages in zh-Hans by default, zh-Hant and en', () => {
    const message = (locale) =>
      byRule(engine.lint(INCOMPLETE, locale ? { name: 'g.xml', locale } : 'g.xml'), 'placeholder-content')[0].message;
    assert.equal(message(undefined), '“设定依据”的内容只有“相关法规”，没有实际内容');
    assert.equal(message('zh-Hans'), message(undefined));
    assert.match(message('zh-Hant'), /沒有實際內容/);
    assert.equal(message('en'), '"设定依据" says only "相关法规": it has no real content');
    // Only the message changes with the locale.
    const strip = (r) => r.diagnostics.map(({ message: _, ...rest }) => rest);
    assert.deepEqual(strip(engine.lint(INCOMPLETE, { name: 'g.xml', locale: 'en' })), strip(engine.lint(INCOMPLETE, 'g.xml')));
  });

  it('has a clean guide pass, and lints as of the date asked', () => {
    const clean = engine.lint(GOOD, { name: 'good.xml', asOf: '2025-06-30' });
    assert.deepEqual(clean.diagnostics, []);
    assert.deepEqual(clean.summary, { guides: 1, errors: 0, warnings: 0, infos: 0, reviews: 0, fatal: false });
    // Updated 2025-03-18: more than a year before this date.
    const later = engine.lint(GOOD, { name: 'good.xml', asOf: '2026-06-30', locale: 'en' });
    assert.deepEqual(later.diagnostics.map((d) => [d.ruleId, d.severity]), [['stale-content', 'warning']]);
    assert.equal(later.summary.warnings, 1);
    assert.match(later.diagnostics[0].message, /2025-03-18/);
  });

  it('cites the State Council decision for an abolished item', () => {
    const result = engine.lint(ABOLISHED, { inputFormat: 'text', asOf: '2020-01-01' });
    const [d] = byRule(result, 'abolished-item');
    assert.ok(d, 'an abolished-item finding');
    assert.equal(d.severity, 'error');
    assert.equal(d.elementId, 'name');
    assert.deepEqual([d.line, d.column, d.endColumn], [1, 6, 16]);
    assert.equal(d.citation.item, '设立水利旅游项目审批');
    assert.notEqual(d.citation.decisionTitle, '');
    assert.equal(d.citation.decisionDate, '2015');
    assert.notEqual(d.citation.source, '');
    assert.equal(typeof d.citation.decision, 'string');
    for (const other of result.diagnostics) if (other !== d) assert.equal(other.citation, null);
    // Before the decision, the item was not abolished yet.
    const before = engine.lint(ABOLISHED, { inputFormat: 'text', asOf: '2014-01-01' });
    assert.deepEqual(byRule(before, 'abolished-item'), []);
  });

  it('chooses the format by the name, unless inputFormat says otherwise', () => {
    const asXml = engine.lint(ABOLISHED, { name: 'guide.xml', asOf: '2020-01-01' });
    assert.equal(asXml.summary.fatal, true);
    assert.deepEqual(asXml.diagnostics.map((d) => d.ruleId), ['parse-error']);
    const asText = engine.lint(ABOLISHED, { name: 'guide.xml', inputFormat: 'text', asOf: '2020-01-01' });
    assert.equal(asText.summary.fatal, false);
    assert.equal(byRule(asText, 'abolished-item').length, 1);
    assert.deepEqual(engine.lint(ABOLISHED, { name: 'guide.txt', asOf: '2020-01-01' }), asText);
  });

  it('gives UTF-16 columns that index JavaScript strings, and code-point columns', () => {
    // 𠮷 is outside the Basic Multilingual Plane: one code point, two UTF-16 units.
    const text = '<guide code="1"><name>𠮷设立某类事项审批</name><legal_basis>相关法规</legal_basis></guide>\n';
    const [d] = byRule(engine.lint(text, 'a.xml'), 'placeholder-content');
    assert.equal(d.line, 1);
    assert.equal(d.columnUtf16, d.column + 1);
    assert.equal(d.endColumnUtf16, d.endColumn + 1);
    const line = text.split('\n')[d.line - 1];
    assert.equal(line.slice(d.columnUtf16 - 1, d.endColumnUtf16 - 1), '相关法规');
    assert.equal([...line].slice(d.column - 1, d.endColumn - 1).join(''), '相关法规');
    assert.equal(Buffer.from(text).subarray(d.offset, d.endOffset).toString(), '相关法规');
  });

  it('returns an input that cannot be read as a fatal finding, not an exception', () => {
    const binary = engine.lint(Buffer.from('<guide><name>\0\xff', 'latin1'), 'b.xml');
    assert.equal(binary.summary.fatal, true);
    assert.equal(binary.diagnostics.length, 1);
    assert.equal(binary.diagnostics[0].ruleId, 'parse-error');
    assert.equal(binary.diagnostics[0].fatal, true);
    // Nothing to tell the format by: a finding with no place, so no position at all.
    const empty = engine.lint(Buffer.alloc(0));
    assert.equal(empty.summary.fatal, true);
    const [d] = empty.diagnostics;
    assert.equal(d.ruleId, 'parse-error');
    for (const key of ['line', 'column', 'endLine', 'endColumn', 'columnUtf16', 'endColumnUtf16', 'offset', 'endOffset', 'guide', 'elementId']) {
      assert.equal(d[key], null, key);
    }
  });

  it('renders the JSON report when asked, in the same locale', () => {
    const result = engine.lint(INCOMPLETE, { name: 'g.xml', locale: 'en', json: true });
    const report = JSON.parse(result.json);
    assert.equal(report.locale, 'en');
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].file, 'g.xml');
    const fromJson = report.files[0].diagnostics;
    assert.deepEqual(
      fromJson.map((d) => [d.rule, d.message, d.element, d.line, d.column, d.columnUtf16, d.endColumnUtf16]),
      result.diagnostics.map((d) => [d.ruleId, d.message, d.elementId, d.line, d.column, d.columnUtf16, d.endColumnUtf16]));
    assert.equal(report.summary.errors, result.summary.errors);
    assert.equal(engine.lint(INCOMPLETE, { name: 'g.xml', json: false }).json, null);
  });

  it('takes the file name alone as the options', () => {
    assert.deepEqual(engine.lint(INCOMPLETE, 'g.xml'), engine.lint(INCOMPLETE, { name: 'g.xml' }));
    assert.deepEqual(engine.lint(INCOMPLETE, null), engine.lint(INCOMPLETE));
  });

  it('returns plain objects that outlive the native result', () => {
    const result = engine.lint(INCOMPLETE, { name: 'g.xml', json: true });
    // Structured cloning keeps everything: no native pointer or accessor inside.
    assert.deepEqual(structuredClone(result), result);
    assert.equal(Object.getPrototypeOf(result.diagnostics[0]), Object.prototype);
    engine.lint(ABOLISHED, 'other.txt'); // the library reuses nothing of the first result
    assert.equal(byRule(result, 'placeholder-content')[0].message, '“设定依据”的内容只有“相关法规”，没有实际内容');
  });
});

describe('Engine.lintFile', () => {
  it('lints a file as the same bytes under its path', () => {
    const file = path.join(dir, 'g.xml');
    fs.writeFileSync(file, INCOMPLETE);
    const result = engine.lintFile(file, { locale: 'en', json: true });
    assert.deepEqual(result.diagnostics, engine.lint(INCOMPLETE, { name: 'g.xml', locale: 'en' }).diagnostics);
    assert.equal(JSON.parse(result.json).files[0].file, file);
  });

  it('takes inputFormat and asOf', () => {
    const file = path.join(dir, 'abolished.guide');
    fs.writeFileSync(file, ABOLISHED);
    const result = engine.lintFile(file, { inputFormat: 'text', asOf: '2020-01-01' });
    assert.equal(byRule(result, 'abolished-item')[0].citation.item, '设立水利旅游项目审批');
  });
});

describe('configured engines', () => {
  const catalog = `title: 某省人民政府关于取消一批行政许可事项的决定
partial: false
entries:
  - item: "设立测试事项审批"
    decision: "某政发〔2020〕12号"
    decision_title: "某省人民政府关于取消一批行政许可事项的决定"
    date: "2020-06-01"
    action: "取消"
    source: "https://www.example.gov.cn/2020-12"
`;
  const config = 'extends: national\ncatalogs: [guidelint-node-test-catalog.yaml]\n';
  const guide = '事项名称：设立测试事项审批\n设定依据：《某某条例》第十条\n';
  const options = { inputFormat: 'text', asOf: '2021-01-01' };
  const configDir = path.join(dir, 'configured');
  fs.mkdirSync(configDir);
  fs.writeFileSync(path.join(configDir, 'guidelint-node-test-catalog.yaml'), catalog);
  fs.writeFileSync(path.join(configDir, '.guidelint.yaml'), config);

  const expectCitation = (e) => {
    const [d] = byRule(e.lint(guide, options), 'abolished-item');
    assert.ok(d, 'an abolished-item finding from the added catalog');
    assert.deepEqual(d.citation, {
      item: '设立测试事项审批',
      decision: '某政发〔2020〕12号',
      decisionTitle: '某省人民政府关于取消一批行政许可事项的决定',
      decisionDate: '2020-06-01',
      source: 'https://www.example.gov.cn/2020-12',
    });
  };

  it('from YAML text: rule severities change', () => {
    const e = Engine.fromYaml('rules:\n  placeholder-content: warning\n');
    try {
      const [d] = byRule(e.lint(INCOMPLETE, 'g.xml'), 'placeholder-content');
      assert.equal(d.severity, 'warning');
      assert.equal(byRule(engine.lint(INCOMPLETE, 'g.xml'), 'placeholder-content')[0].severity, 'error');
    } finally {
      e.close();
    }
  });

  it('from YAML text with a base folder for its relative paths, given as text or bytes', () => {
    for (const yaml of [config, Buffer.from(config)]) {
      const e = Engine.fromYaml(yaml, configDir);
      try {
        expectCitation(e);
      } finally {
        e.close();
      }
    }
  });

  it('from a config file, its paths relative to it', () => {
    const e = Engine.fromFile(path.join(configDir, '.guidelint.yaml'));
    try {
      expectCitation(e);
      // The built-in engine does not know the added item.
      assert.deepEqual(byRule(engine.lint(guide, options), 'abolished-item'), []);
    } finally {
      e.close();
    }
  });

  it('new Engine() is the built-in pack', () => {
    const e = new Engine();
    try {
      assert.deepEqual(e.lint(INCOMPLETE, 'g.xml'), engine.lint(INCOMPLETE, 'g.xml'));
    } finally {
      e.close();
    }
  });
});
