package app.thaw.notifications.recipients;

/** A language tag Thaw does not write messages in; the web layer answers it as a validation problem. */
public class UnsupportedLanguage extends IllegalArgumentException {

    public UnsupportedLanguage(String tag) {
        super("Unsupported language '" + tag + "': use zh-CN or en");
    }
}
