package org.guidelint;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The C API of include/guidelint/guidelint.h, bound with JNA's direct mapping. Nothing here is
 * public: {@link Engine} is the way in. {@link #load()} must succeed before any native method is
 * called.
 */
final class NativeApi {
  /** The ABI this binding was written for: GUIDELINT_ABI_VERSION in the header. */
  static final int ABI_VERSION = 1;

  /** System property naming the shared library's full path. */
  static final String LIBRARY_PROPERTY = "guidelint.library";
  /** Environment variable naming the shared library's full path. */
  static final String LIBRARY_ENV = "GUIDELINT_LIBRARY";

  static final int OK = 0;

  private NativeApi() {}

  /** C's {@code size_t}: as wide as the platform makes it, unsigned. */
  public static final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    public SizeT() {
      this(0);
    }

    public SizeT(long value) {
      super(Native.SIZE_T_SIZE, value, true);
    }
  }

  // ── Structures: field for field as in the header. ─────────────────────────────────────────
  // They define the layouts; results are read through the offsets in Layout, which is much faster
  // than JNA's reflective Structure.read().

  /** A structure whose field offsets can be asked for. */
  public abstract static class Laid extends Structure {
    protected Laid() {}

    protected Laid(Pointer p) {
      super(p);
    }

    /** Where a field lies in the structure. */
    int offsetOf(String field) {
      return fieldOffset(field);
    }
  }

  /** guidelint_string: NUL-terminated UTF-8 owned by the library, with its length. */
  @Structure.FieldOrder({"data", "length"})
  public static class GString extends Laid {
    public Pointer data;
    public SizeT length = new SizeT();

    public static class ByValue extends GString implements Structure.ByValue {}
  }

  /** guidelint_summary. */
  @Structure.FieldOrder({"guides", "errors", "warnings", "infos", "reviews", "fatal"})
  public static class SummaryStruct extends Laid {
    public SizeT guides = new SizeT();
    public SizeT errors = new SizeT();
    public SizeT warnings = new SizeT();
    public SizeT infos = new SizeT();
    public SizeT reviews = new SizeT();
    public int fatal;
  }

  /** guidelint_lint_options. */
  @Structure.FieldOrder({"struct_size", "input_format", "as_of"})
  public static class OptionsStruct extends Laid {
    public SizeT struct_size = new SizeT();
    public Pointer input_format;
    public Pointer as_of;

    public OptionsStruct() {}

    public OptionsStruct(Pointer p) {
      super(p);
    }
  }

  /** guidelint_diagnostic. */
  @Structure.FieldOrder({
    "rule_id", "message_id", "message", "severity", "fatal", "needs_review", "has_span",
    "line", "column", "end_line", "end_column", "column_utf16", "end_column_utf16",
    "offset", "end_offset", "element_id", "guide",
    "item", "decision", "decision_title", "decision_date", "source"
  })
  public static class DiagnosticStruct extends Laid {
    public GString.ByValue rule_id = new GString.ByValue();
    public GString.ByValue message_id = new GString.ByValue();
    public GString.ByValue message = new GString.ByValue();
    public int severity; // guidelint_severity
    public int fatal;
    public int needs_review;
    public int has_span;
    public int line; // uint32_t, as are the positions below
    public int column;
    public int end_line;
    public int end_column;
    public int column_utf16;
    public int end_column_utf16;
    public int offset;
    public int end_offset;
    public GString.ByValue element_id = new GString.ByValue();
    public int guide;
    public GString.ByValue item = new GString.ByValue();
    public GString.ByValue decision = new GString.ByValue();
    public GString.ByValue decision_title = new GString.ByValue();
    public GString.ByValue decision_date = new GString.ByValue();
    public GString.ByValue source = new GString.ByValue();
  }

  /** Sizes and field offsets of the structures, as JNA lays them out for this platform. */
  static final class Layout {
    private Layout() {}

    private static final Offsets STRING = new Offsets(new GString());
    private static final Offsets SUMMARY = new Offsets(new SummaryStruct());
    private static final Offsets DIAGNOSTIC = new Offsets(new DiagnosticStruct());

    static final int STRING_SIZE = STRING.size;
    static final int STRING_DATA = STRING.of("data");
    static final int STRING_LENGTH = STRING.of("length");

    static final int SUMMARY_SIZE = SUMMARY.size;
    static final int SUMMARY_GUIDES = SUMMARY.of("guides");
    static final int SUMMARY_ERRORS = SUMMARY.of("errors");
    static final int SUMMARY_WARNINGS = SUMMARY.of("warnings");
    static final int SUMMARY_INFOS = SUMMARY.of("infos");
    static final int SUMMARY_REVIEWS = SUMMARY.of("reviews");
    static final int SUMMARY_FATAL = SUMMARY.of("fatal");

    static final int OPTIONS_SIZE = new OptionsStruct().size();

    static final int DIAGNOSTIC_SIZE = DIAGNOSTIC.size;
    static final int RULE_ID = DIAGNOSTIC.of("rule_id");
    static final int MESSAGE_ID = DIAGNOSTIC.of("message_id");
    static final int MESSAGE = DIAGNOSTIC.of("message");
    static final int SEVERITY = DIAGNOSTIC.of("severity");
    static final int FATAL = DIAGNOSTIC.of("fatal");
    static final int NEEDS_REVIEW = DIAGNOSTIC.of("needs_review");
    static final int HAS_SPAN = DIAGNOSTIC.of("has_span");
    static final int LINE = DIAGNOSTIC.of("line");
    static final int COLUMN = DIAGNOSTIC.of("column");
    static final int END_LINE = DIAGNOSTIC.of("end_line");
    static final int END_COLUMN = DIAGNOSTIC.of("end_column");
    static final int COLUMN_UTF16 = DIAGNOSTIC.of("column_utf16");
    static final int END_COLUMN_UTF16 = DIAGNOSTIC.of("end_column_utf16");
    static final int OFFSET = DIAGNOSTIC.of("offset");
    static final int END_OFFSET = DIAGNOSTIC.of("end_offset");
    static final int ELEMENT_ID = DIAGNOSTIC.of("element_id");
    static final int GUIDE = DIAGNOSTIC.of("guide");
    static final int ITEM = DIAGNOSTIC.of("item");
    static final int DECISION = DIAGNOSTIC.of("decision");
    static final int DECISION_TITLE = DIAGNOSTIC.of("decision_title");
    static final int DECISION_DATE = DIAGNOSTIC.of("decision_date");
    static final int SOURCE = DIAGNOSTIC.of("source");

    /** A structure's size and the offsets of its fields, as JNA lays them out. */
    private static final class Offsets {
      final int size;
      private final Laid layout;

      Offsets(Laid layout) {
        this.layout = layout;
        this.size = layout.size();
      }

      int of(String field) {
        return layout.offsetOf(field);
      }
    }
  }

  // ── Functions (direct mapping: registered by load()). ────────────────────────────────────
  // Every `const char*` argument is a NUL-terminated UTF-8 byte[] made by cString(), or null.

  static native Pointer guidelint_version();

  static native int guidelint_abi_version();

  static native Pointer guidelint_last_error();

  static native int guidelint_engine_new_default(PointerByReference out);

  static native int guidelint_engine_new_yaml(
      byte[] yaml, SizeT length, byte[] baseDir, PointerByReference out);

  static native int guidelint_engine_new_file(byte[] path, PointerByReference out);

  static native void guidelint_engine_free(Pointer engine);

  static native int guidelint_lint_buffer(
      Pointer engine, byte[] bytes, SizeT length, byte[] name, Pointer options,
      PointerByReference out);

  static native int guidelint_lint_file(
      Pointer engine, byte[] path, Pointer options, PointerByReference out);

  static native void guidelint_result_free(Pointer result);

  static native int guidelint_result_summary(Pointer result, Pointer out);

  static native SizeT guidelint_result_count(Pointer result);

  static native int guidelint_result_diagnostic(
      Pointer result, SizeT index, byte[] locale, Pointer out);

  static native int guidelint_result_json(Pointer result, byte[] locale, Pointer out);

  // ── Helpers ───────────────────────────────────────────────────────────────────────────────

  /** A size_t at {@code at} in {@code p}. */
  static long readSize(Pointer p, long at) {
    return Native.SIZE_T_SIZE == 8 ? p.getLong(at) : Integer.toUnsignedLong(p.getInt(at));
  }

  /** The guidelint_string at {@code at} in {@code p}, decoded as UTF-8 with its length. */
  static String readString(Pointer p, long at) {
    Pointer data = p.getPointer(at + Layout.STRING_DATA);
    long n = readSize(p, at + Layout.STRING_LENGTH);
    if (data == null || n == 0) {
      return "";
    }
    if (n < 0 || n > Integer.MAX_VALUE - 8) {
      throw new InternalException(
          "a string too long for Java: " + Long.toUnsignedString(n) + " bytes");
    }
    return new String(data.getByteArray(0, (int) n), StandardCharsets.UTF_8);
  }

  /** A NUL-terminated UTF-8 copy of {@code s}; null for null. */
  static byte[] cString(String s, String what) {
    if (s == null) {
      return null;
    }
    if (s.indexOf('\0') >= 0) {
      throw new InvalidArgumentException(what + " holds a NUL character");
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, out, 0, utf8.length);
    return out;
  }

  /** The exception for a failed call: read this thread's last error right after the call. */
  static GuidelintException failure(int status) {
    Pointer p = guidelint_last_error();
    return GuidelintException.of(status, p == null ? "" : p.getString(0, "UTF-8"));
  }

  /** Throws the exception for {@code status} unless it is OK. */
  static void check(int status) {
    if (status != OK) {
      throw failure(status);
    }
  }

  // ── Loading ───────────────────────────────────────────────────────────────────────────────

  private static volatile boolean loaded;
  private static String loadedFrom;
  private static String loadFailure;

  /** Loads and binds the library once; throws UnsatisfiedLinkError saying why it cannot. */
  static void load() {
    if (loaded) {
      return;
    }
    synchronized (NativeApi.class) {
      if (loaded) {
        return;
      }
      if (loadFailure == null) {
        try {
          bind();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
          loadFailure = e.getMessage();
        }
      }
      if (loadFailure != null) {
        throw new UnsatisfiedLinkError(loadFailure);
      }
      loaded = true;
    }
  }

  /** The library's path or name as it was loaded. */
  static String loadedFrom() {
    load();
    return loadedFrom;
  }

  private static void bind() {
    List<String> tried = new ArrayList<>();
    NativeLibrary library = null;
    String property = System.getProperty(LIBRARY_PROPERTY);
    String env = System.getenv(LIBRARY_ENV);
    if (property != null && !property.isEmpty()) {
      library = open(property, "system property " + LIBRARY_PROPERTY);
    } else if (env != null && !env.isEmpty()) {
      library = open(env, "environment variable " + LIBRARY_ENV);
    } else {
      for (Path candidate : besideJar()) {
        tried.add(candidate.toString());
        if (Files.isRegularFile(candidate)) {
          library = open(candidate.toString(), "the folder of the guidelint jar");
          break;
        }
      }
      if (library == null) {
        try {
          library = NativeLibrary.getInstance("guidelint");
        } catch (UnsatisfiedLinkError byName) {
          tried.add("\"guidelint\" on JNA's search path (jna.library.path, the system's library "
              + "folders)");
          String soname = System.mapLibraryName("guidelint") + "." + SONAME_VERSION;
          try {
            // The SONAME, as the system's loader finds it (LD_LIBRARY_PATH, its cache): a
            // runtime-only install has no unversioned name.
            if (!soname.endsWith(".so." + SONAME_VERSION)) {
              throw byName;
            }
            library = NativeLibrary.getInstance(soname);
          } catch (UnsatisfiedLinkError bySoname) {
            if (bySoname != byName) {
              tried.add(soname + " through the system's loader");
            }
            throw new UnsatisfiedLinkError(
                "guidelint's shared library was not found; tried " + String.join(", ", tried)
                    + ". Set the system property " + LIBRARY_PROPERTY + " or the environment "
                    + "variable " + LIBRARY_ENV + " to its full path. (" + byName.getMessage()
                    + ")");
          }
        }
      }
    }
    String where = library.getFile() != null ? library.getFile().getPath() : library.getName();
    int abi;
    try {
      abi = library.getFunction("guidelint_abi_version").invokeInt(new Object[0]);
    } catch (UnsatisfiedLinkError e) {
      throw new UnsatisfiedLinkError(
          where + " is not guidelint's shared library: it has no guidelint_abi_version");
    }
    checkAbi(abi, where);
    Native.register(NativeApi.class, library);
    loadedFrom = where;
  }

  /** Throws unless the library's ABI is the one this binding was written for. */
  static void checkAbi(int abi, String where) {
    if (abi != ABI_VERSION) {
      throw new UnsatisfiedLinkError(
          where + " has guidelint ABI version " + abi + ", but this binding needs version "
              + ABI_VERSION + ": use a guidelint library and a binding of the same release");
    }
  }

  private static NativeLibrary open(String path, String from) {
    try {
      return NativeLibrary.getInstance(path);
    } catch (UnsatisfiedLinkError e) {
      throw new UnsatisfiedLinkError(
          "guidelint's shared library could not be loaded from " + path + " (given by " + from
              + "): " + e.getMessage());
    }
  }

  /** libguidelint.so and libguidelint.so.0 in the folder holding this binding's jar, if any. */
  private static List<Path> besideJar() {
    List<Path> out = new ArrayList<>();
    try {
      CodeSource source = NativeApi.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return out;
      }
      Path jar = Paths.get(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return out; // classes in a folder, not a jar
      }
      Path folder = jar.toAbsolutePath().getParent();
      String name = System.mapLibraryName("guidelint"); // libguidelint.so, libguidelint.dylib …
      out.add(folder.resolve(name));
      if (name.endsWith(".so")) {
        out.add(folder.resolve(name + "." + SONAME_VERSION));
      }
    } catch (URISyntaxException | RuntimeException e) {
      // No usable location: fall through to JNA's search.
    }
    return out;
  }

  /** The SONAME's version: libguidelint.so.0, the one name a runtime-only install has. */
  private static final String SONAME_VERSION = "0";
}
