package app.thaw.cases.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The post-incident review (docs/domain.md §9): what happened, the root cause by repeated "why", the
 * penalty or freeze suffered, the fix, and action items tracked to done.
 */
public record Review(
        String summary,
        List<String> whys,
        String rootCause,
        @Nullable String penalty,
        String fix,
        List<ActionItem> actionItems,
        @Nullable Instant completedAt,
        @Nullable String completedBy) {

    public Review {
        whys = List.copyOf(whys);
        actionItems = List.copyOf(actionItems);
    }

    public boolean completed() {
        return completedAt != null;
    }

    /** What this review says, as a draft: not completed. */
    public Review asDraft() {
        return with(actionItems, null, null);
    }

    /** This review, completed by {@code by} at {@code at}. */
    public Review completedBy(Instant at, String by) {
        return with(actionItems, at, by);
    }

    /** This review with {@code items} as its action items. */
    public Review withActionItems(List<ActionItem> items) {
        return with(items, completedAt, completedBy);
    }

    private Review with(List<ActionItem> items, @Nullable Instant at, @Nullable String by) {
        return new Review(summary, whys, rootCause, penalty, fix, items, at, by);
    }

    /** An action item with its owner and due date, tracked to done. */
    public record ActionItem(
            String id,
            String title,
            String owner,
            LocalDate dueDate,
            boolean done,
            @Nullable Instant doneAt) {}
}
