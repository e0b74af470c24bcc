package org.guidelint;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.sun.jna.Native;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.guidelint.NativeApi.Layout;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Finding and checking the shared library, and the layouts of the C structures. */
public class LibraryTest {
  @Test
  public void versionAndAbi() {
    assertTrue(Guidelint.version(), Guidelint.version().matches("\\d+\\.\\d+\\.\\d+"));
    assertEquals(Guidelint.ABI_VERSION, Guidelint.abiVersion());
    assertEquals(1, Guidelint.ABI_VERSION);
  }

  @Test
  public void anotherAbiIsRefusedClearly() {
    NativeApi.checkAbi(1, "libguidelint.so.0");
    UnsatisfiedLinkError e =
        assertThrows(
            UnsatisfiedLinkError.class, () -> NativeApi.checkAbi(2, "/x/libguidelint.so.0"));
    assertTrue(e.getMessage(), e.getMessage().contains("/x/libguidelint.so.0"));
    assertTrue(e.getMessage(), e.getMessage().contains("ABI version 2"));
    assertTrue(e.getMessage(), e.getMessage().contains("needs version 1"));
  }

  /**
   * The offsets a C compiler gives the structures of guidelint.h on x86-64 and other LP64
   * platforms (offsetof, sizeof): JNA must lay them out the same.
   */
  @Test
  public void structuresAreLaidOutAsInTheHeader() {
    assumeTrue(Native.POINTER_SIZE == 8 && Native.SIZE_T_SIZE == 8);
    assertEquals(16, Layout.STRING_SIZE);
    assertEquals(8, Layout.STRING_LENGTH);
    assertEquals(48, Layout.SUMMARY_SIZE);
    assertEquals(32, Layout.SUMMARY_REVIEWS);
    assertEquals(40, Layout.SUMMARY_FATAL);
    assertEquals(24, Layout.OPTIONS_SIZE);
    assertEquals(200, Layout.DIAGNOSTIC_SIZE);
    assertEquals(32, Layout.MESSAGE);
    assertEquals(48, Layout.SEVERITY);
    assertEquals(60, Layout.HAS_SPAN);
    assertEquals(64, Layout.LINE);
    assertEquals(84, Layout.END_COLUMN_UTF16);
    assertEquals(92, Layout.END_OFFSET);
    assertEquals(96, Layout.ELEMENT_ID);
    assertEquals(112, Layout.GUIDE);
    assertEquals(120, Layout.ITEM);
    assertEquals(184, Layout.SOURCE);
  }

  // ── Loading, in a JVM of its own each time ─────────────────────────────────────────────────

  private static final class Run {
    int status;
    String out;
    String err;
  }

  /** Runs Guidelint's main in a new JVM with this classpath. */
  private static Run run(Map<String, String> env, String... properties) throws Exception {
    return runWith(System.getProperty("java.class.path"), env, properties);
  }

  /** Runs Guidelint's main in a new JVM with this classpath. */
  private static Run runWith(String classpath, Map<String, String> env, String... properties)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    for (String p : properties) {
      command.add("-D" + p);
    }
    command.add(Guidelint.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(NativeApi.LIBRARY_ENV);
    builder.environment().remove("LD_LIBRARY_PATH");
    builder.environment().putAll(env);
    Process process = builder.start();
    Run run = new Run();
    run.out = read(process.getInputStream());
    run.err = read(process.getErrorStream());
    assertTrue("the JVM did not finish", process.waitFor(60, TimeUnit.SECONDS));
    run.status = process.exitValue();
    return run;
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The library these tests run against. */
  private static String library() {
    String path = Guidelint.libraryPath();
    assumeTrue("the library was found by name", Path.of(path).isAbsolute());
    return path;
  }

  @Test
  public void theEnvironmentVariableNamesTheLibrary() throws Exception {
    Run ok = run(Map.of(NativeApi.LIBRARY_ENV, library()));
    assertEquals(ok.err, 0, ok.status);
    assertTrue(ok.out, ok.out.startsWith("guidelint " + Guidelint.version() + " (ABI 1) from "));
    assertTrue(ok.out, ok.out.contains(library()));
  }

  @Test
  public void theSystemPropertyComesBeforeTheEnvironment() throws Exception {
    Run ok =
        run(Map.of(NativeApi.LIBRARY_ENV, "/no/such/libguidelint.so"),
            NativeApi.LIBRARY_PROPERTY + "=" + library());
    assertEquals(ok.err, 0, ok.status);
    assertTrue(ok.out, ok.out.contains(library()));
  }

  @Test
  public void aWrongPathFailsNamingItAndWhereItCameFrom() throws Exception {
    Run bad = run(Map.of(), NativeApi.LIBRARY_PROPERTY + "=/no/such/libguidelint.so");
    assertNotEquals(0, bad.status);
    assertTrue(bad.err, bad.err.contains("/no/such/libguidelint.so"));
    assertTrue(bad.err, bad.err.contains("system property guidelint.library"));
    Run badEnv = run(Map.of(NativeApi.LIBRARY_ENV, "/no/such/libguidelint.so"));
    assertNotEquals(0, badEnv.status);
    assertTrue(badEnv.err, badEnv.err.contains("environment variable GUIDELINT_LIBRARY"));
  }

  @Test
  public void aLibraryThatIsNotGuidelintIsRefused() throws Exception {
    Path other = Paths.get(System.getProperty("java.home"), "lib", System.mapLibraryName("java"));
    assumeTrue(other + " exists", Files.isRegularFile(other));
    Run bad = run(Map.of(NativeApi.LIBRARY_ENV, other.toString()));
    assertNotEquals(0, bad.status);
    assertTrue(bad.err, bad.err.contains(other + " is not guidelint's shared library"));
  }

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aRuntimeOnlyInstallIsFoundByItsSoname() throws Exception {
    Path folder = tmp.newFolder("lib").toPath();
    Files.createSymbolicLink(folder.resolve("libguidelint.so.0"), Path.of(library()));
    Run ok = run(Map.of("LD_LIBRARY_PATH", folder.toString()));
    assertEquals(ok.err, 0, ok.status);
    assertTrue(ok.out, ok.out.endsWith("from libguidelint.so.0\n"));
    // Not there: the message says what was tried and what to set.
    Run missing = run(Map.of());
    assumeTrue("a guidelint is installed on this system", missing.status != 0);
    assertTrue(missing.err, missing.err.contains("libguidelint.so.0 through the system's loader"));
    assertTrue(missing.err, missing.err.contains("GUIDELINT_LIBRARY"));
  }

  @Test
  public void theLibraryBesideTheJarIsFound() throws Exception {
    Path jar =
        Paths.get(Guidelint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue("the binding runs from a jar", Files.isRegularFile(jar));
    Path folder = tmp.newFolder("app").toPath();
    Files.copy(jar, folder.resolve("guidelint.jar"));
    Files.createSymbolicLink(folder.resolve("libguidelint.so.0"), Path.of(library()));
    Path jna = Paths.get(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Run ok = runWith(folder.resolve("guidelint.jar") + ":" + jna, Map.of());
    assertEquals(ok.err, 0, ok.status);
    assertTrue(ok.out, ok.out.contains("from " + folder.resolve("libguidelint.so.0")));
  }
}
