package app.thaw.evidence.dashboard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import app.thaw.evidence.domain.CustodyAction;
import app.thaw.evidence.domain.RejectionReason;
import app.thaw.evidence.domain.RequirementCode;
import org.jspecify.annotations.Nullable;

/** What the evidence pages' templates need beyond the data: times in UTC, sizes, the catalogues behind the selects. */
public final class DashboardFormat {

    /** Types a browser shows inline without running anything of the file's: raster images and PDF. */
    public static final Set<String> PREVIEWABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

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
        return PREVIEWABLE.contains(contentType);
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
