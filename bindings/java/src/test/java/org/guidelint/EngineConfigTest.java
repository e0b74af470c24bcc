package org.guidelint;

import static org.guidelint.Samples.INCOMPLETE;
import static org.guidelint.Samples.only;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Engines from YAML text and from config files, and configs with problems. */
public class EngineConfigTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final String CATALOG =
      "title: 测试用取消事项目录\n"
          + "entries:\n"
          + "  - item: 设立测试用游艇码头审批\n"
          + "    decision: 测政发〔2019〕1号\n"
          + "    decision_title: 测试省人民政府关于取消一批行政许可事项的决定\n"
          + "    date: \"2019-06-01\"\n"
          + "    action: 取消\n"
          + "    source: https://example.gov.cn/test\n";

  private static final String MARINA = "事项名称：设立测试用游艇码头审批\n设定依据：《某条例》第三条\n";

  @Test
  public void yamlChangesASeverity() {
    try (Engine engine = Engine.fromYaml("rules:\n  placeholder-content: warning\n")) {
      LintResult result = engine.lint(INCOMPLETE, "g.xml");
      assertEquals(Severity.WARNING, only(result, "placeholder-content").severity());
      assertEquals(1, result.summary().warnings());
    }
    try (Engine engine = Engine.builtin()) {
      assertEquals(
          Severity.ERROR, only(engine.lint(INCOMPLETE, "g.xml"), "placeholder-content").severity());
    }
  }

  @Test
  public void relativePathsInYamlResolveAgainstTheBaseFolder() throws Exception {
    Path folder = tmp.newFolder("config").toPath();
    Files.writeString(folder.resolve("marina.yaml"), CATALOG, StandardCharsets.UTF_8);
    LintOptions options = LintOptions.builder().asOf(LocalDate.of(2020, 1, 1)).build();
    try (Engine engine = Engine.fromYaml("catalogs: [marina.yaml]\n", folder)) {
      Diagnostic d = only(engine.lint(MARINA, "guide.txt", options), "abolished-item");
      Citation c = d.citation().orElseThrow();
      assertEquals(
          new Citation("设立测试用游艇码头审批", "测政发〔2019〕1号", "测试省人民政府关于取消一批行政许可事项的决定",
              "2019-06-01", "https://example.gov.cn/test"),
          c);
    }
    // Without the folder the catalog is looked for in the working folder, and is not there.
    ConfigException e =
        assertThrows(ConfigException.class, () -> Engine.fromYaml("catalogs: [marina.yaml]\n"));
    assertTrue(e.getMessage(), e.getMessage().contains("marina.yaml"));
  }

  @Test
  public void aConfigFileAppliesWithPathsRelativeToIt() throws Exception {
    Path folder = tmp.newFolder("site").toPath();
    Files.writeString(folder.resolve("marina.yaml"), CATALOG, StandardCharsets.UTF_8);
    Path config = folder.resolve(".guidelint.yaml");
    Files.writeString(
        config,
        "catalogs: [marina.yaml]\nrules:\n  required-element: off\n",
        StandardCharsets.UTF_8);
    try (Engine engine = Engine.fromFile(config)) {
      LintOptions options = LintOptions.builder().asOf(LocalDate.of(2020, 1, 1)).build();
      LintResult result = engine.lint(MARINA, "guide.txt", options);
      assertEquals(
          "设立测试用游艇码头审批", only(result, "abolished-item").citation().orElseThrow().item());
      assertEquals(0, Samples.byRule(result, "required-element").size());
    }
  }

  @Test
  public void configProblemsAreReportedWithTheirPlaces() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> Engine.fromYaml("rules:\n  required-element: loud\n"));
    assertEquals(Status.CONFIG, e.status());
    assertTrue(e.getMessage(), e.getMessage().contains("<config>:2:"));
    assertTrue(e.getMessage(), e.getMessage().contains("loud"));
    // Every problem, one a line.
    String twoProblems = "rules:\n  required-element: loud\n  placeholder-contnet: error\n";
    ConfigException two =
        assertThrows(ConfigException.class, () -> Engine.fromYaml(twoProblems));
    assertEquals(2, two.problems().size());
    assertTrue(two.problems().get(0), two.problems().get(0).startsWith("<config>:2:21: "));
    assertTrue(two.problems().get(1), two.problems().get(1).startsWith("<config>:3:3: "));
    assertTrue(two.problems().get(1), two.problems().get(1).contains("placeholder-content"));
    // Not even YAML.
    assertThrows(GuidelintException.class, () -> Engine.fromYaml("rules: [\n"));
  }

  @Test
  public void aMissingConfigFileIsAConfigError() {
    Path missing = tmp.getRoot().toPath().resolve("no-such.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> Engine.fromFile(missing));
    assertTrue(e.getMessage(), e.getMessage().contains(missing.toString()));
  }
}
