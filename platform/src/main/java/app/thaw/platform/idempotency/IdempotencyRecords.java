package app.thaw.platform.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.thaw.platform.idempotency.IdempotencyRecord.Scope;
import app.thaw.platform.idempotency.IdempotencyRecord.State;
import app.thaw.platform.idempotency.IdempotencyRecord.StoredResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The {@code idempotency_keys} collection. Every change is one single-document operation guarded
 * by the unique (tenant, key) index or by the claim's id, because neither store offers more: the
 * embedded store has no transactions. Whoever inserts the record first owns the key. A key belongs
 * to one tenant and one principal (subject and client of the token).
 */
class IdempotencyRecords {

    static final String COLLECTION = "idempotency_keys";

    private final ReactiveMongoTemplate mongo;
    /** Created before the first claim: without the unique index, concurrent duplicates could all claim. */
    private final Mono<Boolean> indexes;

    IdempotencyRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        // Mapped now, on the starting thread: the mapping context adds a new type under a write lock,
        // and a burst of first requests would park on it on event-loop threads.
        mongo.getConverter().getMappingContext().getPersistentEntity(IdempotencyRecord.class);
        this.indexes = Mono.defer(this::createIndexes)
                // Kept once made; a failure (store not up yet) is retried by the next request.
                .cache(made -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    private Mono<Boolean> createIndexes() {
        var indexOps = mongo.indexOps(COLLECTION);
        // Keys are the principal's own (ADR 54): another caller of the tenant may use the same key.
        // The former (tenant, key) index would refuse that; where an older version made it, it goes.
        return indexOps.dropIndex("tenant_key")
                .onErrorComplete()
                .then(indexOps.createIndex(new Index()
                        .on("tenant", Sort.Direction.ASC)
                        .on("principal", Sort.Direction.ASC)
                        .on("key", Sort.Direction.ASC)
                        .unique()
                        .named("tenant_principal_key")))
                // MongoDB removes records once expiresAt passes; the embedded store accepts the
                // index but never expires anything, so expiry is also decided in code (expiredAt).
                .then(indexOps.createIndex(new Index()
                        .on("expiresAt", Sort.Direction.ASC)
                        .expire(Duration.ZERO)
                        .named("expires_at_ttl")))
                .thenReturn(true);
    }

    /** Claims the key for this request, or says who holds it. */
    Mono<Claim> claim(Scope scope, Instant now, Duration lease) {
        IdempotencyRecord fresh = IdempotencyRecord.claim(scope, newClaimId(), now, now.plus(lease));
        return indexes.then(mongo.insert(fresh, COLLECTION))
                .<Claim>map(inserted -> new Claim.Ours(inserted.claimId(), inserted.createdAt()))
                .onErrorResume(DuplicateKeyException.class, taken -> lookUp(scope, now, lease, false));
    }

    /**
     * What holds the key now: a live record, or an expired one taken over, or (when it is gone and
     * {@code mayInsert}) a new claim. {@link Busy} when another request won a race in between.
     */
    Mono<Claim> lookUp(Scope scope, Instant now, Duration lease, boolean mayInsert) {
        return mongo.findOne(byKey(scope), IdempotencyRecord.class, COLLECTION)
                .flatMap(found -> found.expiredAt(now)
                        ? takeOver(found, scope, now, lease)
                        : Mono.<Claim>just(new Claim.Theirs(found)))
                .switchIfEmpty(
                        Mono.defer(() -> mayInsert ? claim(scope, now, lease) : Mono.error(Busy.contended(now))));
    }

    /** Replaces an expired record, provided nobody else replaced it first. */
    private Mono<Claim> takeOver(IdempotencyRecord expired, Scope scope, Instant now, Duration lease) {
        String claimId = newClaimId();
        Update renewed = new Update()
                .set("fingerprint", scope.fingerprint())
                .set("state", State.IN_PROGRESS)
                .set("claimId", claimId)
                // createdAt stays the key's first claim: effects named after the key keep their time
                // (IdempotentEffects).
                .set("expiresAt", now.plus(lease))
                .unset("response");
        return mongo.updateFirst(
                        byKey(scope).addCriteria(where("claimId").is(expired.claimId())),
                        renewed,
                        IdempotencyRecord.class,
                        COLLECTION)
                .flatMap(result -> result.getModifiedCount() == 1
                        ? Mono.<Claim>just(new Claim.Ours(claimId, expired.createdAt()))
                        : Mono.error(Busy.contended(now)));
    }

    /** Records the first response; false when this claim had lapsed and another request took the key. */
    Mono<Boolean> complete(Scope scope, String claimId, StoredResponse response, Instant now, Duration retention) {
        Update completed = new Update()
                .set("state", State.COMPLETED)
                .set("response", response)
                .set("expiresAt", now.plus(retention));
        return mongo.updateFirst(ownClaim(scope, claimId), completed, IdempotencyRecord.class, COLLECTION)
                .map(result -> result.getModifiedCount() == 1);
    }

    /** Gives the key up so that a retry runs the request again. Never removes a completed record. */
    Mono<Boolean> release(Scope scope, String claimId) {
        return mongo.remove(ownClaim(scope, claimId), IdempotencyRecord.class, COLLECTION)
                .map(result -> result.getDeletedCount() == 1);
    }

    private static Query byKey(Scope scope) {
        return query(where("tenant")
                .is(scope.tenant())
                .and("principal")
                .is(scope.principal())
                .and("key")
                .is(scope.key()));
    }

    private static Query ownClaim(Scope scope, String claimId) {
        return byKey(scope)
                .addCriteria(where("claimId").is(claimId).and("state").is(State.IN_PROGRESS));
    }

    /** Unique, not secret: ThreadLocalRandom never blocks, unlike UUID.randomUUID's SecureRandom. */
    private static String newClaimId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Who holds a key after a claim attempt. */
    sealed interface Claim {

        /** This request holds the key and runs; {@code firstClaimedAt} is when the key was first claimed (by a run that may have died). */
        record Ours(String claimId, Instant firstClaimedAt) implements Claim {}

        /** Another request holds it (in progress) or held it (completed). */
        record Theirs(IdempotencyRecord record) implements Claim {}
    }

    /** The key is held by a request still running, or changed hands while we looked: look again shortly. */
    static final class Busy extends RuntimeException {

        private final Instant until;

        Busy(Instant until) {
            super("Idempotency key busy until " + until, null, false, false);
            this.until = until;
        }

        static Busy contended(Instant now) {
            return new Busy(now.plusSeconds(1));
        }

        Instant until() {
            return until;
        }
    }
}
