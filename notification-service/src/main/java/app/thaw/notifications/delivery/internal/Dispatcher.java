package app.thaw.notifications.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.notifications.delivery.ChannelSender;
import app.thaw.notifications.delivery.DeliveryId;
import app.thaw.notifications.delivery.DeliveryStatus;
import app.thaw.notifications.delivery.DispatchProperties;
import app.thaw.notifications.delivery.DispatchService;
import app.thaw.notifications.delivery.Notification;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.delivery.SendOutcome;
import app.thaw.notifications.events.NotificationEvents;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.recipients.Recipient;
import app.thaw.notifications.recipients.RecipientId;
import app.thaw.notifications.recipients.RecipientKind;
import app.thaw.notifications.recipients.RecipientService;
import app.thaw.notifications.rules.Audience;
import app.thaw.notifications.rules.DefaultRules;
import app.thaw.notifications.rules.Rule;
import app.thaw.notifications.rules.RuleService;
import app.thaw.notifications.rules.Target;
import app.thaw.notifications.settings.SettingsService;
import app.thaw.notifications.settings.TenantSettings;
import app.thaw.notifications.templates.Message;
import app.thaw.notifications.templates.RenderedMessage;
import app.thaw.notifications.templates.TemplateKey;
import app.thaw.notifications.templates.TemplateService;
import app.thaw.notifications.webhooks.DisabledReason;
import app.thaw.notifications.webhooks.RetrySchedule;
import app.thaw.notifications.webhooks.WebhookEndpoint;
import app.thaw.notifications.webhooks.WebhookService;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.plans.QuotaExceeded;
import app.thaw.platform.plans.Quotas;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.store.LeaseClaims;
import app.thaw.platform.tenancy.PartnerLinks;
import app.thaw.platform.timers.Timers;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatch pipeline over the delivery store: a notification, through the tenant's rule, becomes one delivery per
 * recipient (or webhook endpoint) and channel; each is stored under its (event, recipient,
 * channel) id before anything is sent, so the same triple is never delivered twice, even after a
 * restart. {@link #dispatch} completes once they are stored: the first attempts run on the
 * {@link DeliveryWorker} (bounded, with a cap per endpoint, so a slow endpoint holds back only
 * itself), or at the end of quiet hours, and again on the retry schedule, each attempt logged on
 * the delivery. Deliveries left PENDING by a crash are found by {@link #sweep}. The first
 * successful delivery to the client for a case publishes {@code thaw.notification.delivered} with
 * {@code firstForCase}: what closes the golden 15 minutes.
 */
@Service
public class Dispatcher implements DispatchService {

    /** Deliveries of one notification in flight at once (webhooks to several endpoints, several recipients). */
    private static final int FAN_OUT = 16;

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final RuleService rules;
    private final RecipientService recipients;
    private final TemplateService templates;
    private final WebhookService webhooks;
    private final SettingsService settings;
    private final DeliveryStore store;
    private final FirstDeliveries firsts;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Timers timers;
    private final EventOutbox outbox;
    private final Clock clock;
    private final JsonMapper json;
    private final Traceparents traces;
    private final DeliveryWorker worker;
    private final DispatchProperties properties;
    private final PartnerLinks links;
    private final Quotas quotas;

    public Dispatcher(
            RuleService rules,
            RecipientService recipients,
            TemplateService templates,
            WebhookService webhooks,
            SettingsService settings,
            DeliveryStore store,
            FirstDeliveries firsts,
            List<ChannelSender> senders,
            Timers timers,
            EventOutbox outbox,
            Clock clock,
            JsonMapper json,
            Traceparents traces,
            DeliveryWorker worker,
            DispatchProperties properties,
            PartnerLinks links,
            Quotas quotas) {
        this.rules = rules;
        this.recipients = recipients;
        this.templates = templates;
        this.webhooks = webhooks;
        this.settings = settings;
        this.store = store;
        this.firsts = firsts;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.timers = timers;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.traces = traces;
        this.worker = worker;
        this.properties = properties;
        this.links = links;
        this.quotas = quotas;
    }

    /**
     * Plans and stores the notification's deliveries (one bulk insert) and queues their first
     * attempts, or schedules them for the end of quiet hours; completes once they are stored, not sent.
     */
    public Mono<Void> dispatch(Notification notification) {
        Flux<Planned> own = rules.effective(notification.tenantId(), notification.eventType())
                .filter(Rule::enabled)
                .flatMapMany(rule -> plan(notification, rule));
        // The partners' rules and endpoints are read while the tenant's own deliveries are planned (independent
        // reads, each a round trip to the store); the plans come out in the same order as one after the other.
        return Flux.mergeSequential(own, forPartners(notification))
                .map(this::startOf)
                .collectList()
                .flatMapMany(store::createAll)
                .flatMap(this::start, FAN_OUT)
                .then();
    }

    /** Queues the deliveries left PENDING by an instance that stopped before attempting them; how many. */
    public Mono<Long> sweep() {
        return store.stranded(properties.lease(), 500)
                .doOnNext(this::queue)
                .count()
                .doOnNext(found -> {
                    if (found > 0) {
                        log.info("Queued {} delivery(ies) left pending by a stopped instance", found);
                    }
                });
    }

    /** Attempts a delivery that is waiting (deferred, retrying, replayed); nothing if another attempt has it or it is done. */
    public Mono<Void> attempt(String tenantId, String deliveryId) {
        return store.claim(tenantId, deliveryId).flatMap(this::send).then();
    }

    private record Planned(Document document, @Nullable Recipient recipient, boolean urgent) {}

    /**
     * Reads of one plan in flight at once (audiences, templates, endpoints): each is a round trip to the store, and
     * none depends on another. Their plans are kept in the order the targets, recipients and channels list them.
     */
    private static final int PLAN_READS = 8;

    private Flux<Planned> plan(Notification notification, Rule rule) {
        boolean urgent = rule.urgent() || notification.urgent();
        // Several audiences read the same recipients (STAFF, SUPERVISOR and OWNER all read the tenant's staff): one
        // read of each kind serves the whole plan.
        Map<RecipientKind, Flux<Recipient>> ofKind = new EnumMap<>(RecipientKind.class);
        Flux<Planned> toRecipients = Flux.fromIterable(rule.targets())
                // A webhook goes to the tenant's endpoints, never to a recipient: a webhook-only target needs no
                // audience read.
                .filter(target -> target.channels().stream().anyMatch(channel -> channel != Channel.WEBHOOK))
                .flatMapSequential(
                        target -> audience(notification, target.audience(), ofKind)
                                .flatMapSequential(
                                        recipient -> Flux.fromIterable(target.channels())
                                                .filter(recipient::reachableBy)
                                                .flatMapSequential(
                                                        channel ->
                                                                forRecipient(notification, recipient, channel, urgent),
                                                        PLAN_READS),
                                        PLAN_READS),
                        PLAN_READS);
        boolean toWebhooks =
                rule.targets().stream().map(Target::channels).anyMatch(channels -> channels.contains(Channel.WEBHOOK));
        Flux<Planned> toEndpoints = toWebhooks
                ? Mono.fromSupplier(() -> webhookBody(notification, null))
                        .flatMapMany(body -> webhooks.forEvent(notification.tenantId(), notification.eventType())
                                .map(endpoint -> forEndpoint(notification, endpoint, body, urgent)))
                : Flux.empty();
        Set<String> seen = new java.util.HashSet<>();
        return Flux.mergeSequential(toRecipients, toEndpoints)
                .filter(planned -> seen.add(planned.document().getString("_id")));
    }

    /**
     * A partner bank the case's tenant has linked hears of the case as the merchant does (ADR 61):
     * by the bank's own rule for the event, on its webhook endpoints (the body names the merchant)
     * and in its tenant-wide inbox. Each delivery is the bank's (its log, its endpoints, its retries)
     * and names the merchant in {@code onBehalfOfTenant}. A restricted (COMPLIANCE_HOLD) case reaches
     * no partner, as a link gives no one a restricted case; neither does anything not about a case.
     */
    private Flux<Planned> forPartners(Notification notification) {
        if (notification.caseId() == null || notification.restricted()) {
            return Flux.empty();
        }
        return links.partnersOf(notification.tenantId())
                .filter(partner -> !partner.equals(notification.tenantId()))
                .concatMap(partner -> rules.effective(partner, notification.eventType())
                        .filter(Rule::enabled)
                        .flatMapMany(rule -> planForPartner(notification, partner, rule)));
    }

    private Flux<Planned> planForPartner(Notification notification, String partner, Rule rule) {
        boolean urgent = rule.urgent() || notification.urgent();
        Notification told = notification.inTenant(partner);
        Set<Channel> channels = new java.util.HashSet<>();
        rule.targets().forEach(target -> channels.addAll(target.channels()));
        Flux<Planned> inbox = channels.contains(Channel.IN_APP)
                ? settings.forTenant(partner)
                        .flatMapMany(tenantSettings -> forRecipient(
                                told,
                                Recipient.partnerInbox(partner, tenantSettings.language(), tenantSettings.timeZone()),
                                Channel.IN_APP,
                                urgent))
                : Flux.empty();
        Flux<Planned> endpoints = channels.contains(Channel.WEBHOOK)
                ? Mono.fromSupplier(() -> webhookBody(notification, notification.tenantId()))
                        .flatMapMany(body -> webhooks.forEvent(partner, notification.eventType())
                                .map(endpoint -> forEndpoint(told, endpoint, body, urgent)))
                : Flux.empty();
        return Flux.concat(inbox, endpoints)
                .doOnNext(planned -> planned.document().append(ON_BEHALF_OF, notification.tenantId()));
    }

    private Flux<Recipient> audience(
            Notification notification, Audience audience, Map<RecipientKind, Flux<Recipient>> read) {
        String tenant = notification.tenantId();
        java.util.function.Function<RecipientKind, Flux<Recipient>> ofKind = kind -> {
            synchronized (read) {
                return read.computeIfAbsent(
                        kind, k -> recipients.ofKind(tenant, k).cache());
            }
        };
        return switch (audience) {
            // No client registered: the tenant-wide inbox, so the golden 15 minutes can still be met.
            case CLIENT ->
                ofKind.apply(RecipientKind.CLIENT)
                        .switchIfEmpty(settings.forTenant(tenant)
                                .map(tenantSettings -> Recipient.tenantInbox(
                                        tenant, tenantSettings.language(), tenantSettings.timeZone())));
            case STAFF -> ofKind.apply(RecipientKind.STAFF);
            case SUPERVISOR ->
                ofKind.apply(RecipientKind.STAFF).filter(staff -> staff.hasRole(ThawRoles.STAFF_SUPERVISOR));
            case OWNER -> {
                Notification.Owner owner = notification.owner();
                yield owner == null
                        ? Flux.empty()
                        : ofKind.apply(RecipientKind.STAFF)
                                .filter(staff -> owner.userId() != null
                                        ? owner.userId().equals(staff.userId())
                                        : owner.role() != null && staff.hasRole(owner.role()));
            }
        };
    }

    private Mono<Planned> forRecipient(
            Notification notification, Recipient recipient, Channel channel, boolean urgent) {
        boolean restrictedToHolder = notification.restricted() && recipient.kind() == RecipientKind.CLIENT;
        // The tenant-wide inbox is no person to greet: the message speaks to the holder it is about.
        String holderName = notification.facts().holderName();
        Message toRender = new Message(
                new TemplateKey(notification.eventType(), channel, recipient.language()),
                notification.facts(),
                notification.caseId(),
                notification.reference(),
                recipient.id().equals(RecipientId.TENANT_INBOX) && holderName != null ? holderName : recipient.name(),
                recipient.timeZone(),
                urgent);
        return templates
                .render(notification.tenantId(), toRender, restrictedToHolder)
                .map(message -> Boolean.TRUE.equals(notification.facts().drill())
                        ? asDrill(message, recipient.language())
                        : message)
                .map(message -> new Planned(
                        delivery(
                                notification,
                                DeliveryId.of(
                                        notification.eventId(), recipient.id().value(), channel),
                                channel,
                                recipient.id().value(),
                                recipient.kind(),
                                recipient.name(),
                                recipient.address(channel),
                                recipient.language(),
                                message,
                                null,
                                urgent),
                        recipient,
                        urgent));
    }

    /** A drill runs the real notifications to real recipients (docs/domain.md §11), so each says it is one. */
    static RenderedMessage asDrill(RenderedMessage message, Language language) {
        String mark = language == Language.ZH_CN ? "【演练】" : "[DRILL] ";
        return new RenderedMessage(
                message.subject() == null ? null : mark + message.subject(),
                mark + message.text(),
                message.html() == null ? null : "<p><strong>" + mark.strip() + "</strong></p>" + message.html());
    }

    /**
     * The webhook payload of a notification: one for all the tenant's endpoints; a partner bank's
     * names the merchant it is about ({@code merchantTenantId}).
     */
    private String webhookBody(Notification notification, @Nullable String merchantTenantId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", notification.eventType());
        if (merchantTenantId != null) {
            payload.put("merchantTenantId", merchantTenantId);
        }
        payload.put("timestamp", clock.instant().toString());
        if (notification.sequence() != null) {
            // Deliveries are retried independently and may arrive out of order: partners order by this.
            payload.put("sequence", notification.sequence());
        }
        // The tenant's systems may pass a webhook on to the holder: a restricted case's reason stays out of it.
        payload.put("data", notification.restricted() ? restrictedData(notification) : notification.model());
        return json.writeValueAsString(payload);
    }

    private Planned forEndpoint(Notification notification, WebhookEndpoint endpoint, String body, boolean urgent) {
        return new Planned(
                delivery(
                        notification,
                        DeliveryId.of(notification.eventId(), endpoint.id(), Channel.WEBHOOK),
                        Channel.WEBHOOK,
                        endpoint.id(),
                        RecipientKind.CLIENT,
                        endpoint.url().toString(),
                        endpoint.id(),
                        Language.FALLBACK,
                        null,
                        body,
                        urgent),
                null,
                urgent);
    }

    private static Map<String, Object> restrictedData(Notification notification) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (notification.caseId() != null) {
            data.put("caseId", notification.caseId());
        }
        data.put("restricted", true);
        data.put(
                "notice",
                "Your account is temporarily unavailable per notice from the competent authority; "
                        + "please await the official announcement.");
        return data;
    }

    private Document delivery(
            Notification notification,
            DeliveryId id,
            Channel channel,
            String target,
            RecipientKind kind,
            String name,
            @Nullable String address,
            Language language,
            @Nullable RenderedMessage message,
            @Nullable String body,
            boolean urgent) {
        Date now = Date.from(clock.instant());
        return new Document("_id", id.value())
                .append("tenantId", notification.tenantId())
                .append("eventId", notification.eventId())
                .append("eventType", notification.eventType())
                .append("caseId", notification.caseId())
                .append("channel", channel.name())
                .append("target", target)
                .append("recipientKind", kind.name())
                .append("recipientName", name)
                .append("address", address)
                .append("language", language.tag())
                .append("subject", message == null ? null : message.subject())
                .append("text", message == null ? null : message.text())
                .append("html", message == null ? null : message.html())
                .append("body", body)
                .append("urgent", urgent)
                .append("restricted", notification.restricted())
                .append("status", DeliveryStatus.PENDING.name())
                .append("attempts", 0)
                .append("createdAt", now)
                .append("updatedAt", now)
                .append("traceparent", notification.traceparent());
    }

    /** A new delivery waits for the end of quiet hours (DEFERRED), or is this instance's to attempt for the lease (PENDING). */
    private Document startOf(Planned planned) {
        Document delivery = planned.document();
        Instant now = clock.instant();
        Channel channel = Channel.valueOf(delivery.getString("channel"));
        var until = planned.recipient() == null
                ? java.util.Optional.<Instant>empty()
                : planned.recipient().deferredUntil(now, channel, planned.urgent());
        if (until.isPresent()) {
            return delivery.append("status", DeliveryStatus.DEFERRED.name())
                    .append("nextAttemptAt", Date.from(until.get()));
        }
        return delivery.append(LeaseClaims.LEASE_UNTIL, Date.from(now.plus(properties.lease())));
    }

    private Mono<Void> start(Document delivery) {
        String id = delivery.getString("_id");
        if (DeliveryStatus.DEFERRED.name().equals(delivery.getString("status"))) {
            return timers.schedule(
                    timerKey(id),
                    DELIVERY_TIMER,
                    delivery.getString("tenantId"),
                    delivery.getDate("nextAttemptAt").toInstant(),
                    Map.of("deliveryId", id));
        }
        queue(delivery);
        return Mono.empty();
    }

    /** Queues the first attempt of a PENDING delivery as stored (this instance stored it or its sweep just took it over). */
    private void queue(Document delivery) {
        // Nothing to attempt (another attempt has it, or it is done) tells nothing about the target.
        worker.submit(
                target(delivery),
                () -> store.claimQueued(delivery).flatMap(this::send).defaultIfEmpty(true));
    }

    /** Attempts share slots by target: each webhook endpoint on its own, each other channel's provider on its own. */
    private static String target(Document delivery) {
        String channel = delivery.getString("channel");
        return Channel.WEBHOOK.name().equals(channel) ? "webhook:" + delivery.getString("target") : channel;
    }

    /**
     * One attempt of a claimed delivery, logged with its outcome; whether it succeeded. A partner
     * bank's delivery goes out only while the merchant's link stands: one planned before the merchant
     * revoked it (a retry, a deferred one, a replay) fails without being sent.
     */
    private Mono<Boolean> send(Document delivery) {
        String merchant = delivery.getString(ON_BEHALF_OF);
        if (merchant == null) {
            return attemptNow(delivery);
        }
        return links.linked(merchant, delivery.getString("tenantId"))
                .flatMap(linked -> linked
                        ? attemptNow(delivery)
                        : store.markFailed(
                                        delivery.getString("_id"),
                                        DeliveryStore.attempt(
                                                delivery,
                                                SendOutcome.failure(
                                                        "thaw",
                                                        "not sent: " + merchant
                                                                + " revoked its link to this partner bank"),
                                                clock.instant(),
                                                0))
                                // Nothing was sent: this says nothing about the endpoint.
                                .thenReturn(true));
    }

    /**
     * A text message's first attempt takes one of the plan's monthly {@code sms} (ADR 62); past the
     * quota it fails unsent, the problem's words in the delivery log (an event has no one to answer 429 to).
     */
    private Mono<Boolean> attemptNow(Document delivery) {
        if (!Channel.SMS.name().equals(delivery.getString("channel")) || delivery.getInteger("attempts", 1) != 1) {
            return sendNow(delivery);
        }
        return quotas.consume(delivery.getString("tenantId"), SMS_QUOTA, 1)
                .then(Mono.defer(() -> sendNow(delivery)))
                .onErrorResume(
                        QuotaExceeded.class,
                        refused -> store.markFailed(
                                        delivery.getString("_id"),
                                        DeliveryStore.attempt(
                                                delivery,
                                                SendOutcome.failure(
                                                        "thaw",
                                                        "not sent: " + QuotaExceeded.CODE + ": "
                                                                + refused.getMessage()),
                                                clock.instant(),
                                                0))
                                .thenReturn(true));
    }

    private Mono<Boolean> sendNow(Document delivery) {
        Channel channel = Channel.valueOf(delivery.getString("channel"));
        ChannelSender sender = senders.get(channel);
        String subject = delivery.getString("subject");
        String text = delivery.getString("text");
        OutgoingMessage message = new OutgoingMessage(
                new DeliveryId(delivery.getString("_id")),
                delivery.getString("tenantId"),
                channel,
                delivery.getString("address"),
                delivery.getString("target"),
                delivery.getString("recipientName"),
                text == null ? null : new RenderedMessage(subject, text, delivery.getString("html")),
                delivery.getString("body"),
                delivery.getString("eventType"),
                delivery.getInteger("attempts", 1));
        long started = System.nanoTime();
        Mono<SendOutcome> sent = sender == null
                ? Mono.just(SendOutcome.failure(channel.name(), "no sender for this channel"))
                : sender.send(message)
                        .onErrorResume(failure -> Mono.just(SendOutcome.failure(
                                channel.name(), failure.getClass().getSimpleName() + ": " + failure.getMessage())));
        return sent.flatMap(outcome -> {
            Instant at = clock.instant();
            long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
            Document attempt = DeliveryStore.attempt(delivery, outcome, at, latency);
            return (outcome.succeeded() ? delivered(delivery, attempt, at) : failed(delivery, outcome, attempt, at))
                    .thenReturn(outcome.succeeded());
        });
    }

    private Mono<Void> delivered(Document delivery, Document attempt, Instant at) {
        String id = delivery.getString("_id");
        String tenant = delivery.getString("tenantId");
        String caseId = delivery.getString("caseId");
        if (caseId == null || delivery.getString(ON_BEHALF_OF) != null) {
            // A partner bank's delivery is not the merchant's client told: no golden 15 minutes, no event.
            return store.markDelivered(id, at, attempt, List.of());
        }
        boolean client = RecipientKind.CLIENT.name().equals(delivery.getString("recipientKind"));
        Mono<FirstDeliveries.Claim> claim = client
                ? firsts.claim(
                        tenant, caseId, id, delivery.getString("channel"), at, deliveredEvent(delivery, at, true))
                : Mono.just(FirstDeliveries.Claim.NOT_FIRST);
        return claim.flatMap(first -> {
            List<ThawEvent> events =
                    first == FirstDeliveries.Claim.NOT_FIRST ? List.of(deliveredEvent(delivery, at, false)) : List.of();
            if (first == FirstDeliveries.Claim.FIRST) {
                log.info(
                        "First delivery to the client of case {} (tenant {}): {} at {}",
                        caseId,
                        tenant,
                        delivery.getString("channel"),
                        at);
            }
            return store.markDelivered(id, at, attempt, events)
                    .then(
                            events.isEmpty()
                                    ? Mono.empty()
                                    : outbox.release(DeliveryStore.DELIVERIES, id)
                                            .then());
        });
    }

    private ThawEvent deliveredEvent(Document delivery, Instant at, boolean firstForCase) {
        // One event per delivery (its id is the subject): no sequence to keep.
        return ThawEvent.of(
                SOURCE,
                delivery.getString("_id"),
                delivery.getString("tenantId"),
                at,
                null,
                traces.currentOr(delivery.getString("traceparent")),
                new NotificationEvents.Delivered(
                        delivery.getString("caseId"),
                        delivery.getString("eventType"),
                        delivery.getString("channel"),
                        delivery.getString("recipientKind"),
                        at,
                        firstForCase));
    }

    private Mono<Void> failed(Document delivery, SendOutcome outcome, Document attempt, Instant at) {
        String id = delivery.getString("_id");
        String tenant = delivery.getString("tenantId");
        boolean webhook = Channel.WEBHOOK.name().equals(delivery.getString("channel"));
        String endpointId = delivery.getString("target");
        Mono<Boolean> endpointDisabled = !(webhook && outcome.gone())
                ? Mono.just(false)
                : webhooks.disable(tenant, endpointId, DisabledReason.GONE.sentence())
                        .flatMap(now -> now
                                ? tellTenant(
                                                tenant,
                                                endpointId,
                                                delivery.getString("recipientName"),
                                                DisabledReason.GONE,
                                                null)
                                        .thenReturn(true)
                                : Mono.just(true));
        return settings.forTenant(tenant).flatMap(tenantSettings -> {
            Mono<Boolean> disabled = webhook && !outcome.gone()
                    ? webhooks.recordFailure(tenant, endpointId, at, tenantSettings.disableAfter())
                            .flatMap(now -> now
                                    ? tellTenant(
                                                    tenant,
                                                    endpointId,
                                                    delivery.getString("recipientName"),
                                                    DisabledReason.FAILING,
                                                    tenantSettings
                                                            .disableAfter()
                                                            .toDays())
                                            .thenReturn(true)
                                    : Mono.just(false))
                    : Mono.just(false);
            return Mono.zip(endpointDisabled.defaultIfEmpty(false), disabled.defaultIfEmpty(false))
                    .flatMap(stop -> retryOrGiveUp(
                            delivery,
                            outcome,
                            attempt,
                            at,
                            tenantSettings,
                            outcome.gone() || stop.getT1() || stop.getT2()));
        });
    }

    private Mono<Void> retryOrGiveUp(
            Document delivery,
            SendOutcome outcome,
            Document attempt,
            Instant at,
            TenantSettings tenantSettings,
            boolean stop) {
        String id = delivery.getString("_id");
        var next = stop
                ? java.util.Optional.<Instant>empty()
                : new RetrySchedule(tenantSettings.retrySchedule())
                        .next(delivery.getInteger("attempts", 1), at, outcome.retryAfter());
        if (next.isEmpty()) {
            return store.markFailed(id, attempt);
        }
        return store.markRetrying(id, next.get(), attempt)
                .then(timers.schedule(
                        timerKey(id),
                        DELIVERY_TIMER,
                        delivery.getString("tenantId"),
                        next.get(),
                        Map.of("deliveryId", id)));
    }

    /**
     * Tells the tenant an endpoint was disabled: the rule for {@code thaw.webhook.endpoint_disabled} says whom and
     * how. The reason travels as its code ({@code disabledReason}, with {@code days} for a failing endpoint), which
     * each recipient's message words in its language ({@code disabledReasonText}, MessageFacts); {@code reason}
     * keeps the English sentence the endpoint stores, for templates written before.
     */
    private Mono<Void> tellTenant(
            String tenant, String endpointId, String url, DisabledReason reason, @Nullable Long days) {
        Instant now = clock.instant();
        return dispatch(new Notification(
                "webhook-disabled:" + endpointId + ":" + now.toEpochMilli(),
                tenant,
                DefaultRules.WEBHOOK_DISABLED,
                null,
                false,
                false,
                new EndpointDisabled(
                        endpointId, url, days == null ? reason.sentence() : reason.sentence(days), reason.name(), days),
                null));
    }

    /** Replays a delivery on request (webhook replay): a new attempt now, whatever the earlier outcome. */
    public Mono<Boolean> replay(String tenantId, String deliveryId) {
        return store.reopen(tenantId, deliveryId)
                .flatMap(reopened -> timers.cancel(timerKey(deliveryId))
                        .then(attempt(tenantId, deliveryId))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    static String timerKey(String deliveryId) {
        return "delivery:" + deliveryId;
    }
}
