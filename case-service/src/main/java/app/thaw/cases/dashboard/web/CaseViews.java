package app.thaw.cases.dashboard.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.CaseTask;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.ClockState;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Readiness;
import app.thaw.platform.dashboard.ThawFormat;
import org.jspecify.annotations.Nullable;

/** What the dashboard's templates show of a case: its most urgent clock, times in the tenant's zone, the moves allowed now. */
public final class CaseViews {

    /** evidence-service's rejection reasons ({@code thaw.evidence.rejected}'s {@code reasonCode}), worded by {@code cases.rejection.*}. */
    static final java.util.Set<String> REJECTION_CODES =
            java.util.Set.of("EXPIRED", "ILLEGIBLE", "EDITED", "NAME_MISMATCH", "WRONG_DOCUMENT", "INCOMPLETE");

    private CaseViews() {}

    /** The clock a case's countdown shows: an unmet breach first (it shows how late), else the nearest running deadline. */
    static Optional<CaseClock> mostUrgent(IncidentCase c) {
        Optional<CaseClock> breached = c.clocks().stream()
                .filter(clock -> clock.state() == ClockState.BREACHED && clock.metAt() == null)
                .min(Comparator.comparing(CaseClock::dueAt));
        return breached.isPresent()
                ? breached
                : c.clocks().stream()
                        .filter(clock -> clock.state() == ClockState.RUNNING)
                        .min(Comparator.comparing(CaseClock::dueAt));
    }

    /** One row of the queue, its times in its tenant's zone. */
    public record Row(IncidentCase c, @Nullable CaseClock urgent, String opened, ZoneId zone) {

        static Row of(IncidentCase c, ZoneId zone) {
            return new Row(c, mostUrgent(c).orElse(null), ThawFormat.at(c.openedAt(), zone), zone);
        }
    }

    /**
     * One case's page.
     *
     * @param zh       whether the page is in Chinese (tasks and checklist carry both texts)
     * @param moves    the statuses the case may move to now, in lifecycle order (the API's rule)
     * @param notice   what the last action did, if anything to say
     * @param followUp the follow-up the last contact scheduled
     */
    /**
     * A party to the case besides its tenant: a partner bank the tenant linked ({@code partner_bank}), an
     * insurer the holder consented to ({@code insurer}); {@code name} the tenant's organization name (its id
     * when none is known); {@code until} when the link or consent ended.
     */
    public record Party(
            String kind,
            String tenantId,
            String name,
            boolean active,
            @Nullable Instant since,
            @Nullable Instant until) {}

    /** An ISO-8601 instant as {@code Instant.toString} writes it (UTC, seconds and fraction optional). */
    static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

    public record Page(
            IncidentCase c,
            ZoneId zone,
            boolean zh,
            List<CaseStatus> moves,
            @Nullable String notice,
            @Nullable CaseClock followUp) {

        static Page of(IncidentCase c, ZoneId zone, boolean zh, @Nullable String notice, @Nullable CaseClock followUp) {
            List<CaseStatus> moves = c.status().allowedNext().stream().sorted().toList();
            return new Page(c, zone, zh, moves, notice, followUp);
        }

        /** {@code yyyy-MM-dd HH:mm} in the tenant's zone (the shared dashboard format). */
        public String time(@Nullable Instant instant) {
            return instant == null ? "" : ThawFormat.at(instant, zone);
        }

        /** A timeline line's English summary with each instant in it ("… due 2026-12-07T03:00:00.123Z") in the page's format and zone. */
        public String summary(String text) {
            return INSTANT.matcher(text).replaceAll(found -> {
                try {
                    return java.util.regex.Matcher.quoteReplacement(ThawFormat.at(Instant.parse(found.group()), zone));
                } catch (java.time.format.DateTimeParseException e) {
                    return java.util.regex.Matcher.quoteReplacement(found.group());
                }
            });
        }

        public List<CaseClock> openClocks() {
            return c.clocks().stream()
                    .filter(clock ->
                            clock.state().open() || clock.state() == ClockState.BREACHED && clock.metAt() == null)
                    .sorted(Comparator.comparing(CaseClock::dueAt))
                    .toList();
        }

        public @Nullable CaseClock clock(String clockId) {
            return c.clock(clockId).orElse(null);
        }

        /**
         * What a clock is about beyond its kind, in the page's language: a task's clock is the task's
         * title; other clocks' labels exist only in English, so a Chinese page shows the kind alone.
         */
        public @Nullable String clockDetail(CaseClock clock) {
            Optional<CaseTask> task = c.tasks().stream()
                    .filter(t -> t.clockId().equals(clock.id()))
                    .findFirst();
            if (task.isPresent()) {
                return zh ? task.get().titleZh() : task.get().title();
            }
            if (clock.kind() == ClockKind.NOTICE_DEADLINE && clock.label().contains(": ")) {
                // The notice's own words ("3个工作日内", "within 10 days"), in whatever language it was written.
                return "“" + clock.label().substring(clock.label().indexOf(": ") + 2) + "”";
            }
            return zh || clock.label().isBlank() ? null : clock.label();
        }

        /** Whether staff acknowledge this clock rather than meet it (a supplement request). */
        public boolean acknowledges(CaseClock clock) {
            return clock.kind() == ClockKind.SUPPLEMENT_ACK_24H;
        }

        /** Whether a clock is met from the clocks table: a task's clock is met by marking the task done. */
        public boolean meetable(CaseClock clock) {
            return !c.status().terminal() && clock.metAt() == null && clock.kind() != ClockKind.TASK_DUE;
        }

        /** A task's title in the page's language, or null for no such task. */
        public @Nullable String taskTitle(@Nullable String taskId) {
            return taskId == null
                    ? null
                    : c.task(taskId)
                            .map(task -> zh ? task.titleZh() : task.title())
                            .orElse(null);
        }

        /** A checklist requirement's name and the freeze reason it answers, in the page's language. */
        public String requirement(String code) {
            String label = app.thaw.cases.checklist.ChecklistCatalogue.label(code, zh ? "zh" : "en");
            return c.checklist().stream()
                    .filter(item -> item.code().equals(code))
                    .findFirst()
                    .map(item -> label + " — " + (zh ? item.reasonZh() : item.reasonEn()))
                    .orElse(label);
        }

        /** The requirements of a comma-separated list (a supplement request's items), each by its name in the page's language. */
        public List<String> requirements(String codes) {
            return java.util.Arrays.stream(codes.split(","))
                    .filter(code -> !code.isBlank())
                    .map(code -> app.thaw.cases.checklist.ChecklistCatalogue.label(code.strip(), zh ? "zh" : "en"))
                    .toList();
        }

        /** The reason code of a checklist rejection ({@code EXPIRED: note}), or null when it names none of evidence-service's. */
        public @Nullable String rejectionCode(@Nullable String rejection) {
            if (rejection == null) {
                return null;
            }
            String code = rejection.split(":", 2)[0].strip();
            return REJECTION_CODES.contains(code) ? code : null;
        }

        /** The reviewer's note of a checklist rejection, or null when it has none. */
        public @Nullable String rejectionNote(@Nullable String rejection) {
            if (rejection == null) {
                return null;
            }
            String[] parts = rejection.split(":", 2);
            return parts.length < 2 || parts[1].isBlank() ? null : parts[1].strip();
        }

        /** Why a clock was cancelled, read back from the timeline's English sentence, for the Chinese page to word. */
        public app.thaw.cases.incident.CancelCause cancelCause(String reason) {
            return app.thaw.cases.incident.CancelCause.read(reason);
        }

        public Readiness readiness() {
            return c.readiness();
        }

        public boolean offers(String status) {
            return moves.stream().anyMatch(move -> move.name().equals(status));
        }

        public boolean asksReleaseReference() {
            return moves.contains(CaseStatus.RESOLVED) && c.scenario().requiresReleaseReference();
        }
    }
}
