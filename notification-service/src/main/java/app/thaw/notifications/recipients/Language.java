package app.thaw.notifications.recipients;

import java.util.Arrays;

/** The languages Thaw writes messages in; English is the fallback for a template missing in another. */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    public static final Language FALLBACK = EN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, e.g. {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    public static Language fromTag(String tag) {
        return Arrays.stream(values())
                .filter(language -> language.tag.equalsIgnoreCase(tag))
                .findFirst()
                .orElseThrow(() -> new UnsupportedLanguage(tag));
    }
}
