package app.thaw.monitor.alerts;

import java.util.List;

/** An alert's life: new, then acknowledged, dismissed or escalated. */
public enum AlertState {
    NEW,
    ACKNOWLEDGED,
    DISMISSED,
    ESCALATED;

    /** The states this one may move to. */
    public List<AlertState> next() {
        return switch (this) {
            case NEW -> List.of(ACKNOWLEDGED, DISMISSED, ESCALATED);
            case ACKNOWLEDGED -> List.of(DISMISSED, ESCALATED);
            case DISMISSED, ESCALATED -> List.of();
        };
    }

    public boolean isOpen() {
        return this == NEW || this == ACKNOWLEDGED;
    }
}
