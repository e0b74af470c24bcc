package org.guidelint;

import static org.guidelint.Samples.INCOMPLETE;
import static org.guidelint.Samples.INCOMPLETE_BYTES;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Bad arguments and unreadable files: exceptions with the library's reasons, never a crash. */
public class ErrorsTest {
  private static Engine engine;

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @BeforeClass
  public static void open() {
    engine = Engine.builtin();
  }

  @AfterClass
  public static void close() {
    engine.close();
  }

  @Test
  public void anUnknownInputFormatIsAnInvalidArgument() {
    LintOptions yaml = LintOptions.builder().inputFormat("yaml").build();
    InvalidArgumentException e =
        assertThrows(InvalidArgumentException.class, () -> engine.lint(INCOMPLETE, "g.xml", yaml));
    assertEquals(Status.ARGUMENT, e.status());
    assertTrue(e.getMessage(), e.getMessage().contains("yaml"));
    // The thread's next failure gives its own reason, not a stale one.
    Path missing = tmp.getRoot().toPath().resolve("gone.xml");
    InputException io = assertThrows(InputException.class, () -> engine.lintFile(missing));
    assertTrue(io.getMessage(), io.getMessage().contains("gone.xml"));
    assertTrue(io.getMessage(), !io.getMessage().contains("yaml"));
  }

  @Test
  public void aDateTheLibraryCannotUseIsAnInvalidArgument() {
    LintOptions farOff = LintOptions.builder().asOf(LocalDate.of(10000, 1, 1)).build();
    InvalidArgumentException e =
        assertThrows(
            InvalidArgumentException.class, () -> engine.lint(INCOMPLETE_BYTES, "g.xml", farOff));
    assertTrue(e.getMessage(), e.getMessage().contains("10000-01-01"));
  }

  @Test
  public void namesWithNulAndUnknownLocalesAreInvalidArguments() {
    assertThrows(InvalidArgumentException.class, () -> engine.lint(INCOMPLETE, "g\0.xml"));
    assertThrows(InvalidArgumentException.class, () -> LintOptions.builder().locale("fr"));
    assertThrows(InvalidArgumentException.class, () -> MessageLocale.of(Locale.FRENCH));
    assertThrows(
        InvalidArgumentException.class,
        () -> LintOptions.builder().inputFormat("x\0ml").build());
  }

  @Test
  public void nullsAreNullPointerExceptions() {
    assertThrows(NullPointerException.class, () -> engine.lint((byte[]) null, "g.xml"));
    assertThrows(NullPointerException.class, () -> engine.lint((String) null, "g.xml"));
    assertThrows(NullPointerException.class, () -> engine.lint(INCOMPLETE, "g.xml", null));
    assertThrows(NullPointerException.class, () -> engine.lintFile(null));
    assertThrows(NullPointerException.class, () -> Engine.fromYaml(null));
    assertThrows(NullPointerException.class, () -> Engine.fromFile(null));
  }

  @Test
  public void aMissingFileIsAnInputException() {
    Path missing = tmp.getRoot().toPath().resolve("no-such-guide.xml");
    InputException e = assertThrows(InputException.class, () -> engine.lintFile(missing));
    assertEquals(Status.IO, e.status());
    assertTrue(e.getMessage(), e.getMessage().contains(missing.toString()));
    InputException folder =
        assertThrows(InputException.class, () -> engine.lintFile(tmp.getRoot().toPath()));
    assertTrue(folder.getMessage(), folder.getMessage().contains(tmp.getRoot().toString()));
  }

  @Test
  public void everyFailureIsAGuidelintException() {
    assertTrue(GuidelintException.class.isAssignableFrom(InvalidArgumentException.class));
    assertTrue(GuidelintException.class.isAssignableFrom(ConfigException.class));
    assertTrue(GuidelintException.class.isAssignableFrom(InputException.class));
    assertTrue(GuidelintException.class.isAssignableFrom(InternalException.class));
    // Statuses map to their exceptions, unknown ones to an internal error.
    assertEquals(InvalidArgumentException.class, GuidelintException.of(1, "m").getClass());
    assertEquals(ConfigException.class, GuidelintException.of(2, "m").getClass());
    assertEquals(InputException.class, GuidelintException.of(3, "m").getClass());
    assertEquals(Status.RANGE, GuidelintException.of(4, "m").status());
    assertEquals(InternalException.class, GuidelintException.of(5, "m").getClass());
    GuidelintException unknown = GuidelintException.of(99, "");
    assertEquals(Status.INTERNAL, unknown.status());
    assertTrue(unknown.getMessage(), unknown.getMessage().contains("99"));
  }
}
