package app.thaw.monitor.screening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.alerts.AlertService;
import app.thaw.monitor.metering.UsageMeter;
import app.thaw.monitor.protection.IdentifierProtector;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.protection.ProtectedValue;
import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.monitor.subjects.Subject;
import app.thaw.monitor.subjects.SubjectType;
import app.thaw.monitor.subjects.internal.SubjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Screens names against the current sanctions list. A subject's hit (score at or over the
 * tenant's threshold, not on its allow-list for that entry) raises one SANCTIONS_HIT alert per
 * subject and entry, which case-service turns into a COMPLIANCE_HOLD review case: a hit is a
 * reason to look, never a verdict. Screening runs on enrolment, on request, and for every subject
 * when the list changes.
 */
@Service
public class ScreeningService {

    private static final Logger log = LoggerFactory.getLogger(ScreeningService.class);
    private static final int RESCREEN_PAGE = 200;

    private final SanctionsLists lists;
    private final ScreeningProperties properties;
    private final SettingsService settings;
    private final AllowList allowList;
    private final AlertService alerts;
    private final SubjectStore subjects;
    private final IdentifierProtector protector;
    private final UsageMeter meter;
    private final app.thaw.monitor.subscription.SubscriptionService subscriptions;
    private final Timer latency;
    private final app.thaw.platform.audit.AuditLog audit;

    ScreeningService(SanctionsLists lists, ScreeningProperties properties, SettingsService settings, AllowList allowList,
                     AlertService alerts, SubjectStore subjects, IdentifierProtector protector, UsageMeter meter,
                     MeterRegistry registry, app.thaw.platform.audit.AuditLog audit,
                     app.thaw.monitor.subscription.SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.lists = lists;
        this.properties = properties;
        this.settings = settings;
        this.allowList = allowList;
        this.alerts = alerts;
        this.subjects = subjects;
        this.protector = protector;
        this.meter = meter;
        this.latency = Timer.builder("thaw.monitor.screening.latency").description("Time to screen one name against the list")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** A name's hits (no subject, no alert): screening on request. */
    public Mono<List<Hit>> check(String tenantId, String name, @Nullable SubjectType type) {
        // The plan's monthly screenings (ADR 62): a check on request past the quota is refused, 429 quota_exceeded.
        // A subject's own screening (enrolment, list update) runs whatever the quota and is counted.
        return subscriptions.requireWithin(tenantId, app.thaw.monitor.subscription.MeteredItem.SCREENINGS, 1)
                .then(settings.effective(tenantId))
                .map(s -> screenNames(Map.of(IdentifierType.NAME_LATIN, List.of(name)), type, s.screeningThreshold()))
                .flatMap(hits -> meter.add(tenantId, UsageMeter.Counter.SCREENINGS, 1).thenReturn(hits));
    }

    /** Screens an enrolled subject's names (given in clear by the caller that has them); the count of new alerts. */
    public Mono<Integer> screenSubject(Subject subject, Map<IdentifierType, List<String>> names) {
        if (names.isEmpty()) {
            return Mono.just(0);
        }
        return settings.effective(subject.tenantId())
                .flatMap(s -> allowList.clearedEntries(subject.tenantId(), subject.id())
                        .map(cleared -> screenNames(names, subject.type(), s.screeningThreshold()).stream()
                                .filter(hit -> !AllowList.suppresses(cleared, hit.entryId(), hit.entryFingerprint())).toList()))
                .flatMap(hits -> meter.add(subject.tenantId(), UsageMeter.Counter.SCREENINGS, 1)
                        .then(Flux.fromIterable(hits)
                                .concatMap(hit -> alerts.raiseSanctionsHit(subject.tenantId(), subject.id(), subject.label(),
                                        subject.type().name(), new Alert.Sanction(hit.entryId(), hit.listName(), hit.matchedName(),
                                                hit.score(), hit.matchedFields(), hit.listId(), hit.listVersion(), hit.entryFingerprint())))
                                .filter(Boolean::booleanValue).count()))
                .map(Long::intValue);
    }

    /** Screens a stored subject again, decrypting its names. */
    public Mono<Integer> rescreen(Subject subject) {
        Map<IdentifierType, List<String>> names = new LinkedHashMap<>();
        for (ProtectedValue name : subject.names()) {
            names.computeIfAbsent(name.type(), t -> new ArrayList<>()).add(protector.reveal(subject.tenantId(), subject.id(), name));
        }
        return screenSubject(subject, names);
    }

    /**
     * Reads the list again (blocking I/O, on boundedElastic) and, if it changed, screens every
     * subject of every tenant against it, a page at a time.
     */
    public Mono<Refresh> refresh() {
        return refreshWith(lists::reload);
    }

    /** Reads one list again (from its official url where one is configured), as {@link #refresh()} does. */
    public Mono<Refresh> refresh(String listId) {
        return refreshWith(() -> lists.reload(listId));
    }

    private Mono<Refresh> refreshWith(java.util.concurrent.Callable<Boolean> reload) {
        return Mono.fromCallable(reload).subscribeOn(Schedulers.boundedElastic())
                .flatMap(changed -> {
                    ScreeningIndex index = lists.current();
                    Mono<Long> rescreened = changed ? rescreenAll() : Mono.just(0L);
                    return rescreened.map(n -> new Refresh(index.list().version(), index.list().entries().size(), index.nameCount(),
                            changed, n));
                });
    }

    Mono<Long> rescreenAll() {
        return rescreenFrom(null, 0L);
    }

    private Mono<Long> rescreenFrom(@Nullable String cursor, long done) {
        return subjects.allAfter(cursor, RESCREEN_PAGE).collectList().flatMap(page -> {
            if (page.isEmpty()) {
                log.info("Re-screened {} subjects against the changed sanctions list", done);
                return Mono.just(done);
            }
            return Flux.fromIterable(page).concatMap(subject -> rescreen(subject).onErrorResume(failure -> {
                        log.warn("Re-screening subject {} failed; it is screened again at the next change", subject.id(), failure);
                        return Mono.just(0);
                    }))
                    .then(Mono.defer(() -> rescreenFrom(page.getLast().id(), done + page.size())));
        });
    }

    List<Hit> screenNames(Map<IdentifierType, List<String>> names, @Nullable SubjectType type, double threshold) {
        ScreeningIndex index = lists.current();
        Set<ListEntry.EntryType> types = type == null ? Set.of()
                : type == SubjectType.PERSON ? Set.of(ListEntry.EntryType.INDIVIDUAL)
                : Set.of(ListEntry.EntryType.ENTITY, ListEntry.EntryType.VESSEL, ListEntry.EntryType.AIRCRAFT);
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
                    byEntry.merge(key, new Hit(key, entry.name(), match.matchedName(), match.score(), match.secondary(),
                            List.of(matchedField), entry.programs(), entry.listId(), version == null ? null : version.sha256(),
                            entry.fingerprint()), ScreeningService::merge);
                }
            }
        });
        return byEntry.values().stream().sorted(BEST_FIRST).toList();
    }

    /** Best first: by score, then by the secondary score, then by entry key (so the order never depends on chance). */
    static final java.util.Comparator<Hit> BEST_FIRST = java.util.Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(java.util.Comparator.comparingDouble(Hit::secondaryScore).reversed()).thenComparing(Hit::entryId);

    /**
     * How an entry is named in hits, alerts and decisions: the SDN list's ent_num as it always was,
     * any other list's id prefixed with the list's ({@code ofac-cons:12345}, {@code eu-fsf:…}), since
     * ids are only unique within a list.
     */
    public static String entryKey(ListEntry entry) {
        return entry.listId().equals(ScreeningProperties.SHIPPED_SDN.id()) ? entry.id() : entry.listId() + ":" + entry.id();
    }

    private static Hit merge(Hit a, Hit b) {
        Set<String> fields = new TreeSet<>(a.matchedFields());
        fields.addAll(b.matchedFields());
        Hit better = BEST_FIRST.compare(a, b) <= 0 ? a : b;
        return new Hit(better.entryId(), better.listName(), better.matchedName(), better.score(), better.secondaryScore(),
                List.copyOf(fields), better.programs(), better.listId(), better.listVersion(), better.entryFingerprint());
    }

    public ScreeningIndex index() {
        return lists.current();
    }

    /**
     * Records an analyst's decision about a subject and a list entry (audited): "not a match" keeps
     * the pair from being flagged again until the entry changes; "true match" is kept with its
     * evidence. The entry must be on a list in use.
     */
    public Mono<AllowList.StoredDecision> decide(app.thaw.platform.security.Caller caller, Subject subject, String listEntryId,
                                                 AllowList.Decision decision, String reason, List<String> evidence,
                                                 @Nullable String alertId) {
        return Mono.defer(() -> {
            ListEntry entry = entry(listEntryId);
            if (entry == null) {
                return Mono.error(new ListEntryNotFound(listEntryId));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("subjectId", subject.id());
            details.put("decision", decision.name());
            details.put("entryFingerprint", entry.fingerprint());
            details.put("evidenceItems", evidence.size());
            return allowList.decide(subject.tenantId(), subject.id(), listEntryId, entry.fingerprint(), decision, caller.subject(), reason,
                            evidence, alertId)
                    .flatMap(stored -> audit.record("monitor.screening.decided", "screening_decision", listEntryId, details)
                            .thenReturn(stored));
        });
    }

    /**
     * The standing screening decision of each sanctions-hit alert's (subject, entry), keyed by alert
     * id (alerts without one are absent): one query per tenant among the alerts.
     */
    public Mono<Map<String, AllowList.StoredDecision>> standingDecisions(List<Alert> page) {
        Map<String, List<Map.Entry<String, String>>> pairsByTenant = new LinkedHashMap<>();
        for (Alert alert : page) {
            Alert.Sanction sanction = alert.sanction();
            if (sanction != null) {
                pairsByTenant.computeIfAbsent(alert.tenantId(), t -> new ArrayList<>()).add(Map.entry(alert.subjectId(), sanction.listEntryId()));
            }
        }
        return Flux.fromIterable(pairsByTenant.entrySet())
                .concatMap(tenant -> allowList.standing(tenant.getKey(), tenant.getValue()).map(found -> Map.entry(tenant.getKey(), found)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byTenant -> {
                    Map<String, AllowList.StoredDecision> byAlert = new LinkedHashMap<>();
                    for (Alert alert : page) {
                        Alert.Sanction sanction = alert.sanction();
                        AllowList.StoredDecision decision = sanction == null ? null : byTenant.getOrDefault(alert.tenantId(), Map.of())
                                .get(AllowList.pair(alert.subjectId(), sanction.listEntryId()));
                        if (decision != null) {
                            byAlert.put(alert.id(), decision);
                        }
                    }
                    return byAlert;
                });
    }

    public reactor.core.publisher.Flux<AllowList.StoredDecision> decisions(Subject subject) {
        return allowList.decisions(subject.tenantId(), subject.id());
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
    public record Hit(String entryId, String listName, String matchedName, double score, double secondaryScore,
                      List<String> matchedFields, String programs, String listId, @Nullable String listVersion,
                      String entryFingerprint) {
    }

    /** What a refresh found. */
    public record Refresh(String version, int entries, int names, boolean changed, long subjectsRescreened) {
    }
}
