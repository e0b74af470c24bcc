package org.guidelint;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.guidelint.NativeApi.Layout;

/**
 * A guidelint engine: a config made ready to lint. Build one once, lint with it from any number
 * of threads at once, close it when done.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builtin()) {
 *   LintResult result = engine.lint(bytes, "guide.xml");
 *   for (Diagnostic d : result.diagnostics()) {
 *     System.out.println(d.line() + ":" + d.column() + " " + d.message() + " [" + d.rule() + "]");
 *   }
 * }
 * }</pre>
 *
 * <p>Every lint copies its findings into a {@link LintResult} and frees the library's result
 * before it returns. {@link #close()} frees the engine: it waits for lints in progress on other
 * threads, may be called more than once, and after it every lint throws {@link
 * IllegalStateException}. An engine that is never closed is freed once it is unreachable, but
 * close engines yourself (try-with-resources): that frees their memory when you choose.
 *
 * <p>Failures throw {@link GuidelintException} subclasses with the library's message; a null
 * where a value is required throws {@link NullPointerException}. A guide that cannot be parsed
 * is not a failure: its result holds a fatal diagnostic.
 */
public final class Engine implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  /** Stands for an empty input, which the library wants as a pointer that is not NULL. */
  private static final byte[] EMPTY = new byte[1];

  private final Handle handle;
  private final Cleaner.Cleanable cleanable;

  /** The native engine and the lock that keeps it alive while lints use it. */
  private static final class Handle implements Runnable {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    volatile Pointer engine; // written under the write lock; null once freed

    Handle(Pointer engine) {
      this.engine = engine;
    }

    /** Frees the engine once every lint holding it has finished; by close() or the Cleaner. */
    @Override
    public void run() {
      Lock write = lock.writeLock();
      write.lock();
      try {
        if (engine != null) {
          NativeApi.guidelint_engine_free(engine);
          engine = null;
        }
      } finally {
        write.unlock();
      }
    }
  }

  private Engine(Pointer engine) {
    this.handle = new Handle(engine);
    this.cleanable = CLEANER.register(this, handle);
  }

  // ── Making engines ───────────────────────────────────────────────────────────────────────

  /**
   * An engine with the built-in national pack: what guidelint applies without a config.
   *
   * @throws UnsatisfiedLinkError when the shared library cannot be found or is of another ABI
   */
  public static Engine builtin() {
    NativeApi.load();
    PointerByReference out = new PointerByReference();
    NativeApi.check(NativeApi.guidelint_engine_new_default(out));
    return new Engine(out.getValue());
  }

  /**
   * An engine from a config given as YAML text (the content of a .guidelint.yaml), relative
   * paths in it resolved against the working folder.
   *
   * @throws ConfigException listing each problem as {@code <config>:line:column: message}
   */
  public static Engine fromYaml(String yaml) {
    return fromYaml(yaml, null);
  }

  /**
   * An engine from a config given as YAML text, relative paths in it (packs, profiles,
   * catalogs) resolved against {@code baseDir}, or the working folder when it is null.
   *
   * @throws ConfigException listing each problem as {@code <config>:line:column: message}
   */
  public static Engine fromYaml(String yaml, Path baseDir) {
    Objects.requireNonNull(yaml, "yaml");
    byte[] base = baseDir == null ? null : NativeApi.cString(baseDir.toString(), "base folder");
    byte[] utf8 = yaml.getBytes(StandardCharsets.UTF_8);
    NativeApi.load();
    PointerByReference out = new PointerByReference();
    NativeApi.check(
        NativeApi.guidelint_engine_new_yaml(
            utf8.length == 0 ? EMPTY : utf8, new NativeApi.SizeT(utf8.length), base, out));
    return new Engine(out.getValue());
  }

  /**
   * An engine from a config file (a .guidelint.yaml), relative paths in it resolved against its
   * folder.
   *
   * @throws ConfigException when the file has problems or cannot be read; the message names it
   */
  public static Engine fromFile(Path config) {
    Objects.requireNonNull(config, "config");
    byte[] path = NativeApi.cString(config.toString(), "config path");
    NativeApi.load();
    PointerByReference out = new PointerByReference();
    NativeApi.check(NativeApi.guidelint_engine_new_file(path, out));
    return new Engine(out.getValue());
  }

  // ── Linting ──────────────────────────────────────────────────────────────────────────────

  /**
   * Lints bytes, with the default options. See {@link #lint(byte[], String, LintOptions)}.
   */
  public LintResult lint(byte[] data, String name) {
    return lint(data, name, LintOptions.defaults());
  }

  /**
   * Lints bytes: a guide file's content, in any encoding guidelint reads (UTF-8, GBK, GB18030,
   * Big5; declared or detected). The bytes are copied, so the array may change once this
   * returns.
   *
   * @param data the input
   * @param name the file name, used to choose the format by its extension and in the JSON
   *     report; null to recognise the input by its content
   * @param options the format, date and locale
   * @throws InvalidArgumentException when the options name a format the library does not know,
   *     or a date it cannot use, or the name holds a NUL character
   * @throws IllegalStateException when the engine is closed
   */
  public LintResult lint(byte[] data, String name, LintOptions options) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    byte[] cName = NativeApi.cString(name, "name");
    byte[] bytes = data.length == 0 ? EMPTY : data;
    NativeApi.SizeT length = new NativeApi.SizeT(data.length);
    Lock read = acquire();
    try {
      PointerByReference out = new PointerByReference();
      int status =
          NativeApi.guidelint_lint_buffer(
              handle.engine, bytes, length, cName, options.nativeOptions(), out);
      return collect(status, out, options);
    } finally {
      read.unlock();
      Reference.reachabilityFence(options);
      Reference.reachabilityFence(this);
    }
  }

  /** Lints text, with the default options. See {@link #lint(String, String, LintOptions)}. */
  public LintResult lint(String text, String name) {
    return lint(text, name, LintOptions.defaults());
  }

  /**
   * Lints text: the same as linting its UTF-8 bytes. Byte offsets in the findings count those
   * bytes; for positions in the string use {@link Diagnostic#columnUtf16()}.
   */
  public LintResult lint(String text, String name, LintOptions options) {
    Objects.requireNonNull(text, "text");
    return lint(text.getBytes(StandardCharsets.UTF_8), name, options);
  }

  /** Lints a file, with the default options. See {@link #lintFile(Path, LintOptions)}. */
  public LintResult lintFile(Path path) {
    return lintFile(path, LintOptions.defaults());
  }

  /**
   * Lints a file; its path chooses the format (unless the options do) and names it in the JSON
   * report.
   *
   * @throws InputException when the file does not exist, is a folder or cannot be read
   * @throws IllegalStateException when the engine is closed
   */
  public LintResult lintFile(Path path, LintOptions options) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
    byte[] cPath = NativeApi.cString(path.toString(), "path");
    Lock read = acquire();
    try {
      PointerByReference out = new PointerByReference();
      int status =
          NativeApi.guidelint_lint_file(handle.engine, cPath, options.nativeOptions(), out);
      return collect(status, out, options);
    } finally {
      read.unlock();
      Reference.reachabilityFence(options);
      Reference.reachabilityFence(this);
    }
  }

  // ── Closing ──────────────────────────────────────────────────────────────────────────────

  /**
   * Frees the engine, once lints in progress on other threads have finished. Calling it again
   * does nothing. Results already returned stay valid.
   */
  @Override
  public void close() {
    cleanable.clean();
  }

  /** True once the engine has been freed by {@link #close()}. */
  public boolean isClosed() {
    return handle.engine == null;
  }

  @Override
  public String toString() {
    return isClosed() ? "Engine[closed]" : "Engine[open]";
  }

  // ── Inside ───────────────────────────────────────────────────────────────────────────────

  /** Takes the read lock, with the engine known to be open; the caller unlocks. */
  private Lock acquire() {
    Lock read = handle.lock.readLock();
    read.lock();
    if (handle.engine == null) {
      read.unlock();
      throw new IllegalStateException("the guidelint engine is closed");
    }
    return read;
  }

  /**
   * Turns a lint call's status and result into a LintResult, or into the exception for the
   * thread's last error; frees the native result in any case.
   */
  private static LintResult collect(int status, PointerByReference out, LintOptions options) {
    if (status != NativeApi.OK) {
      throw NativeApi.failure(status); // the last error is read first, on this thread
    }
    Pointer result = out.getValue();
    try (Memory buffer = new Memory(Math.max(Layout.DIAGNOSTIC_SIZE, Layout.SUMMARY_SIZE))) {
      byte[] locale = options.locale().cTag();
      NativeApi.check(NativeApi.guidelint_result_summary(result, buffer));
      Summary summary =
          new Summary(
              NativeApi.readSize(buffer, Layout.SUMMARY_GUIDES),
              NativeApi.readSize(buffer, Layout.SUMMARY_ERRORS),
              NativeApi.readSize(buffer, Layout.SUMMARY_WARNINGS),
              NativeApi.readSize(buffer, Layout.SUMMARY_INFOS),
              NativeApi.readSize(buffer, Layout.SUMMARY_REVIEWS),
              buffer.getInt(Layout.SUMMARY_FATAL) != 0);
      long count = NativeApi.guidelint_result_count(result).longValue();
      if (count < 0 || count > Integer.MAX_VALUE - 8) {
        throw new InternalException("too many findings for Java: " + Long.toUnsignedString(count));
      }
      List<Diagnostic> diagnostics = new ArrayList<>((int) count);
      for (int i = 0; i < count; i++) {
        NativeApi.check(
            NativeApi.guidelint_result_diagnostic(result, new NativeApi.SizeT(i), locale, buffer));
        diagnostics.add(Diagnostic.of(buffer));
      }
      Optional<String> json = Optional.empty();
      if (options.jsonReport()) {
        NativeApi.check(NativeApi.guidelint_result_json(result, locale, buffer));
        json = Optional.of(NativeApi.readString(buffer, 0));
      }
      return new LintResult(options.locale(), summary, diagnostics, json);
    } finally {
      NativeApi.guidelint_result_free(result);
    }
  }
}
