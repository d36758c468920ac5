package app.thaw.evidence.custody.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyChain;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.platform.store.IndexedStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The custody log in {@value CustodyLog#COLLECTION}. An entry's id is its case and position, so two
 * appends racing for the same position cannot both land: the loser reads the new head and tries
 * again. Append-only: nothing here updates or deletes an entry. Every query names the tenant.
 */
@Component
class MongoCustodyLog implements CustodyLog, IndexedStore {

    /** Where the case files live (casefile); the chain's head is a member of each. */
    static final String CASE_FILES = "case_files";

    private static final int PAGE = 500;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    MongoCustodyLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Mono<CustodyEntry> append(
            String tenantId,
            String caseId,
            CustodyAction action,
            @Nullable String evidenceId,
            @Nullable String sha256,
            String actor,
            Map<String, String> details) {
        return Mono.defer(() -> head(tenantId, caseId)
                        .switchIfEmpty(
                                Mono.error(() -> new IllegalStateException("Custody for an unknown case " + caseId)))
                        .flatMap(head -> {
                            CustodyEntry entry = CustodyChain.append(
                                    head.seq(),
                                    head.hash(),
                                    tenantId,
                                    caseId,
                                    action,
                                    evidenceId,
                                    sha256,
                                    actor,
                                    clock.instant(),
                                    details);
                            return mongo.insert(toDocument(entry), COLLECTION)
                                    .then(advanceHead(tenantId, caseId, head, entry.seq(), entry.hash()))
                                    .thenReturn(entry)
                                    // The position is taken: by a racing append, or by one whose instance died
                                    // before moving the head. Move the head onto it and try again.
                                    .onErrorResume(
                                            DuplicateKeyException.class,
                                            taken -> mongo.findOne(
                                                            Query.query(Criteria.where("_id")
                                                                    .is(idOf(caseId, head.seq() + 1))
                                                                    .and("tenantId")
                                                                    .is(tenantId)),
                                                            Document.class,
                                                            COLLECTION)
                                                    .flatMap(existing -> advanceHead(
                                                            tenantId,
                                                            caseId,
                                                            head,
                                                            head.seq() + 1,
                                                            existing.getString("hash")))
                                                    .then(Mono.error(taken)));
                        }))
                .retryWhen(Retry.max(100).filter(DuplicateKeyException.class::isInstance));
    }

    /**
     * The head of the case's chain (last position and hash), kept on the case file so an append is
     * a few point reads and writes, however long the chain. Empty for a case this tenant does not have.
     */
    @Override
    public Mono<Head> head(String tenantId, String caseId) {
        Query byId =
                Query.query(Criteria.where("_id").is(caseId).and("tenantId").is(tenantId));
        byId.fields().include(HEAD);
        return mongo.findOne(byId, Document.class, CASE_FILES).map(file -> {
            Document head = file.get(HEAD, Document.class);
            return head == null
                    ? new Head(0, CustodyChain.GENESIS)
                    : new Head(((Number) head.get("seq")).longValue(), head.getString("hash"));
        });
    }

    private Mono<Void> advanceHead(String tenantId, String caseId, Head from, long seq, String hash) {
        Criteria unchanged = from.seq() == 0
                ? new Criteria()
                        .orOperator(
                                Criteria.where(HEAD).exists(false),
                                Criteria.where(HEAD + ".seq").is(0L))
                : Criteria.where(HEAD + ".seq").is(from.seq());
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(caseId)
                                .and("tenantId")
                                .is(tenantId)
                                .andOperator(unchanged)),
                        new Update().set(HEAD, new Document("seq", seq).append("hash", hash)),
                        CASE_FILES)
                .then();
    }

    @Override
    public Mono<Void> recordSignedHead(
            String tenantId, String caseId, long seq, String hash, byte[] manifest, String signature) {
        return mongo.insert(
                        new Document("_id", new ObjectId())
                                .append("tenantId", tenantId)
                                .append("caseId", caseId)
                                .append("seq", seq)
                                .append("hash", hash)
                                .append("exportedAt", clock.instant().toString())
                                .append("manifest", new String(manifest, StandardCharsets.UTF_8))
                                .append("signature", signature),
                        SIGNED_HEADS)
                .then();
    }

    @Override
    public Flux<SignedHead> signedHeads(String tenantId, String caseId) {
        return mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("tenantId")
                                .is(tenantId)),
                        Document.class,
                        SIGNED_HEADS)
                .map(head -> new SignedHead(
                        ((Number) head.get("seq")).longValue(),
                        head.getString("hash"),
                        head.getString("exportedAt"),
                        head.getString("manifest"),
                        head.getString("signature")));
    }

    @Override
    public Mono<Boolean> holds(String tenantId, String caseId, CustodyAction action, String key, String value) {
        String field = key.equals("evidenceId") ? key : "details." + key;
        return mongo.exists(
                Query.query(Criteria.where("caseId")
                        .is(caseId)
                        .and("tenantId")
                        .is(tenantId)
                        .and("action")
                        .is(action.name())
                        .and(field)
                        .is(value)),
                COLLECTION);
    }

    @Override
    public Flux<CustodyEntry> page(String tenantId, String caseId, long afterSeq, int limit) {
        return mongo.find(
                        Query.query(Criteria.where("caseId")
                                        .is(caseId)
                                        .and("tenantId")
                                        .is(tenantId)
                                        .and("seq")
                                        .gt(afterSeq))
                                .with(Sort.by("seq"))
                                .limit(limit),
                        Document.class,
                        COLLECTION)
                .map(MongoCustodyLog::fromDocument);
    }

    @Override
    public Flux<CustodyEntry> all(String tenantId, String caseId) {
        return page(tenantId, caseId, 0, PAGE)
                .collectList()
                .expand(page -> page.size() < PAGE
                        ? Mono.empty()
                        : page(tenantId, caseId, page.getLast().seq(), PAGE).collectList())
                .flatMapIterable(page -> page);
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("caseId", Sort.Direction.ASC)
                        .on("seq", Sort.Direction.ASC)
                        .unique())
                .then();
    }

    static String idOf(String caseId, long seq) {
        return caseId + "#" + String.format("%012d", seq);
    }

    static Document toDocument(CustodyEntry entry) {
        return new Document("_id", idOf(entry.caseId(), entry.seq()))
                .append("tenantId", entry.tenantId())
                .append("caseId", entry.caseId())
                .append("seq", entry.seq())
                .append("action", entry.action().name())
                .append("evidenceId", entry.evidenceId())
                .append("contentSha256", entry.contentSha256())
                .append("actor", entry.actor())
                // Kept as text: the hash covers the ISO instant to the nanosecond, which a BSON date would truncate.
                .append("at", entry.at().toString())
                .append("details", new Document(new LinkedHashMap<>(entry.details())))
                .append("previousHash", entry.previousHash())
                .append("hash", entry.hash());
    }

    static CustodyEntry fromDocument(Document document) {
        Map<String, String> details = new LinkedHashMap<>();
        Document stored = document.get("details", Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> details.put(key, String.valueOf(value)));
        }
        return new CustodyEntry(
                document.getString("tenantId"),
                document.getString("caseId"),
                ((Number) document.get("seq")).longValue(),
                CustodyAction.valueOf(document.getString("action")),
                document.getString("evidenceId"),
                document.getString("contentSha256"),
                document.getString("actor"),
                Instant.parse(document.getString("at")),
                details,
                document.getString("previousHash"),
                document.getString("hash"));
    }
}
