'use strict';
// Failures: the error classes and their messages, bad arguments, closed engines, loading.
const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const guidelint = require('..');
const { Engine, GuidelintError, ConfigError, ArgumentError, InputError, InternalError, LibraryError } = guidelint;
const { INCOMPLETE, byRule } = require('./helpers.js');

const engine = Engine.builtin();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guidelint-node-'));
after(() => {
  engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The engine still lints as before after a refused call.
function assertStillWorks(e = engine) {
  assert.equal(byRule(e.lint(INCOMPLETE, 'g.xml'), 'placeholder-content').length, 1);
}

describe('error classes', () => {
  it('are GuidelintErrors, and Errors', () => {
    for (const C of [ConfigError, ArgumentError, InputError, InternalError, LibraryError]) {
      assert.ok(C.prototype instanceof GuidelintError, C.name);
    }
    assert.ok(GuidelintError.prototype instanceof Error);
  });
});

describe('config errors', () => {
  it('say where each problem is', () => {
    assert.throws(() => Engine.fromYaml('rules:\n  required-element: loud\n'), (e) => {
      assert.ok(e instanceof ConfigError);
      assert.ok(e instanceof GuidelintError);
      assert.equal(e.name, 'ConfigError');
      assert.equal(e.status, 2);
      assert.equal(e.code, 'ERROR_CONFIG');
      assert.ok(e.message.includes('<config>:2:'), e.message);
      assert.match(e.message, /loud/);
      assert.deepEqual(e.problems, [e.message]);
      return true;
    });
  });

  it('list every problem', () => {
    const yaml = 'rules:\n  required-element: loud\n  placeholder-contnet: error\n';
    assert.throws(() => Engine.fromYaml(yaml), (e) => {
      assert.ok(e instanceof ConfigError);
      assert.equal(e.problems.length, 2);
      assert.match(e.problems[0], /^<config>:2:21: /);
      assert.match(e.problems[1], /^<config>:3:3: .*placeholder-content/);
      return true;
    });
  });

  it('cover YAML that is not YAML, and config files that do not exist', () => {
    assert.throws(() => Engine.fromYaml('rules: [\n'), ConfigError);
    const missing = path.join(dir, 'no-such-config.yaml');
    assert.throws(() => Engine.fromFile(missing), (e) => e instanceof ConfigError && e.message.includes(missing));
    // A relative path in YAML text resolves against the base folder given.
    assert.throws(() => Engine.fromYaml('catalogs: [no-such-catalog-here.yaml]\n', dir),
      (e) => e instanceof ConfigError && e.message.includes(path.join(dir, 'no-such-catalog-here.yaml')));
  });
});

describe('arguments the library refuses', () => {
  const refused = (options, pattern) =>
    assert.throws(() => engine.lint(INCOMPLETE, options), (e) => {
      assert.ok(e instanceof ArgumentError, `${e.name}: ${e.message}`);
      assert.equal(e.status, 1);
      assert.equal(e.code, 'ERROR_ARGUMENT');
      assert.match(e.message, pattern);
      return true;
    });

  it('an unknown input format', () => refused({ name: 'g.xml', inputFormat: 'yaml' }, /unknown input format "yaml"/));
  it('a date that is no date', () => refused({ name: 'g.xml', asOf: '2024-02-30' }, /2024-02-30/));
  it('a date in another form', () => refused({ name: 'g.xml', asOf: '30.06.2025' }, /YYYY-MM-DD/));
  it('an unknown locale', () => refused({ name: 'g.xml', locale: 'fr' }, /unknown locale "fr"/));
  it('a NUL inside a string passed on as a C string', () => {
    refused({ name: 'g\0.xml' }, /NUL/);
    assert.throws(() => engine.lintFile(`${dir}/g.xml\0.txt`), ArgumentError);
  });

  it('each error carries the message of its own call', () => {
    refused({ name: 'g.xml', inputFormat: 'yaml' }, /yaml/);
    refused({ name: 'g.xml', asOf: '2024-13-01' }, /2024-13-01/);
    assertStillWorks();
  });
});

describe('arguments of the wrong type', () => {
  for (const [what, data] of [['a number', 42], ['null', null], ['undefined', undefined], ['an array', [60, 103]], ['an object', { length: 3 }], ['a Uint16Array', new Uint16Array(2)]]) {
    it(`data as ${what} is a TypeError`, () => {
      assert.throws(() => engine.lint(data, 'g.xml'), (e) => e instanceof TypeError && /data must be/.test(e.message));
    });
  }

  it('options of the wrong type or with unknown names are TypeErrors', () => {
    assert.throws(() => engine.lint(INCOMPLETE, 42), TypeError);
    assert.throws(() => engine.lint(INCOMPLETE, { format: 'xml' }), /unknown lint option "format"/);
    assert.throws(() => engine.lint(INCOMPLETE, { asOf: new Date() }), TypeError);
    assert.throws(() => engine.lint(INCOMPLETE, { name: 7 }), TypeError);
    assert.throws(() => engine.lint(INCOMPLETE, { json: 'yes' }), TypeError);
    assert.throws(() => engine.lintFile(path.join(dir, 'g.xml'), { name: 'x.xml' }), /no name option/);
    assert.throws(() => engine.lintFile(42), TypeError);
    assertStillWorks();
  });

  it('engines are made from strings', () => {
    assert.throws(() => Engine.fromYaml(42), TypeError);
    assert.throws(() => Engine.fromYaml('rules: {}\n', 42), TypeError);
    assert.throws(() => Engine.fromFile(undefined), TypeError);
    assert.throws(() => new Engine('.guidelint.yaml'), /takes no argument/);
  });
});

describe('files that cannot be read', () => {
  it('a missing file is an InputError naming it', () => {
    const missing = path.join(dir, 'no-such-guide.xml');
    assert.throws(() => engine.lintFile(missing), (e) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.status, 3);
      assert.equal(e.code, 'ERROR_IO');
      assert.ok(e.message.includes(missing), e.message);
      return true;
    });
  });

  it('a folder is an InputError', () => {
    assert.throws(() => engine.lintFile(dir), InputError);
    assertStillWorks();
  });
});

describe('closing', () => {
  it('twice is fine; any use after it throws, and other engines go on', () => {
    const e = Engine.builtin();
    const other = Engine.builtin();
    assertStillWorks(e);
    assert.equal(e.closed, false);
    e.close();
    assert.equal(e.closed, true);
    e.close();
    assert.throws(() => e.lint(INCOMPLETE, 'g.xml'), (err) =>
      err instanceof GuidelintError && /Engine\.lint\(\): this engine has been closed/.test(err.message));
    assert.throws(() => e.lintFile(path.join(dir, 'g.xml')), /Engine\.lintFile\(\): this engine has been closed/);
    assertStillWorks(other);
    other.close();
  });
});

describe('loading the library', () => {
  // Runs a script in a child process with the environment given: the library is loaded once per
  // process, so each way of finding it needs its own.
  const run = (script, env) => {
    const child = spawnSync(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH, NODE_PATH: path.dirname(path.dirname(require.resolve('koffi'))), ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(child.status, 0, child.stderr);
    return JSON.parse(child.stdout);
  };
  const binding = path.resolve(__dirname, '..', 'index.js');
  const probe = (bindingPath) => `
    const g = require(${JSON.stringify(bindingPath)});
    let out;
    try {
      const e = g.Engine.builtin();
      out = { path: g.libraryPath(), errors: e.lint(${JSON.stringify(INCOMPLETE)}, 'g.xml').summary.errors };
      e.close();
    } catch (err) {
      out = { error: err.name, message: err.message, isGuidelintError: err instanceof g.GuidelintError };
    }
    console.log(JSON.stringify(out));`;
  const library = process.env.GUIDELINT_LIBRARY;
  const linuxWithLibrary = process.platform === 'linux' && library;

  it('a path in GUIDELINT_LIBRARY that does not exist is a LibraryError saying what to do, not at require()', () => {
    const missing = path.join(dir, 'libguidelint-missing.so.0');
    const out = run(probe(binding), { GUIDELINT_LIBRARY: missing });
    assert.equal(out.error, 'LibraryError');
    assert.equal(out.isGuidelintError, true);
    assert.ok(out.message.includes(missing), out.message);
    assert.match(out.message, /GUIDELINT_LIBRARY/);
  });

  it('a library that is not libguidelint is a LibraryError', { skip: process.platform !== 'linux' }, () => {
    const out = run(probe(binding), { GUIDELINT_LIBRARY: 'libc.so.6' });
    assert.equal(out.error, 'LibraryError');
    assert.match(out.message, /not a usable libguidelint.*guidelint_/);
  });

  it('is found next to the binding', { skip: !linuxWithLibrary && 'needs GUIDELINT_LIBRARY on Linux' }, () => {
    const copy = path.join(dir, 'beside');
    fs.mkdirSync(copy);
    fs.copyFileSync(binding, path.join(copy, 'index.js'));
    fs.symlinkSync(path.resolve(library), path.join(copy, 'libguidelint.so.0'));
    const out = run(probe(path.join(copy, 'index.js')), {});
    assert.equal(out.path, path.join(copy, 'libguidelint.so.0'));
    assert.equal(out.errors, 11);
  });

  it("is found on the system's library path by its SONAME", { skip: !linuxWithLibrary && 'needs GUIDELINT_LIBRARY on Linux' }, () => {
    const libDir = path.join(dir, 'system-lib');
    fs.mkdirSync(libDir);
    fs.symlinkSync(path.resolve(library), path.join(libDir, 'libguidelint.so.0'));
    const out = run(probe(binding), { LD_LIBRARY_PATH: libDir });
    assert.equal(out.path, 'libguidelint.so.0');
    assert.equal(out.errors, 11);
  });
});
