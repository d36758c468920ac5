package app.thaw.notifications.webhooks.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.notifications.webhooks.AddressGuard;
import app.thaw.notifications.webhooks.DisabledReason;
import app.thaw.notifications.webhooks.WebhookEndpoint;
import app.thaw.notifications.webhooks.WebhookProperties;
import app.thaw.notifications.webhooks.WebhookSecret;
import app.thaw.notifications.webhooks.WebhookService;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.plans.Quotas;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tenants' webhook endpoints in {@code webhook_endpoints}, their signing secrets sealed. A tenant's webhook endpoints: registered behind the address guard, rotated, disabled when they
 * keep failing. Sending reads an endpoint once per {@code endpoint-reuse} (1 s) rather than once per
 * message, and planning a notification reads the tenant's enabled endpoints once per reuse time
 * rather than once per event: under load most events and sends find them just read. Every change
 * made here drops those copies at once; a change made through another instance (a new endpoint
 * too) is seen within the reuse time.
 */
@Service
public class WebhookStore implements WebhookService, IndexedStore {

    public static final String COLLECTION = "webhook_endpoints";
    /** A stored secret, sealed for its endpoint ({@link SecretSeal}). */
    public static final String SEALED = "sealed";
    /** A stored secret in clear: how secrets were stored before they were sealed; read, and sealed at start. */
    public static final String IN_CLEAR = "value";

    private static final Logger log = LoggerFactory.getLogger(WebhookStore.class);

    private final ReactiveMongoTemplate mongo;
    private final Quotas quotas;
    private final AuditLog audit;
    private final Clock clock;
    private final AddressGuard guard;
    private final WebhookProperties properties;
    /** Signing secrets are stored sealed, never in clear. */
    private final SecretSeal seal;
    /** Endpoints as read for sending, by tenant and id; only found endpoints are kept. */
    private final AsyncCache<String, WebhookEndpoint> forSending;
    /** The tenant's enabled endpoints as read for planning (every event type), by tenant. */
    private final AsyncCache<String, List<WebhookEndpoint>> enabledForPlanning;

    public WebhookStore(
            ReactiveMongoTemplate mongo,
            AuditLog audit,
            Clock clock,
            AddressGuard guard,
            WebhookProperties properties,
            SecretSeal seal,
            Quotas quotas) {
        this.mongo = mongo;
        this.quotas = quotas;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
        this.guard = guard;
        this.properties = properties;
        this.forSending = Caffeine.newBuilder()
                .expireAfterWrite(properties.endpointReuse())
                .maximumSize(10_000)
                .buildAsync();
        this.enabledForPlanning = Caffeine.newBuilder()
                .expireAfterWrite(properties.endpointReuse())
                .maximumSize(10_000)
                .buildAsync();
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("enabled", Sort.Direction.ASC))
                .then();
    }

    /** Checks a URL against the address guard; name resolution blocks, so it runs on the bounded elastic scheduler. */
    public Mono<URI> checked(URI url) {
        return Mono.fromCallable(() -> {
                    guard.check(url);
                    return url;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Registers an endpoint. With an {@code Idempotency-Key} its id derives from the key (ADR 54, 56): a
     * request run again after its instance died between the insert and the key's completion finds
     * the endpoint the first run made (in the caller's tenant) and answers with it, secret included,
     * to the same principal, instead of registering a second one.
     */
    public Mono<WebhookEndpoint> register(
            String tenantId, URI url, List<String> eventTypes, @Nullable WebhookSecret secret) {
        return IdempotentEffects.once(
                "webhook-endpoint",
                () -> endpointId(UUID.randomUUID()),
                key -> endpointId(key.uuid("webhook-endpoint")),
                id -> mongo.findOne(
                                Query.query(Criteria.where("_id")
                                        .is(id)
                                        .and("tenantId")
                                        .is(tenantId)),
                                Document.class,
                                COLLECTION)
                        .map(this::fromDocument),
                id -> {
                    WebhookEndpoint endpoint = new WebhookEndpoint(
                            id,
                            tenantId,
                            url,
                            eventTypes,
                            List.of(secret == null ? WebhookSecret.generate() : secret),
                            true,
                            null,
                            null,
                            0);
                    // The plan's monthly quota of endpoints registered (ADR 62): 429 quota_exceeded past it, given back
                    // if the insert fails.
                    return checked(url)
                            .then(quotas.consume(tenantId, WEBHOOK_ENDPOINTS_QUOTA, 1))
                            .then(mongo.insert(toDocument(endpoint), COLLECTION)
                                    .onErrorResume(failure -> quotas.release(tenantId, WEBHOOK_ENDPOINTS_QUOTA, 1)
                                            .then(Mono.error(failure))))
                            .map(this::fromDocument)
                            .doOnNext(saved -> changed(tenantId, saved.id()))
                            .flatMap(saved -> audit.record(
                                            "webhook.registered",
                                            "webhook_endpoint",
                                            saved.id(),
                                            Map.of("url", saved.url().toString()))
                                    .thenReturn(saved));
                });
    }

    private static String endpointId(UUID uuid) {
        return "wh_" + uuid.toString().replace("-", "");
    }

    public Mono<WebhookEndpoint> get(String tenantId, String id) {
        return VersionedWrites.get(mongo, COLLECTION, "webhook endpoint", tenantId, id)
                .map(this::fromDocument);
    }

    public Mono<CursorPage<WebhookEndpoint>> list(String tenantId, CursorPage.Request page) {
        return mongo.find(page.query(Criteria.where("tenantId").is(tenantId)), Document.class, COLLECTION)
                .map(this::fromDocument)
                .collectList()
                .map(found -> page.page(found, WebhookEndpoint::id));
    }

    /** Endpoints that are disabled or have failed since their last success, at most {@code limit}. */
    public reactor.core.publisher.Flux<WebhookEndpoint> failing(String tenantId, int limit) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                        .is(tenantId)
                                        .orOperator(
                                                Criteria.where("enabled").is(false),
                                                Criteria.where("failingSince").ne(null)))
                                .with(org.springframework.data.domain.Sort.by("_id"))
                                .limit(limit),
                        Document.class,
                        COLLECTION)
                .map(this::fromDocument);
    }

    /** Changes URL, types or the enabled flag at the version read; enabling again forgets past failures. */
    public Mono<WebhookEndpoint> update(
            String tenantId, String id, long expectedVersion, URI url, List<String> eventTypes, boolean enabled) {
        Update update = new Update()
                .set("url", url.toString())
                .set("eventTypes", eventTypes)
                .set("enabled", enabled);
        if (enabled) {
            update.unset("disabledReason").unset("failingSince");
        } else {
            update.set("disabledReason", DisabledReason.BY_TENANT.sentence());
        }
        return checked(url)
                .then(VersionedWrites.update(
                        mongo, COLLECTION, "webhook endpoint", tenantId, id, expectedVersion, update))
                .doOnNext(saved -> changed(tenantId, id))
                .map(this::fromDocument)
                .flatMap(saved -> audit.record("webhook.changed", "webhook_endpoint", id, Map.of("enabled", enabled))
                        .thenReturn(saved));
    }

    /** A new secret; the ones before it keep signing for {@code overlap}, so receivers can switch without losing messages. */
    public Mono<WebhookEndpoint> rotate(String tenantId, String id, long expectedVersion, Duration overlap) {
        Instant now = clock.instant();
        return get(tenantId, id)
                .flatMap(endpoint -> {
                    List<WebhookSecret> secrets = new ArrayList<>();
                    for (WebhookSecret secret : endpoint.secrets()) {
                        if (secret.activeAt(now)) {
                            secrets.add(secret.expiresAt() == null ? secret.expiringAt(now.plus(overlap)) : secret);
                        }
                    }
                    secrets.add(WebhookSecret.generate());
                    return VersionedWrites.update(
                            mongo,
                            COLLECTION,
                            "webhook endpoint",
                            tenantId,
                            id,
                            expectedVersion,
                            new Update().set("secrets", secretDocuments(tenantId, id, secrets)));
                })
                .doOnNext(saved -> changed(tenantId, id))
                .map(this::fromDocument)
                .flatMap(saved -> audit.record("webhook.secret_rotated", "webhook_endpoint", id, Map.of())
                        .thenReturn(saved));
    }

    public Mono<Void> remove(String tenantId, String id) {
        return mongo.remove(
                        Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), COLLECTION)
                .doOnNext(result -> changed(tenantId, id))
                .flatMap(result -> result.getDeletedCount() == 0
                        ? Mono.error(new app.thaw.platform.problem.NotFound("webhook endpoint", id))
                        : audit.record("webhook.removed", "webhook_endpoint", id, Map.of()));
    }

    /** The tenant's enabled endpoints that receive {@code eventType}. */
    public Flux<WebhookEndpoint> forEvent(String tenantId, String eventType) {
        Mono<List<WebhookEndpoint>> read = mongo.find(
                        Query.query(Criteria.where("tenantId")
                                        .is(tenantId)
                                        .and("enabled")
                                        .is(true))
                                .limit(properties.maxEndpointsPerEvent()),
                        Document.class,
                        COLLECTION)
                .map(this::fromDocument)
                .collectList();
        // One read serves every event planned meanwhile (on the embedded store it is a scan of every tenant's
        // endpoints).
        Mono<List<WebhookEndpoint>> enabled = properties.endpointReuse().isZero()
                ? read
                : Mono.fromFuture(() -> enabledForPlanning.get(tenantId, (key, executor) -> read.toFuture()), true);
        return enabled.flatMapIterable(endpoints -> endpoints).filter(endpoint -> endpoint.wants(eventType));
    }

    /** Loads an endpoint for sending (no caller: the pipeline acts for the tenant). */
    public Mono<WebhookEndpoint> forSending(String tenantId, String id) {
        Mono<WebhookEndpoint> read = mongo.findOne(
                        Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)),
                        Document.class,
                        COLLECTION)
                .map(this::fromDocument);
        if (properties.endpointReuse().isZero()) {
            return read;
        }
        // One read serves every send asking meanwhile; an endpoint not found (null) is not kept.
        return Mono.fromFuture(() -> forSending.get(key(tenantId, id), (key, executor) -> read.toFuture()), true);
    }

    /** Forgets the copies kept for sending and planning: the next send and the next event read the endpoints as changed. */
    private void changed(String tenantId, String id) {
        forSending.synchronous().invalidate(key(tenantId, id));
        enabledForPlanning.synchronous().invalidate(tenantId);
    }

    private static String key(String tenantId, String id) {
        return tenantId + "/" + id;
    }

    public Mono<Void> recordSuccess(String tenantId, String id) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(id)
                                .and("tenantId")
                                .is(tenantId)
                                .and("failingSince")
                                .ne(null)),
                        new Update().unset("failingSince"),
                        COLLECTION)
                .doOnNext(result -> changed(tenantId, id))
                .then();
    }

    /**
     * Notes a failure; true when it disabled the endpoint now because it has failed for
     * {@code disableAfter} without a success in between.
     */
    public Mono<Boolean> recordFailure(String tenantId, String id, Instant failedAt, Duration disableAfter) {
        Query endpoint =
                Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
        Query firstFailure = Query.query(Criteria.where("_id")
                .is(id)
                .and("tenantId")
                .is(tenantId)
                .and("failingSince")
                .is(null));
        return mongo.updateFirst(firstFailure, new Update().set("failingSince", Date.from(failedAt)), COLLECTION)
                .doOnNext(result -> changed(tenantId, id))
                .then(mongo.findOne(endpoint, Document.class, COLLECTION))
                .map(this::fromDocument)
                .flatMap(found -> found.enabled()
                                && found.failingSince() != null
                                && !failedAt.isBefore(found.failingSince().plus(disableAfter))
                        ? disable(tenantId, id, DisabledReason.FAILING.sentence(disableAfter.toDays()))
                        : Mono.just(false));
    }

    /** Disables the endpoint; true if this call did it (it was enabled). */
    public Mono<Boolean> disable(String tenantId, String id, String reason) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(id)
                                .and("tenantId")
                                .is(tenantId)
                                .and("enabled")
                                .is(true)),
                        new Update()
                                .set("enabled", false)
                                .set("disabledReason", reason)
                                .inc("version", 1),
                        COLLECTION)
                .doOnNext(result -> changed(tenantId, id))
                .map(result -> result.getModifiedCount() > 0)
                .flatMap(changed -> changed
                        ? audit.recordSystem(
                                        tenantId, "webhook.disabled", "webhook_endpoint", id, Map.of("reason", reason))
                                .thenReturn(true)
                        : Mono.just(false));
    }

    private Document toDocument(WebhookEndpoint endpoint) {
        return new Document("_id", endpoint.id())
                .append("tenantId", endpoint.tenantId())
                .append("url", endpoint.url().toString())
                .append("eventTypes", endpoint.eventTypes())
                .append("secrets", secretDocuments(endpoint.tenantId(), endpoint.id(), endpoint.secrets()))
                .append("enabled", endpoint.enabled())
                .append("disabledReason", endpoint.disabledReason())
                .append("failingSince", endpoint.failingSince() == null ? null : Date.from(endpoint.failingSince()))
                .append("version", endpoint.version());
    }

    /** The secrets as stored: each sealed for its endpoint ({@code sealed}), with when it stops signing. */
    private List<Document> secretDocuments(String tenantId, String endpointId, List<WebhookSecret> secrets) {
        return secrets.stream()
                .map(secret -> new Document(SEALED, seal.seal(tenantId, endpointId, secret.value()))
                        .append("expiresAt", secret.expiresAt() == null ? null : Date.from(secret.expiresAt())))
                .toList();
    }

    private WebhookEndpoint fromDocument(Document document) {
        String tenantId = document.getString("tenantId");
        String id = document.getString("_id");
        List<WebhookSecret> secrets = document.getList("secrets", Document.class, List.of()).stream()
                .map(secret -> new WebhookSecret(
                        secret.containsKey(SEALED)
                                ? seal.open(tenantId, id, secret.getString(SEALED))
                                : secret.getString(IN_CLEAR),
                        secret.getDate("expiresAt") == null
                                ? null
                                : secret.getDate("expiresAt").toInstant()))
                .toList();
        Date failingSince = document.getDate("failingSince");
        return new WebhookEndpoint(
                id,
                tenantId,
                URI.create(document.getString("url")),
                document.getList("eventTypes", String.class, List.of()),
                secrets,
                document.getBoolean("enabled", true),
                document.getString("disabledReason"),
                failingSince == null ? null : failingSince.toInstant(),
                ((Number) document.get("version")).longValue());
    }

    /**
     * Seals the secrets stored in clear before secrets were sealed (field {@code value}); each
     * endpoint is rewritten only if unchanged since it was read (its version is kept: nothing a
     * client holds goes stale), so a concurrent change wins and the next start seals what is left.
     * Runs at start; answers how many endpoints it sealed.
     */
    public Mono<Long> sealSecretsStoredInClear() {
        return mongo.find(Query.query(Criteria.where("secrets." + IN_CLEAR).exists(true)), Document.class, COLLECTION)
                .concatMap(stored -> {
                    WebhookEndpoint endpoint = fromDocument(stored);
                    return mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(endpoint.id())
                                            .and("version")
                                            .is(stored.get("version"))),
                                    new Update()
                                            .set(
                                                    "secrets",
                                                    secretDocuments(
                                                            endpoint.tenantId(), endpoint.id(), endpoint.secrets())),
                                    COLLECTION)
                            .doOnNext(result -> changed(endpoint.tenantId(), endpoint.id()));
                })
                .filter(result -> result.getModifiedCount() > 0)
                .count();
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealAtStart() {
        sealSecretsStoredInClear()
                .subscribe(
                        sealedCount -> {
                            if (sealedCount > 0) {
                                log.info(
                                        "Sealed the signing secrets of {} webhook endpoint(s) stored in clear",
                                        sealedCount);
                            }
                        },
                        failure -> log.warn(
                                "Could not seal the webhook secrets stored in clear; the next start tries again",
                                failure));
    }
}
