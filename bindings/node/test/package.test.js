'use strict';
// The package as a CMS installs it: its manifest, its type declarations, and ESM importers.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const guidelint = require('..');

describe('the package', () => {
  it('names files that exist, and depends on koffi alone', () => {
    assert.equal(manifest.name, 'guidelint');
    for (const file of [manifest.main, manifest.types, ...manifest.files]) {
      assert.ok(fs.existsSync(path.join(root, file)), file);
    }
    assert.deepEqual(Object.keys(manifest.dependencies), ['koffi']);
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    assert.deepEqual(lock.packages[''].dependencies, manifest.dependencies);
  });

  it('declares in index.d.ts exactly what index.js exports', () => {
    const declarations = fs.readFileSync(path.join(root, 'index.d.ts'), 'utf8');
    const declared = [...declarations.matchAll(/^export declare (?:class|function|const) (\w+)/gm)].map((m) => m[1]);
    assert.deepEqual(declared.sort(), Object.keys(guidelint).sort());
    // Every field of a diagnostic the binding returns is declared.
    const block = declarations.match(/export interface Diagnostic \{([\s\S]*?)\n\}/)[1];
    const fields = [...block.matchAll(/^ {2}(\w+): /gm)].map((m) => m[1]);
    const { Engine } = guidelint;
    const engine = Engine.builtin();
    try {
      const [d] = engine.lint('<guide><name>甲</name></guide>', 'a.xml').diagnostics;
      assert.deepEqual(fields.sort(), Object.keys(d).sort());
    } finally {
      engine.close();
    }
  });

  it('can be imported from an ES module, with named exports', () => {
    const script = `
      import { Engine, ConfigError, ABI_VERSION } from ${JSON.stringify(pathToFileURL(path.join(root, 'index.js')).href)};
      const engine = Engine.builtin();
      const result = engine.lint('<guide><name>甲</name></guide>', { name: 'a.xml' });
      engine.close();
      let config = null;
      try { Engine.fromYaml('rules: [\\n'); } catch (e) { config = e instanceof ConfigError; }
      console.log(JSON.stringify({ abi: ABI_VERSION, guides: result.summary.guides, config }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { abi: 1, guides: 1, config: true });
  });
});
