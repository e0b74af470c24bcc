package org.guidelint;

import java.util.Locale;
import java.util.Set;

/** The languages guidelint writes its messages in. */
public enum MessageLocale {
  /** Simplified Chinese, the default. */
  ZH_HANS("zh-Hans"),
  /** Traditional Chinese. */
  ZH_HANT("zh-Hant"),
  /** English. */
  EN("en");

  private final String tag;
  private final byte[] cTag;

  MessageLocale(String tag) {
    this.tag = tag;
    this.cTag = NativeApi.cString(tag, "locale");
  }

  /** The BCP 47 tag the library knows it by: "zh-Hans", "zh-Hant" or "en". */
  public String tag() {
    return tag;
  }

  byte[] cTag() {
    return cTag;
  }

  /**
   * The locale for a tag: "zh-Hans", "zh-Hant" or "en" (case-insensitive; "zh" alone is
   * zh-Hans).
   *
   * @throws InvalidArgumentException for any other tag
   */
  public static MessageLocale forTag(String tag) {
    for (MessageLocale l : values()) {
      if (l.tag.equalsIgnoreCase(tag)) {
        return l;
      }
    }
    if ("zh".equalsIgnoreCase(tag)) {
      return ZH_HANS;
    }
    throw new InvalidArgumentException(
        "unknown locale \"" + tag + "\": guidelint has zh-Hans, zh-Hant and en");
  }

  /**
   * The closest messages for a Java locale: Chinese in traditional script (zh-Hant, or zh-TW,
   * zh-HK, zh-MO without a script) gives {@link #ZH_HANT}, other Chinese {@link #ZH_HANS},
   * English {@link #EN}.
   *
   * @throws InvalidArgumentException for any other language
   */
  public static MessageLocale of(Locale locale) {
    switch (locale.getLanguage()) {
      case "zh":
        String script = locale.getScript();
        boolean traditionalRegion = Set.of("TW", "HK", "MO").contains(locale.getCountry());
        if (script.equals("Hant") || (script.isEmpty() && traditionalRegion)) {
          return ZH_HANT;
        }
        return ZH_HANS;
      case "en":
        return EN;
      default:
        throw new InvalidArgumentException(
            "no messages in " + locale.toLanguageTag() + ": guidelint has zh-Hans, zh-Hant and en");
    }
  }
}
