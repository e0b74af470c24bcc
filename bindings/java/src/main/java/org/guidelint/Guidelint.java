package org.guidelint;

/**
 * The shared library this binding uses. It is found, in this order: at the full path in the
 * system property {@code guidelint.library}; at the full path in the environment variable {@code
 * GUIDELINT_LIBRARY}; as libguidelint.so (or libguidelint.so.0) in the folder of this binding's
 * jar; by JNA's search for "guidelint" ({@code jna.library.path}, the system loader's paths, the
 * system's library folders); as libguidelint.so.0 through the system's loader. It is loaded on
 * first use, and its ABI version must be the one this binding was written for; otherwise that
 * first use, and every later one, throws {@link UnsatisfiedLinkError} saying why.
 *
 * <p>{@code java -jar guidelint.jar} prints the version of the library it finds.
 */
public final class Guidelint {
  private Guidelint() {}

  /** The ABI version this binding was written for. */
  public static final int ABI_VERSION = NativeApi.ABI_VERSION;

  /** The library's version, such as "0.1.0". */
  public static String version() {
    NativeApi.load();
    return NativeApi.guidelint_version().getString(0, "UTF-8");
  }

  /** The library's ABI version (equal to {@link #ABI_VERSION} once loaded). */
  public static int abiVersion() {
    NativeApi.load();
    return NativeApi.guidelint_abi_version();
  }

  /** Where the library was loaded from: its path, or the name JNA found. */
  public static String libraryPath() {
    return NativeApi.loadedFrom();
  }

  /** Prints the library's version, ABI and path; exits with 1 when it cannot be loaded. */
  public static void main(String[] args) {
    try {
      System.out.println(
          "guidelint " + version() + " (ABI " + abiVersion() + ") from " + libraryPath());
    } catch (UnsatisfiedLinkError e) {
      System.err.println("guidelint: " + e.getMessage());
      System.exit(1);
    }
  }
}
