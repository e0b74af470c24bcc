package org.guidelint;

import static org.guidelint.Samples.ABOLISHED;
import static org.guidelint.Samples.INCOMPLETE;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** Closing engines, and one engine used from many threads. */
public class LifecycleTest {
  @Test
  public void tryWithResourcesClosesAndResultsOutliveTheEngine() {
    Engine kept;
    LintResult result;
    try (Engine engine = Engine.builtin()) {
      kept = engine;
      assertFalse(engine.isClosed());
      result = engine.lint(INCOMPLETE, "g.xml");
    }
    assertTrue(kept.isClosed());
    assertEquals("Engine[closed]", kept.toString());
    assertEquals("legal_basis", Samples.only(result, "placeholder-content").elementId());
  }

  @Test
  public void closeTwiceDoesNothingAndUseAfterCloseThrows() {
    Engine engine = Engine.builtin();
    engine.close();
    engine.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> engine.lint(INCOMPLETE, "g.xml"));
    assertTrue(e.getMessage(), e.getMessage().contains("closed"));
    assertThrows(
        IllegalStateException.class,
        () -> engine.lint(INCOMPLETE.getBytes(StandardCharsets.UTF_8), "g.xml"));
    assertThrows(IllegalStateException.class, () -> engine.lintFile(Path.of("g.xml")));
  }

  private static final List<String> INPUTS =
      List.of(INCOMPLETE, ABOLISHED, "<guide><name>甲</name></guide>", "{\"task_name\": \"乙\"}");
  private static final List<String> NAMES = List.of("a.xml", "b.txt", "c.xml", "d.json");

  private static LintResult lintInput(Engine engine, int k) {
    LintOptions options =
        LintOptions.builder()
            .asOf(LocalDate.of(2025, 6, 30))
            .locale(k % 2 == 1 ? MessageLocale.EN : MessageLocale.ZH_HANT)
            .jsonReport(true)
            .build();
    return engine.lint(INPUTS.get(k), NAMES.get(k), options);
  }

  @Test
  public void eightThreadsOnOneEngineGetTheSerialResults() throws Exception {
    try (Engine engine = Engine.builtin()) {
      List<LintResult> serial = new ArrayList<>();
      for (int k = 0; k < INPUTS.size(); k++) {
        serial.add(lintInput(engine, k));
      }
      assertEquals(
          "设立水利旅游项目审批",
          Samples.only(serial.get(1), "abolished-item").citation().orElseThrow().item());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<LintResult>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          final int thread = t;
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    List<LintResult> mine = new ArrayList<>();
                    for (int round = 0; round < 25; round++) {
                      mine.add(lintInput(engine, (thread + round) % INPUTS.size()));
                    }
                    return mine;
                  }));
        }
        start.countDown();
        for (int t = 0; t < 8; t++) {
          List<LintResult> mine = futures.get(t).get(60, TimeUnit.SECONDS);
          assertEquals(25, mine.size());
          for (int round = 0; round < mine.size(); round++) {
            assertEquals(
                "thread " + t + " round " + round,
                serial.get((t + round) % INPUTS.size()),
                mine.get(round));
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * close() waits for the lints in progress: every lint gives the full result or is refused,
   * none reads a freed engine. (The tests run with MALLOC_PERTURB_ set, so that memory freed too
   * early is overwritten and a lint reading it goes wrong visibly.)
   */
  @Test
  public void closingWhileOtherThreadsLintNeverCrashes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int attempt = 0; attempt < 20; attempt++) {
        Engine engine = Engine.builtin();
        LintResult expected = lintInput(engine, attempt % INPUTS.size());
        final int k = attempt % INPUTS.size();
        AtomicInteger linted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    while (true) {
                      try {
                        assertEquals(expected, lintInput(engine, k));
                        linted.incrementAndGet();
                      } catch (IllegalStateException closed) {
                        refused.incrementAndGet();
                        return null;
                      }
                    }
                  }));
        }
        while (linted.get() < 8) {
          Thread.onSpinWait();
        }
        engine.close();
        assertTrue(engine.isClosed());
        for (Future<?> f : futures) {
          f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(4, refused.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
