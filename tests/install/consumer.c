/* Lints one guide through the C API and prints what a CMS would check before saving. */
#include <guidelint/guidelint.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  if (guidelint_abi_version() != GUIDELINT_ABI_VERSION) return 3;
  guidelint_engine* engine = NULL;
  if (guidelint_engine_new_default(&engine) != GUIDELINT_OK) {
    fprintf(stderr, "%s\n", guidelint_last_error());
    return 2;
  }
  const char* guide = "<guide><name>设立某类事项审批</name><legal_basis>相关法规</legal_basis></guide>";
  guidelint_result* result = NULL;
  if (guidelint_lint_buffer(engine, guide, strlen(guide), "guide.xml", NULL, &result) !=
      GUIDELINT_OK) {
    fprintf(stderr, "%s\n", guidelint_last_error());
    return 2;
  }
  guidelint_summary summary;
  guidelint_result_summary(result, &summary);
  for (size_t i = 0; i < guidelint_result_count(result); ++i) {
    guidelint_diagnostic d;
    if (guidelint_result_diagnostic(result, i, "en", &d) != GUIDELINT_OK) return 2;
    if (strcmp(d.rule_id.data, "placeholder-content") == 0)
      printf("c %u:%u %s\n", d.line, d.column, d.rule_id.data);
  }
  printf("c errors=%zu version=%s\n", summary.errors, guidelint_version());
  guidelint_result_free(result);
  guidelint_engine_free(engine);
  return summary.errors > 0 ? 0 : 1;
}
