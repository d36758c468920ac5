package app.thaw.monitor.ingestion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.monitor.ids.Ids;
import app.thaw.monitor.metering.UsageMeter;
import app.thaw.monitor.protection.IdentifierProtector;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.monitor.settings.TenantSettings;
import app.thaw.monitor.signals.GeoPoint;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import app.thaw.monitor.signals.Signals;
import app.thaw.monitor.subjects.Subject;
import app.thaw.monitor.subjects.SubjectService;
import app.thaw.monitor.subscription.MeteredItem;
import app.thaw.monitor.subscription.SubscriptionService;
import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes signals in, one or a batch at a time, the same way: validate each, drop repeats of a
 * source's signal id (a unique index decides, so two concurrent deliveries store one), match the
 * identifiers to subjects by keyed hash, store the good ones in one unordered bulk write, then let
 * each matched subject's baseline and detectors see them in time order. A bad line never stops a
 * good one.
 */
@Service
public class SignalService {

    private static final int LOOKUP_CHUNK = 1000;

    private final Signals store;
    private final IdentifierProtector protector;
    private final SubjectService subjects;
    private final SettingsService settings;
    private final SignalProcessing processing;
    private final UsageMeter meter;
    private final SubscriptionService subscriptions;
    private final Clock clock;

    SignalService(
            Signals store,
            IdentifierProtector protector,
            SubjectService subjects,
            SettingsService settings,
            SignalProcessing processing,
            UsageMeter meter,
            SubscriptionService subscriptions,
            Clock clock) {
        this.store = store;
        this.protector = protector;
        this.subjects = subjects;
        this.settings = settings;
        this.processing = processing;
        this.meter = meter;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * One line of input: the parsed signal, or why it could not be read at all.
     *
     * @param line    1-based
     * @param input   the signal, when the line parsed
     * @param errors  the reasons it did not parse
     */
    public record ParsedLine(int line, @Nullable SignalInput input, List<FieldViolation> errors) {}

    /** Ingests lines and answers one result per line, in line order. */
    public Mono<List<LineResult>> ingest(Caller caller, List<ParsedLine> lines) {
        String tenantId = caller.tenantId();
        return settings.effective(tenantId).flatMap(tenantSettings -> ingest(tenantId, lines, tenantSettings));
    }

    private Mono<List<LineResult>> ingest(String tenantId, List<ParsedLine> lines, TenantSettings tenantSettings) {
        Instant now = clock.instant();
        LineResult[] results = new LineResult[lines.size()];
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ParsedLine line = lines.get(i);
            SignalInput input = line.input();
            List<FieldViolation> errors =
                    input == null ? line.errors() : SignalValidator.check(input, now, tenantSettings.maxFutureSkew());
            if (input == null || !errors.isEmpty()) {
                results[i] = new LineResult(
                        line.line(),
                        input == null ? null : input.signalId(),
                        LineResult.Outcome.invalid,
                        null,
                        null,
                        errors);
                continue;
            }
            if (firstIndexOfId.putIfAbsent(input.signalId(), i) != null) {
                results[i] = new LineResult(
                        line.line(), input.signalId(), LineResult.Outcome.duplicate, null, null, List.of());
                continue;
            }
            candidates.add(new Candidate(i, line.line(), input, hashes(tenantId, input)));
        }
        if (candidates.isEmpty()) {
            return Mono.just(List.of(results));
        }
        // The plan's monthly signal quota: a batch that would pass it is refused whole (429 quota_exceeded),
        // before anything is stored. Repeats of stored signals count here too: the quota is a ceiling on work.
        // No look-up first: the unique index on (tenant, source id) says which are repeats, and only
        // those are then read back for their ids. One round trip fewer per signal.
        return subscriptions
                .requireWithin(tenantId, MeteredItem.SIGNALS, candidates.size())
                .then(Mono.defer(() -> matchSubjects(tenantId, candidates)))
                .flatMap(matches -> store(tenantId, candidates, matches, now, results)
                        .flatMap(stored -> Mono.when(
                                        process(tenantId, stored, matches, tenantSettings),
                                        meter.add(tenantId, UsageMeter.Counter.SIGNALS, stored.size()))
                                .then(store.markProcessed(
                                        tenantId,
                                        stored.stream()
                                                .map(st -> st.signal.id())
                                                .toList()))))
                .then(Mono.defer(() -> resolveDuplicateIds(tenantId, results, tenantSettings)))
                .then(Mono.fromSupplier(() -> {
                    fillDuplicatesWithinBatch(lines, results, firstIndexOfId);
                    return List.of(results);
                }));
    }

    /**
     * Fills in Thaw's id for lines that repeated a stored signal, and finishes the processing of any
     * repeat whose first delivery was stored but not processed (that delivery failed after the
     * insert): resending a signal is how a source recovers it. Processing is idempotent — a baseline
     * skips signals it has already learnt.
     */
    private Mono<Void> resolveDuplicateIds(String tenantId, LineResult[] results, TenantSettings tenantSettings) {
        List<Integer> repeats = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            LineResult r = results[i];
            if (r != null && r.result() == LineResult.Outcome.duplicate && r.id() == null && r.signalId() != null) {
                repeats.add(i);
            }
        }
        if (repeats.isEmpty()) {
            return Mono.empty();
        }
        List<String> sourceIds =
                repeats.stream().map(i -> results[i].signalId()).distinct().toList();
        return store.bySourceIds(tenantId, sourceIds).collectList().flatMap(found -> {
            Map<String, String> idOf = new HashMap<>();
            found.forEach(received -> idOf.put(
                    received.signal().sourceSignalId(), received.signal().id()));
            for (int i : repeats) {
                LineResult r = results[i];
                results[i] =
                        new LineResult(r.line(), r.signalId(), r.result(), idOf.get(r.signalId()), null, List.of());
            }
            List<Signals.Received> unprocessed =
                    found.stream().filter(received -> !received.processed()).toList();
            return unprocessed.isEmpty() ? Mono.empty() : reprocess(tenantId, unprocessed, tenantSettings);
        });
    }

    private Mono<Void> reprocess(String tenantId, List<Signals.Received> unprocessed, TenantSettings tenantSettings) {
        Map<String, List<Signal>> bySubject = new LinkedHashMap<>();
        for (Signals.Received received : unprocessed) {
            for (String subjectId : received.subjectIds()) {
                bySubject.computeIfAbsent(subjectId, id -> new ArrayList<>()).add(received.signal());
            }
        }
        return Flux.fromIterable(bySubject.entrySet())
                .concatMap(entry -> subjects.find(tenantId, entry.getKey()).flatMap(subject -> {
                    List<Signal> signals = new ArrayList<>(entry.getValue());
                    signals.sort(Comparator.comparing(Signal::occurredAt));
                    return processing.process(tenantId, subject, signals, tenantSettings);
                }))
                .then(store.markProcessed(
                        tenantId,
                        unprocessed.stream()
                                .map(received -> received.signal().id())
                                .toList()));
    }

    private List<String> hashes(String tenantId, SignalInput input) {
        Set<String> hashes = new LinkedHashSet<>();
        for (SignalInput.IdentifierInput identifier : input.identifiers()) {
            hashes.add(protector.hash(tenantId, IdentifierType.valueOf(identifier.type()), identifier.value()));
        }
        return List.copyOf(hashes);
    }

    /** Subjects by identifier hash, for every hash in the batch, with one query per chunk. */
    private Mono<Map<String, List<Subject>>> matchSubjects(String tenantId, List<Candidate> fresh) {
        Set<String> all = new LinkedHashSet<>();
        fresh.forEach(c -> all.addAll(c.hashes));
        return Flux.fromIterable(all)
                .buffer(LOOKUP_CHUNK)
                .concatMap(chunk -> subjects.withHashes(tenantId, chunk))
                .collectList()
                .map(found -> {
                    Map<String, List<Subject>> byHash = new HashMap<>();
                    Map<String, Subject> distinct = new LinkedHashMap<>();
                    found.forEach(subject -> distinct.putIfAbsent(subject.id(), subject));
                    for (Subject subject : distinct.values()) {
                        for (String hash : subject.hashes()) {
                            if (all.contains(hash)) {
                                byHash.computeIfAbsent(hash, h -> new ArrayList<>())
                                        .add(subject);
                            }
                        }
                    }
                    return byHash;
                });
    }

    /** Inserts the fresh signals unordered; a concurrent delivery of the same source id loses to the index. */
    private Mono<List<Stored>> store(
            String tenantId,
            List<Candidate> fresh,
            Map<String, List<Subject>> matches,
            Instant now,
            LineResult[] results) {
        if (fresh.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Stored> toStore = new ArrayList<>();
        List<Signals.Fresh> documents = new ArrayList<>();
        for (Candidate candidate : fresh) {
            Signal signal = toSignal(Ids.next("sig"), candidate.input);
            List<String> subjectIds =
                    matched(candidate, matches).stream().map(Subject::id).toList();
            toStore.add(new Stored(candidate, signal, subjectIds));
            documents.add(new Signals.Fresh(signal, candidate.hashes, subjectIds));
        }
        Mono<Set<Integer>> failedIndexes = store.insertAll(tenantId, documents, now);
        return failedIndexes.map(duplicates -> {
            List<Stored> stored = new ArrayList<>();
            for (int i = 0; i < toStore.size(); i++) {
                Stored s = toStore.get(i);
                if (duplicates.contains(i)) {
                    results[s.candidate.index] = new LineResult(
                            s.candidate.line,
                            s.candidate.input.signalId(),
                            LineResult.Outcome.duplicate,
                            null,
                            null,
                            List.of());
                } else {
                    results[s.candidate.index] = new LineResult(
                            s.candidate.line,
                            s.candidate.input.signalId(),
                            LineResult.Outcome.accepted,
                            s.signal.id(),
                            s.subjectIds.size(),
                            List.of());
                    stored.add(s);
                }
            }
            return stored;
        });
    }

    /** Each matched subject sees its new signals in time order; subjects are processed side by side. */
    private Mono<Void> process(
            String tenantId, List<Stored> stored, Map<String, List<Subject>> matches, TenantSettings tenantSettings) {
        Map<String, Subject> subjectsById = new HashMap<>();
        Map<String, List<Signal>> bySubject = new LinkedHashMap<>();
        for (Stored s : stored) {
            for (Subject subject : matched(s.candidate, matches)) {
                subjectsById.putIfAbsent(subject.id(), subject);
                bySubject.computeIfAbsent(subject.id(), id -> new ArrayList<>()).add(s.signal);
            }
        }
        return Flux.fromIterable(bySubject.entrySet())
                .flatMap(
                        entry -> {
                            List<Signal> signals = new ArrayList<>(entry.getValue());
                            signals.sort(Comparator.comparing(Signal::occurredAt));
                            return processing.process(
                                    tenantId, subjectsById.get(entry.getKey()), signals, tenantSettings);
                        },
                        4)
                .then();
    }

    private static List<Subject> matched(Candidate candidate, Map<String, List<Subject>> matches) {
        Map<String, Subject> distinct = new LinkedHashMap<>();
        for (String hash : candidate.hashes) {
            for (Subject subject : matches.getOrDefault(hash, List.of())) {
                distinct.putIfAbsent(subject.id(), subject);
            }
        }
        return List.copyOf(distinct.values());
    }

    private static void fillDuplicatesWithinBatch(
            List<ParsedLine> lines, LineResult[] results, Map<String, Integer> firstIndexOfId) {
        for (int i = 0; i < results.length; i++) {
            LineResult r = results[i];
            if (r.result() == LineResult.Outcome.duplicate && r.id() == null && r.signalId() != null) {
                Integer first = firstIndexOfId.get(r.signalId());
                if (first != null && first != i && results[first] != null) {
                    results[i] =
                            new LineResult(r.line(), r.signalId(), r.result(), results[first].id(), null, List.of());
                }
            }
        }
    }

    static Signal toSignal(String id, SignalInput input) {
        SignalInput.Location location = input.location();
        return new Signal(
                id,
                input.signalId(),
                SignalType.valueOf(input.type()),
                Instant.parse(input.occurredAt()),
                input.device(),
                input.ip(),
                location == null ? null : new GeoPoint(location.lat(), location.lon()),
                input.institution(),
                input.amount(),
                input.channel());
    }

    /** A tenant's signals matched to one subject, newest first. */
    public Flux<Signals.Received> forSubject(Caller caller, String subjectId, @Nullable String cursor, int limit) {
        return store.forSubject(caller.tenantId(), subjectId, cursor, limit);
    }

    /**
     * When the tenant's signals received since {@code since} arrived, newest first, at most
     * {@code max} of them (the ingestion-rate chart counts these; beyond {@code max} it undercounts).
     */
    public Flux<Instant> receivedSince(Caller caller, Instant since, int max) {
        return store.receivedSince(caller.tenantId(), since, max);
    }

    private record Candidate(int index, int line, SignalInput input, List<String> hashes) {}

    private record Stored(Candidate candidate, Signal signal, List<String> subjectIds) {}
}
