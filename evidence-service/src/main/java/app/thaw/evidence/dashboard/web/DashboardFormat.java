package app.thaw.evidence.dashboard.web;

import java.util.List;
import java.util.Set;

import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.item.RejectionReason;
import app.thaw.evidence.item.RequirementCode;

/** What the evidence pages' templates need beyond the data (times are the shared {@code format}, ThawFormat): sizes, the catalogues behind the selects. */
public final class DashboardFormat {

    /** Types a browser shows inline without running anything of the file's: raster images, PDF and plain text. */
    public static final Set<String> PREVIEWABLE =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain");

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    public boolean previewable(String contentType) {
        return PREVIEWABLE.contains(baseType(contentType));
    }

    /** The type without its parameters: {@code text/plain; charset=UTF-8} is {@code text/plain}. */
    static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(java.util.Locale.ROOT);
    }

    public boolean image(String contentType) {
        return contentType.startsWith("image/");
    }

    public List<RequirementCode> requirements() {
        return List.of(RequirementCode.values());
    }

    public List<RejectionReason> reasons() {
        return List.of(RejectionReason.values());
    }

    public List<CustodyAction> actions() {
        return List.of(CustodyAction.values());
    }
}
