package app.thaw.monitor.dashboard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** How the dashboard's pages write instants: UTC, to the second, the same in every language. */
public final class Times {

    static final Times UTC = new Times();
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public String at(@Nullable Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }
}
