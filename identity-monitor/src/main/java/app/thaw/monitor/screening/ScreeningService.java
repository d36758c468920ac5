package app.thaw.monitor.screening;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import app.thaw.monitor.metering.UsageMeter;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.monitor.subscription.MeteredItem;
import app.thaw.monitor.subscription.SubscriptionService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Screens names against the sanctions lists in use, keeps the lists current and records analysts'
 * decisions about a (subject, entry) pair. A hit is a reason to look, never a verdict. Screening
 * knows subjects by id only: screening a subject and raising its alerts is the subjects' step
 * ({@code SubjectScreening}).
 */
@Service
public class ScreeningService {

    private final SanctionsLists lists;
    private final ScreeningProperties properties;
    private final SettingsService settings;
    private final AllowList allowList;
    private final UsageMeter meter;
    private final SubscriptionService subscriptions;
    private final Timer latency;
    private final app.thaw.platform.audit.AuditLog audit;

    ScreeningService(
            SanctionsLists lists,
            ScreeningProperties properties,
            SettingsService settings,
            AllowList allowList,
            UsageMeter meter,
            MeterRegistry registry,
            app.thaw.platform.audit.AuditLog audit,
            SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.lists = lists;
        this.properties = properties;
        this.settings = settings;
        this.allowList = allowList;
        this.meter = meter;
        this.latency = Timer.builder("thaw.monitor.screening.latency")
                .description("Time to screen one name against the list")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** A name's hits (no subject, no alert): screening on request. */
    public Mono<List<Hit>> check(String tenantId, String name, Set<ListEntry.EntryType> types) {
        // The plan's monthly screenings (ADR 62): a check on request past the quota is refused, 429 quota_exceeded.
        // A subject's own screening (enrolment, list update) runs whatever the quota and is counted.
        return subscriptions
                .requireWithin(tenantId, MeteredItem.SCREENINGS, 1)
                .then(settings.effective(tenantId))
                .map(s -> screenNames(Map.of(IdentifierType.NAME_LATIN, List.of(name)), types, s.screeningThreshold()))
                .flatMap(hits ->
                        meter.add(tenantId, UsageMeter.Counter.SCREENINGS, 1).thenReturn(hits));
    }

    /**
     * A party's hits, minus the entries the tenant's analysts cleared for it (while the entry stays
     * as it was): a subject's screening, counted as one screening whatever the plan's quota.
     *
     * @param partyId the subject's id, under which decisions about it are kept
     * @param types   the kinds of entry it can be (empty: any)
     */
    public Mono<List<Hit>> screenParty(
            String tenantId, String partyId, Map<IdentifierType, List<String>> names, Set<ListEntry.EntryType> types) {
        return settings.effective(tenantId)
                .flatMap(s -> allowList
                        .clearedEntries(tenantId, partyId)
                        .map(cleared -> screenNames(names, types, s.screeningThreshold()).stream()
                                .filter(hit -> !AllowList.suppresses(cleared, hit.entryId(), hit.entryFingerprint()))
                                .toList()))
                .flatMap(hits ->
                        meter.add(tenantId, UsageMeter.Counter.SCREENINGS, 1).thenReturn(hits));
    }

    /** Reads every list again (blocking I/O: call on boundedElastic); whether any changed. */
    public boolean reload() throws java.io.IOException {
        return lists.reload();
    }

    /** Reads one list again (blocking I/O: call on boundedElastic); whether it changed. */
    public boolean reload(String listId) throws java.io.IOException {
        return lists.reload(listId);
    }

    List<Hit> screenNames(Map<IdentifierType, List<String>> names, Set<ListEntry.EntryType> types, double threshold) {
        ScreeningIndex index = lists.current();
        Map<String, Hit> byEntry = new LinkedHashMap<>();
        names.forEach((field, values) -> {
            for (String value : values) {
                long start = System.nanoTime();
                List<ScreeningIndex.Match> matches = index.screen(value, threshold, types, properties.maxHitsPerName());
                latency.record(Duration.ofNanos(System.nanoTime() - start));
                for (ScreeningIndex.Match match : matches) {
                    String matchedField = field.name() + "→" + (match.primary() ? "name" : "alias");
                    ListEntry entry = match.entry();
                    SanctionsLists.ListVersion version = lists.version(entry.listId());
                    String key = entryKey(entry);
                    byEntry.merge(
                            key,
                            new Hit(
                                    key,
                                    entry.name(),
                                    match.matchedName(),
                                    match.score(),
                                    match.secondary(),
                                    List.of(matchedField),
                                    entry.programs(),
                                    entry.listId(),
                                    version == null ? null : version.sha256(),
                                    entry.fingerprint()),
                            ScreeningService::merge);
                }
            }
        });
        return byEntry.values().stream().sorted(BEST_FIRST).toList();
    }

    /** Best first: by score, then by the secondary score, then by entry key (so the order never depends on chance). */
    static final java.util.Comparator<Hit> BEST_FIRST = java.util.Comparator.comparingDouble(Hit::score)
            .reversed()
            .thenComparing(
                    java.util.Comparator.comparingDouble(Hit::secondaryScore).reversed())
            .thenComparing(Hit::entryId);

    /**
     * How an entry is named in hits, alerts and decisions: the SDN list's ent_num as it always was,
     * any other list's id prefixed with the list's ({@code ofac-cons:12345}, {@code eu-fsf:…}), since
     * ids are only unique within a list.
     */
    public static String entryKey(ListEntry entry) {
        return entry.listId().equals(ScreeningProperties.SHIPPED_SDN.id())
                ? entry.id()
                : entry.listId() + ":" + entry.id();
    }

    private static Hit merge(Hit a, Hit b) {
        Set<String> fields = new TreeSet<>(a.matchedFields());
        fields.addAll(b.matchedFields());
        Hit better = BEST_FIRST.compare(a, b) <= 0 ? a : b;
        return new Hit(
                better.entryId(),
                better.listName(),
                better.matchedName(),
                better.score(),
                better.secondaryScore(),
                List.copyOf(fields),
                better.programs(),
                better.listId(),
                better.listVersion(),
                better.entryFingerprint());
    }

    public ScreeningIndex index() {
        return lists.current();
    }

    /**
     * Records an analyst's decision about a subject and a list entry (audited): "not a match" keeps
     * the pair from being flagged again until the entry changes; "true match" is kept with its
     * evidence. The entry must be on a list in use.
     */
    public Mono<AllowList.StoredDecision> decide(
            app.thaw.platform.security.Caller caller,
            String tenantId,
            String subjectId,
            String listEntryId,
            AllowList.Decision decision,
            String reason,
            List<String> evidence,
            @Nullable String alertId) {
        return Mono.defer(() -> {
            ListEntry entry = entry(listEntryId);
            if (entry == null) {
                return Mono.error(new ListEntryNotFound(listEntryId));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("subjectId", subjectId);
            details.put("decision", decision.name());
            details.put("entryFingerprint", entry.fingerprint());
            details.put("evidenceItems", evidence.size());
            return allowList
                    .decide(
                            tenantId,
                            subjectId,
                            listEntryId,
                            entry.fingerprint(),
                            decision,
                            caller.subject(),
                            reason,
                            evidence,
                            alertId)
                    .flatMap(stored -> audit.record(
                                    "monitor.screening.decided", "screening_decision", listEntryId, details)
                            .thenReturn(stored));
        });
    }

    /** The decisions about a subject of the tenant, newest first. */
    public Flux<AllowList.StoredDecision> decisions(String tenantId, String subjectId) {
        return allowList.decisions(tenantId, subjectId);
    }

    /** The entry an entry key names on the lists in use ({@link #entryKey}), or null. */
    public @Nullable ListEntry entry(String key) {
        int colon = key.indexOf(':');
        String listId = colon > 0 ? key.substring(0, colon) : ScreeningProperties.SHIPPED_SDN.id();
        String id = colon > 0 ? key.substring(colon + 1) : key;
        return lists.current().entry(listId, id);
    }

    /** Every list in use, with its version, date and size. */
    public List<SanctionsLists.ListVersion> lists() {
        return lists.versions();
    }

    /**
     * One list entry a name matched.
     *
     * @param entryId          the entry's key: OFAC SDN ent_num, or {@code listId:id} for other lists
     * @param listName         the entry's primary name
     * @param matchedName      the entry's name that matched (primary or alias)
     * @param score            0–1
     * @param secondaryScore   0–1, ranks hits of equal score: how much of the matched name the query covers, and how alike the two read in order
     * @param matchedFields    subject field → list field, e.g. {@code NAME_NATIVE→alias}
     * @param programs         the entry's sanctions programmes
     * @param listId           the list the entry is on
     * @param listVersion      that list's version (SHA-256) the hit was found in
     * @param entryFingerprint what the entry listed ({@code ListEntry#fingerprint})
     */
    public record Hit(
            String entryId,
            String listName,
            String matchedName,
            double score,
            double secondaryScore,
            List<String> matchedFields,
            String programs,
            String listId,
            @Nullable String listVersion,
            String entryFingerprint) {}
}
