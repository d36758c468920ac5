package app.thaw.platform.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What the shared layout ({@code templates/thaw/layout.html}) needs on every dashboard page.
 *
 * @param area     the service's area, e.g. {@code cases}
 * @param base     the dashboard's root path, e.g. {@code /dashboard/cases}
 * @param lang     the page's language tag ({@code en} or {@code zh-CN})
 * @param user     who is signed in (preferred username, else the subject)
 * @param path     the current path, for the language switch to stay on the page
 * @param query    the current query string as sent (still encoded), kept by the language switch
 */
public record DashboardPage(
        String area,
        String base,
        String lang,
        String user,
        String path,
        @Nullable String query) {

    public DashboardPage(String area, String base, String lang, String user, String path) {
        this(area, base, lang, user, path, null);
    }

    /**
     * This page in another language: the same path and filters, {@code lang} replaced. The query's
     * other parameters are kept exactly as sent (already encoded), so nothing is encoded twice.
     */
    public String inLanguage(String tag) {
        String kept = query == null
                ? ""
                : Arrays.stream(query.split("&"))
                        .filter(parameter ->
                                !parameter.isEmpty() && !parameter.equals("lang") && !parameter.startsWith("lang="))
                        .collect(Collectors.joining("&"));
        return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang="
                + URLEncoder.encode(tag, StandardCharsets.UTF_8);
    }

    public String assets() {
        return base + "/assets";
    }

    public String webjars() {
        return base + "/webjars";
    }
}
