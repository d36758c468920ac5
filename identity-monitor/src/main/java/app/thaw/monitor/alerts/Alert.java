package app.thaw.monitor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.detection.Detection;
import app.thaw.monitor.detection.Reason;
import app.thaw.monitor.detection.ReasonCode;
import app.thaw.monitor.detection.Severity;
import org.jspecify.annotations.Nullable;

/**
 * An alert about one subject. Identity-misuse detections for the same subject within the tenant's
 * window join one open alert: the same detector again only grows its count, another detector adds
 * to it, and enough distinct detectors agreeing make it HIGH (docs/adr/0041). Sanctions hits are
 * one alert per subject and list entry. The alert guards its own state transitions.
 */
public final class Alert {

    static final int MAX_SIGNALS = 200;

    private final String id;
    private final String tenantId;
    private final String subjectId;
    private final String subjectLabel;
    private final String subjectType;
    private final AlertKind kind;
    private AlertState state;
    private Severity severity;
    private final Map<String, Integer> detectors;
    private final LinkedHashSet<String> signalIds;
    private int count;
    private final Instant firstAt;
    private Instant lastAt;
    private Instant windowEndsAt;
    private boolean raised;
    private final @Nullable Sanction sanction;
    private final List<String> reasons;
    private final List<Reason> reasonCodes;
    private long version;

    public Alert(
            String id,
            String tenantId,
            String subjectId,
            String subjectLabel,
            String subjectType,
            AlertKind kind,
            AlertState state,
            Severity severity,
            Map<String, Integer> detectors,
            List<String> signalIds,
            int count,
            Instant firstAt,
            Instant lastAt,
            Instant windowEndsAt,
            boolean raised,
            @Nullable Sanction sanction,
            List<String> reasons,
            List<Reason> reasonCodes,
            long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.subjectId = subjectId;
        this.subjectLabel = subjectLabel;
        this.subjectType = subjectType;
        this.kind = kind;
        this.state = state;
        this.severity = severity;
        this.detectors = new LinkedHashMap<>(detectors);
        this.signalIds = new LinkedHashSet<>(signalIds);
        this.count = count;
        this.firstAt = firstAt;
        this.lastAt = lastAt;
        this.windowEndsAt = windowEndsAt;
        this.raised = raised;
        this.sanction = sanction;
        this.reasons = new ArrayList<>(reasons);
        // One code per line: as stored when both were written together, else read back from each line (an alert
        // stored before codes, or a store that lost them).
        this.reasonCodes = reasonCodes.size() == reasons.size()
                ? new ArrayList<>(reasonCodes)
                : new ArrayList<>(reasons.stream().map(ReasonCode::read).toList());
        this.version = version;
    }

    /** A new identity-misuse alert from its first detection. */
    public static Alert open(
            String id,
            String tenantId,
            String subjectId,
            String subjectLabel,
            String subjectType,
            Detection first,
            Duration window,
            int escalateAtDetectors) {
        Alert alert = new Alert(
                id,
                tenantId,
                subjectId,
                subjectLabel,
                subjectType,
                AlertKind.IDENTITY_MISUSE,
                AlertState.NEW,
                first.severity(),
                Map.of(),
                List.of(),
                0,
                first.at(),
                first.at(),
                first.at().plus(window),
                false,
                null,
                List.of(),
                List.of(),
                0);
        alert.absorb(first, window, escalateAtDetectors);
        return alert;
    }

    /** A sanctions-hit alert: always HIGH, never an automatic verdict — a compliance review case follows. */
    public static Alert sanctionsHit(
            String id,
            String tenantId,
            String subjectId,
            String subjectLabel,
            String subjectType,
            Sanction sanction,
            Instant at) {
        return new Alert(
                id,
                tenantId,
                subjectId,
                subjectLabel,
                subjectType,
                AlertKind.SANCTIONS_HIT,
                AlertState.NEW,
                Severity.HIGH,
                Map.of("SANCTIONS_SCREENING", 1),
                List.of(),
                1,
                at,
                at,
                at,
                false,
                sanction,
                List.of("Name matches list entry " + sanction.listEntryId() + " with score " + sanction.score()),
                List.of(Reason.of(ReasonCode.SANCTIONS_MATCH, sanction.listEntryId(), sanction.score())),
                0);
    }

    /** Whether a detection at {@code at} belongs to this alert (open, and inside its window). */
    public boolean accepts(Instant at) {
        return kind == AlertKind.IDENTITY_MISUSE && state.isOpen() && !at.isAfter(windowEndsAt);
    }

    /** Joins a detection: its detector's count grows, its signals are added, severity may rise. */
    public void absorb(Detection detection, Duration window, int escalateAtDetectors) {
        detectors.merge(detection.detector(), 1, Integer::sum);
        for (String signalId : detection.signalIds()) {
            if (signalIds.size() < MAX_SIGNALS) {
                signalIds.add(signalId);
            }
        }
        count++;
        severity = severity.max(detection.severity());
        if (detectors.size() >= escalateAtDetectors) {
            severity = Severity.HIGH;
        }
        if (detection.at().isAfter(lastAt)) {
            lastAt = detection.at();
        }
        Instant end = detection.at().plus(window);
        if (end.isAfter(windowEndsAt)) {
            windowEndsAt = end;
        }
        if (reasons.size() < 20) {
            reasons.add(detection.detector() + ": " + detection.reason());
            reasonCodes.add(detection.why());
        }
    }

    /**
     * Whether the alert must now be announced ({@code thaw.alert.raised}): the first time it is HIGH
     * (or is escalated by a person). Marks it announced.
     */
    public boolean takeRaise() {
        if (raised || (severity != Severity.HIGH && state != AlertState.ESCALATED)) {
            return false;
        }
        raised = true;
        return true;
    }

    public void moveTo(AlertState wanted) {
        if (!state.next().contains(wanted)) {
            throw new AlertTransitionNotAllowed(state, wanted);
        }
        state = wanted;
        if (wanted == AlertState.ESCALATED) {
            severity = Severity.HIGH;
        }
    }

    /** The detector reported in events: the first one that fed the alert (the others are in {@link #detectors()}). */
    public String primaryDetector() {
        return detectors.keySet().iterator().next();
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String subjectLabel() {
        return subjectLabel;
    }

    public String subjectType() {
        return subjectType;
    }

    public AlertKind kind() {
        return kind;
    }

    public AlertState state() {
        return state;
    }

    public Severity severity() {
        return severity;
    }

    public Map<String, Integer> detectors() {
        return Map.copyOf(detectors);
    }

    public Map<String, Integer> detectorsInOrder() {
        return new LinkedHashMap<>(detectors);
    }

    public List<String> signalIds() {
        return List.copyOf(signalIds);
    }

    public int count() {
        return count;
    }

    public Instant firstAt() {
        return firstAt;
    }

    public Instant lastAt() {
        return lastAt;
    }

    public Instant windowEndsAt() {
        return windowEndsAt;
    }

    public boolean raised() {
        return raised;
    }

    public @Nullable Sanction sanction() {
        return sanction;
    }

    public List<String> reasons() {
        return List.copyOf(reasons);
    }

    /** The code and arguments of each of {@link #reasons()}, in the same order ({@link Reason#unknown()} where none). */
    public List<Reason> reasonCodes() {
        return List.copyOf(reasonCodes);
    }

    public long version() {
        return version;
    }

    /**
     * What a sanctions hit matched.
     *
     * @param listEntryId   the list's entry id (OFAC {@code ent_num})
     * @param listName      the entry's primary name as listed
     * @param matchedName   the list name (primary or alias) that matched
     * @param score         0–1 similarity
     * @param matchedFields which of the subject's fields matched which of the entry's, e.g. {@code NAME_NATIVE→alias}
     * @param listId        which list the entry is on ({@code ofac-sdn}…); null on alerts raised before lists were named
     * @param listVersion   SHA-256 of that list's file(s) when the hit was found: the version that triggered it
     * @param entryFingerprint what the entry listed then ({@code ListEntry#fingerprint}); a "not a match" holds while it stays
     */
    public record Sanction(
            String listEntryId,
            String listName,
            String matchedName,
            double score,
            List<String> matchedFields,
            @Nullable String listId,
            @Nullable String listVersion,
            @Nullable String entryFingerprint) {

        public Sanction(
                String listEntryId, String listName, String matchedName, double score, List<String> matchedFields) {
            this(listEntryId, listName, matchedName, score, matchedFields, null, null, null);
        }
    }
}
