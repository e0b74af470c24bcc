/*
 * guidelint's C API: the one contract CMS software in any language links against
 * (docs/c-api.md). Small and stable:
 *
 * - Handles are opaque; every *_new has its *_free, and *_free(NULL) does nothing.
 * - Every call that can fail returns a guidelint_status; on failure guidelint_last_error()
 *   says why, in English, for the calling thread (as errno does). No C++ exception ever crosses
 *   this boundary.
 * - Strings are UTF-8, passed with explicit lengths; strings returned are NUL-terminated and come
 *   with their length. Who owns what is said at each declaration.
 * - An engine is immutable once made: one engine may lint from many threads at once. A result
 *   belongs to the thread that asked for it, or is guarded by the caller.
 */
#ifndef GUIDELINT_GUIDELINT_H
#define GUIDELINT_GUIDELINT_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define GUIDELINT_C_API __declspec(dllimport)
#else
#define GUIDELINT_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI this header describes. guidelint_abi_version() gives the library's; they must be
 * equal. It changes only when a declaration here changes incompatibly. */
#define GUIDELINT_ABI_VERSION 1

typedef enum guidelint_status {
  GUIDELINT_OK = 0,
  GUIDELINT_ERROR_ARGUMENT =
      1, /* a NULL handle or pointer, an unknown locale or format, a bad date */
  GUIDELINT_ERROR_CONFIG = 2,  /* the config has problems; the last error lists them */
  GUIDELINT_ERROR_IO = 3,      /* a file could not be read */
  GUIDELINT_ERROR_RANGE = 4,   /* an index past the end */
  GUIDELINT_ERROR_INTERNAL = 5 /* out of memory, or a bug caught at the boundary */
} guidelint_status;

typedef enum guidelint_severity {
  GUIDELINT_SEVERITY_OFF = 0,
  GUIDELINT_SEVERITY_INFO = 1,
  GUIDELINT_SEVERITY_WARNING = 2,
  GUIDELINT_SEVERITY_ERROR = 3
} guidelint_severity;

/* A string owned by the library: `data` is NUL-terminated UTF-8 of `length` bytes (the NUL not
 * counted), never NULL (an absent value is ""). How long it lives is said where it is given. */
typedef struct guidelint_string {
  const char* data;
  size_t length;
} guidelint_string;

typedef struct guidelint_engine guidelint_engine;
typedef struct guidelint_result guidelint_result;

/* ── Library ─────────────────────────────────────────────────────────────────────────────── */

/* "1.2.3". Static storage: never freed. */
GUIDELINT_C_API const char* guidelint_version(void);
/* The library's ABI version; compare with GUIDELINT_ABI_VERSION. */
GUIDELINT_C_API int guidelint_abi_version(void);
/* Why the last call on this thread that returned an error failed. Owned by the library, valid
 * until the next failing call on this thread; "" when none failed yet. Never NULL. */
GUIDELINT_C_API const char* guidelint_last_error(void);

/* ── Engines ─────────────────────────────────────────────────────────────────────────────── */

/* An engine with the built-in national pack. On success *out is a new engine the caller frees
 * with guidelint_engine_free; on failure *out is NULL. */
GUIDELINT_C_API guidelint_status guidelint_engine_new_default(guidelint_engine** out);
/* An engine from a config given as YAML text (yaml, length bytes; need not be NUL-terminated).
 * base_dir (NUL-terminated, may be NULL for the working folder) resolves relative paths in it.
 * A config with problems gives GUIDELINT_ERROR_CONFIG, and the last error lists each problem
 * as "name:line:column: message". */
GUIDELINT_C_API guidelint_status guidelint_engine_new_yaml(const char* yaml, size_t length,
                                                           const char* base_dir,
                                                           guidelint_engine** out);
/* An engine from a config file (.guidelint.yaml), path NUL-terminated. */
GUIDELINT_C_API guidelint_status guidelint_engine_new_file(const char* path,
                                                           guidelint_engine** out);
/* Frees an engine. Results made by it stay valid. NULL does nothing. */
GUIDELINT_C_API void guidelint_engine_free(guidelint_engine* engine);

/* ── Linting ─────────────────────────────────────────────────────────────────────────────── */

typedef struct guidelint_lint_options {
  /* Set to sizeof(guidelint_lint_options): lets later versions add fields. */
  size_t struct_size;
  /* "xml", "html", "json", "text" or "docx"; NULL or "" chooses by the name's extension. */
  const char* input_format;
  /* The date rules treat as today, "YYYY-MM-DD"; NULL or "" for today. */
  const char* as_of;
} guidelint_lint_options;

/* Lints bytes (length bytes at `bytes`; may hold NULs; copied, so the caller may free them
 * when this returns). name (NUL-terminated, may be NULL) is the file name used to choose the
 * format and in messages. options may be NULL. On success *out is a new result the caller
 * frees with guidelint_result_free. An input that cannot be parsed is not a failure: the result
 * holds a fatal diagnostic saying why. */
GUIDELINT_C_API guidelint_status guidelint_lint_buffer(const guidelint_engine* engine,
                                                       const char* bytes, size_t length,
                                                       const char* name,
                                                       const guidelint_lint_options* options,
                                                       guidelint_result** out);
/* Lints a file (path NUL-terminated). A file that cannot be read gives GUIDELINT_ERROR_IO. */
GUIDELINT_C_API guidelint_status guidelint_lint_file(const guidelint_engine* engine,
                                                     const char* path,
                                                     const guidelint_lint_options* options,
                                                     guidelint_result** out);
/* Frees a result, and every string it gave. NULL does nothing. */
GUIDELINT_C_API void guidelint_result_free(guidelint_result* result);

/* ── Results ─────────────────────────────────────────────────────────────────────────────── */

typedef struct guidelint_summary {
  size_t guides;
  size_t errors;   /* findings at error severity, not counting those that need review */
  size_t warnings; /* … at warning severity */
  size_t infos;    /* … at info severity */
  size_t reviews;  /* findings that need a person to look, whatever their severity */
  int fatal;       /* 1 when the input could not be read as guides, or not all of it */
} guidelint_summary;

GUIDELINT_C_API guidelint_status guidelint_result_summary(const guidelint_result* result,
                                                          guidelint_summary* out);
/* The number of diagnostics; 0 for NULL. */
GUIDELINT_C_API size_t guidelint_result_count(const guidelint_result* result);

typedef struct guidelint_diagnostic {
  guidelint_string rule_id;    /* "required-element", "parse-error", … */
  guidelint_string message_id; /* "required-element.missing", … */
  guidelint_string message;    /* the message in the locale asked for */
  guidelint_severity severity;
  int fatal;                     /* the input could not be read, or not all of it */
  int needs_review;              /* a person should look; never fails a run */
  int has_span;                  /* 0: the finding has no place (the positions below are 0) */
  uint32_t line, column;         /* 1-based; columns count Unicode code points */
  uint32_t end_line, end_column; /* where the span ends (exclusive column) */
  uint32_t column_utf16, end_column_utf16; /* the same in UTF-16 code units (Java, JavaScript) */
  uint32_t offset, end_offset;             /* byte offsets in the input */
  guidelint_string element_id;             /* the canonical element, "" when none */
  int guide; /* index of the guide in the input, -1 for the input as a whole */
  /* For findings about catalog items (abolished, delegated, post-approval): the item and the
   * State Council decision with its number, title, date and source; "" otherwise. */
  guidelint_string item;
  guidelint_string decision;
  guidelint_string decision_title;
  guidelint_string decision_date;
  guidelint_string source;
} guidelint_diagnostic;

/* Fills *out with diagnostic `index` (0 ≤ index < count), its message rendered in `locale`
 * ("zh-Hans", "zh-Hant" or "en"; NULL for zh-Hans). The strings belong to the result and stay
 * valid until it is freed. */
GUIDELINT_C_API guidelint_status guidelint_result_diagnostic(const guidelint_result* result,
                                                             size_t index, const char* locale,
                                                             guidelint_diagnostic* out);
/* The whole result as guidelint's JSON report (docs/output.md), messages in `locale`. The string
 * belongs to the result and stays valid until it is freed. */
GUIDELINT_C_API guidelint_status guidelint_result_json(const guidelint_result* result,
                                                       const char* locale, guidelint_string* out);

#ifdef __cplusplus
}
#endif

#endif /* GUIDELINT_GUIDELINT_H */
