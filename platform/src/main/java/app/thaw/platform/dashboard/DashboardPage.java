package app.thaw.platform.dashboard;

/**
 * What the shared layout ({@code templates/thaw/layout.html}) needs on every dashboard page.
 *
 * @param area     the service's area, e.g. {@code cases}
 * @param base     the dashboard's root path, e.g. {@code /dashboard/cases}
 * @param lang     the page's language tag ({@code en} or {@code zh-CN})
 * @param user     who is signed in (preferred username, else the subject)
 * @param path     the current path, for the language switch to stay on the page
 */
public record DashboardPage(String area, String base, String lang, String user, String path) {

    public String assets() {
        return base + "/assets";
    }

    public String webjars() {
        return base + "/webjars";
    }
}
