'use strict';
// Many engines, many lints, worker threads, and memory: what a CMS that lints all day does.
const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const { Engine } = require('..');
const { INCOMPLETE, ABOLISHED, GOOD, byRule } = require('./helpers.js');

const binding = path.resolve(__dirname, '..', 'index.js');

const INPUTS = [
  { data: INCOMPLETE, options: { name: 'a.xml', asOf: '2025-06-30', json: true } },
  { data: ABOLISHED, options: { name: 'b.txt', asOf: '2025-06-30', locale: 'en', json: true } },
  { data: GOOD, options: { name: 'c.xml', asOf: '2026-06-30', locale: 'zh-Hant', json: true } },
  { data: '{"task_name": "乙"}', options: { name: 'd.json', asOf: '2025-06-30', json: true } },
  { data: '<table><tr><th>事项名称</th><td>丙</td></tr><tr><th>办理时间</th><td>&nbsp;</td></tr></table>', options: { name: 'e.html', asOf: '2025-06-30' } },
];

const engine = Engine.builtin();
after(() => engine.close());
const serial = INPUTS.map((input) => engine.lint(input.data, input.options));

function runWorker(workerData) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'fixtures', 'lint-worker.js'), { workerData });
    let message = null;
    worker.on('message', (m) => {
      message = m;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 && message ? resolve(message) : reject(new Error(`worker exited with ${code}`))));
  });
}

describe('one thread', () => {
  it('the inputs give distinct results (so comparing them below means something)', () => {
    const jsons = new Set(serial.filter((r) => r.json).map((r) => r.json));
    assert.equal(jsons.size, 4);
    assert.ok(serial.every((r) => r.diagnostics.length > 0));
  });

  it('several engines, differently configured, used in turn keep their own configs', () => {
    const warning = Engine.fromYaml('rules:\n  placeholder-content: warning\n');
    const off = Engine.fromYaml('rules:\n  placeholder-content: off\n');
    const builtin = Engine.builtin();
    try {
      for (let round = 0; round < 20; round++) {
        const severities = [builtin, warning, off].map((e) => byRule(e.lint(INCOMPLETE, 'g.xml'), 'placeholder-content').map((d) => d.severity));
        assert.deepEqual(severities, [['error'], ['warning'], []]);
      }
    } finally {
      warning.close();
      off.close();
      builtin.close();
    }
  });

  it('many lints in a row on one engine give the same results every time', () => {
    for (let round = 0; round < 400; round++) {
      const k = round % INPUTS.length;
      assert.deepEqual(engine.lint(INPUTS[k].data, INPUTS[k].options), serial[k], `round ${round}`);
    }
  });
});

describe('worker threads', () => {
  it('four workers, each with its own engine, lint at once and get the serial results', async () => {
    const rounds = 60;
    const outs = await Promise.all([0, 1, 2, 3].map((index) =>
      runWorker({ binding, yaml: null, inputs: INPUTS, rounds, index, badDate: `2024-02-${30 + index}` })));
    outs.forEach((out, index) => {
      assert.equal(out.results.length, rounds);
      out.results.forEach((result, round) => {
        assert.deepEqual(result, serial[(index + round) % INPUTS.length], `worker ${index}, round ${round}`);
      });
      // Each thread reads its own last error, though the others fail at the same time.
      for (const message of out.errors) assert.match(message, new RegExp(`2024-02-${30 + index}$`));
    });
  });

  it('a worker can use a configured engine of its own', async () => {
    const out = await runWorker({
      binding, yaml: 'rules:\n  placeholder-content: warning\n', inputs: [INPUTS[0]], rounds: 3, index: 0, badDate: 'x',
    });
    for (const result of out.results) {
      assert.equal(byRule(result, 'placeholder-content')[0].severity, 'warning');
      assert.equal(result.summary.errors, serial[0].summary.errors - 1);
    }
  });
});

describe('memory', () => {
  const grown = (mode) => {
    const child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'fixtures', 'memory.js'), binding, mode], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(child.status, 0, child.stderr);
    return JSON.parse(child.stdout);
  };

  it('each native result is freed within lint()', () => {
    const out = grown('results');
    assert.equal(out.findings, 40 * 500 * 11);
    // Kept, the 40 results would add some 150 MB.
    assert.ok(out.grownMB < 100, `grew ${out.grownMB} MB`);
  });

  it('engines never closed are freed once collected', () => {
    const out = grown('engines');
    assert.equal(out.findings, 80 * 11);
    // Kept, the 80 engines would add some 480 MB.
    assert.ok(out.grownMB < 200, `grew ${out.grownMB} MB`);
  });
});
