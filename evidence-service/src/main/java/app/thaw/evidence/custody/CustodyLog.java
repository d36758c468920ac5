package app.thaw.evidence.custody;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.CustodyAction;
import app.thaw.evidence.domain.CustodyChain;
import app.thaw.evidence.domain.CustodyEntry;
import app.thaw.evidence.domain.EvidenceItem;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The custody log of every case, one hash chain per case in {@value #COLLECTION}. An entry's id is
 * its case and position, so two appends racing for the same position cannot both land: the loser
 * reads the new head and tries again. Append-only: nothing here updates or deletes an entry.
 */
@Component
public class CustodyLog {

    public static final String COLLECTION = "custody";
    /** Where the case files live (casefile.CaseFiles); the chain's head is a member of each. */
    static final String CASE_FILES = "case_files";
    static final String HEAD = "custodyHead";
    private static final int PAGE = 500;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public CustodyLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Appends what happened to one item. */
    public Mono<CustodyEntry> itemAction(EvidenceItem item, CustodyAction action, String actor, Map<String, String> details) {
        return append(item.tenantId(), item.caseId().value(), action, item.id().value(), item.sha256(), actor, details);
    }

    /** Appends what happened to the case as a whole (hold, export, consent). */
    public Mono<CustodyEntry> caseAction(CaseFile file, CustodyAction action, String actor, Map<String, String> details) {
        return append(file.tenantId(), file.caseId().value(), action, null, null, actor, details);
    }

    /** As {@link #caseAction(CaseFile, CustodyAction, String, Map)}, for a case known by its ids. */
    public Mono<CustodyEntry> caseAction(String tenantId, String caseId, CustodyAction action, String actor, Map<String, String> details) {
        return append(tenantId, caseId, action, null, null, actor, details);
    }

    private Mono<CustodyEntry> append(String tenantId, String caseId, CustodyAction action, @Nullable String evidenceId,
                                      @Nullable String sha256, String actor, Map<String, String> details) {
        return Mono.defer(() -> head(caseId)
                        .flatMap(head -> {
                            CustodyEntry entry = CustodyChain.append(head.seq(), head.hash(), tenantId, caseId, action,
                                    evidenceId, sha256, actor, clock.instant(), details);
                            return mongo.insert(toDocument(entry), COLLECTION)
                                    .then(advanceHead(caseId, head, entry.seq(), entry.hash()))
                                    .thenReturn(entry)
                                    // The position is taken: by a racing append, or by one whose instance died
                                    // before moving the head. Move the head onto it and try again.
                                    .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(idOf(caseId, head.seq() + 1),
                                                    Document.class, COLLECTION)
                                            .flatMap(existing -> advanceHead(caseId, head, head.seq() + 1, existing.getString("hash")))
                                            .then(Mono.error(taken)));
                        }))
                .retryWhen(Retry.max(100).filter(DuplicateKeyException.class::isInstance));
    }

    /**
     * The head of the case's chain (last position and hash), kept on the case file so an append is
     * a few point reads and writes, however long the chain.
     */
    Mono<Head> head(String caseId) {
        Query byId = Query.query(Criteria.where("_id").is(caseId));
        byId.fields().include(HEAD);
        return mongo.findOne(byId, Document.class, CASE_FILES)
                .map(file -> {
                    Document head = file.get(HEAD, Document.class);
                    return head == null ? new Head(0, CustodyChain.GENESIS)
                            : new Head(((Number) head.get("seq")).longValue(), head.getString("hash"));
                })
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Custody for an unknown case " + caseId)));
    }

    private Mono<Void> advanceHead(String caseId, Head from, long seq, String hash) {
        Criteria unchanged = from.seq() == 0
                ? new Criteria().orOperator(Criteria.where(HEAD).exists(false), Criteria.where(HEAD + ".seq").is(0L))
                : Criteria.where(HEAD + ".seq").is(from.seq());
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).andOperator(unchanged)),
                new org.springframework.data.mongodb.core.query.Update().set(HEAD, new Document("seq", seq).append("hash", hash)),
                CASE_FILES).then();
    }

    /** A chain's last position and its hash ({@link CustodyChain#GENESIS} before the first entry). */
    record Head(long seq, String hash) {
    }

    /** Where the heads signed dossiers pinned are kept: one document per export. */
    static final String SIGNED_HEADS = "custody_signed_heads";

    /**
     * Records the head a signed dossier pinned (its manifest and detached signature with it), so
     * verification can tell a chain shortened or rewritten after the export (ADR 23).
     */
    public Mono<Void> recordSignedHead(String tenantId, String caseId, long seq, String hash, byte[] manifest, String signature) {
        return mongo.insert(new Document("_id", new org.bson.types.ObjectId()).append("tenantId", tenantId).append("caseId", caseId)
                .append("seq", seq).append("hash", hash).append("exportedAt", clock.instant().toString())
                .append("manifest", new String(manifest, java.nio.charset.StandardCharsets.UTF_8)).append("signature", signature),
                SIGNED_HEADS).then();
    }

    /** The heads the case's signed dossiers pinned, oldest export first. */
    Flux<SignedHead> signedHeads(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, SIGNED_HEADS)
                .map(head -> new SignedHead(((Number) head.get("seq")).longValue(), head.getString("hash"), head.getString("exportedAt"),
                        head.getString("manifest"), head.getString("signature")));
    }

    /** A head a signed dossier pinned when it was exported, with the signed manifest that says so. */
    record SignedHead(long seq, String hash, String exportedAt, @Nullable String manifest, @Nullable String signature) {
    }

    /** Whether the chain holds an UPLOADED entry for the item. */
    Mono<Boolean> hasUpload(String caseId, String evidenceId) {
        return mongo.exists(Query.query(Criteria.where("caseId").is(caseId).and("evidenceId").is(evidenceId)
                .and("action").is(CustodyAction.UPLOADED.name())), COLLECTION);
    }

    /** Entries after {@code afterSeq}, oldest first, at most {@code limit}. */
    public Flux<CustodyEntry> page(String caseId, long afterSeq, int limit) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId).and("seq").gt(afterSeq))
                .with(Sort.by("seq")).limit(limit), Document.class, COLLECTION).map(CustodyLog::fromDocument);
    }

    /** The whole chain in order, read a page at a time. */
    public Flux<CustodyEntry> all(String caseId) {
        return page(caseId, 0, PAGE).collectList()
                .expand(page -> page.size() < PAGE ? Mono.empty() : page(caseId, page.getLast().seq(), PAGE).collectList())
                .flatMapIterable(page -> page);
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("caseId", Sort.Direction.ASC).on("seq", Sort.Direction.ASC).unique())
                .then();
    }

    static String idOf(String caseId, long seq) {
        return caseId + "#" + String.format("%012d", seq);
    }

    public static Document toDocument(CustodyEntry entry) {
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
        return new CustodyEntry(document.getString("tenantId"), document.getString("caseId"),
                ((Number) document.get("seq")).longValue(), CustodyAction.valueOf(document.getString("action")),
                document.getString("evidenceId"), document.getString("contentSha256"), document.getString("actor"),
                java.time.Instant.parse(document.getString("at")), details, document.getString("previousHash"),
                document.getString("hash"));
    }

}
