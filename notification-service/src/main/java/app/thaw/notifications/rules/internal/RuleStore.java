package app.thaw.notifications.rules.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.rules.Audience;
import app.thaw.notifications.rules.DefaultRules;
import app.thaw.notifications.rules.Rule;
import app.thaw.notifications.rules.RuleService;
import app.thaw.notifications.rules.Target;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The tenants' rules in {@code rules} (id {@code tenant|eventType}), over the defaults. A tenant's rule
 * starts at version 1 (the default is version 0), so editing a default is a write at version 0.
 */
@Service
public class RuleStore implements RuleService {

    static final String COLLECTION = "rules";

    private final ReactiveMongoTemplate mongo;
    private final AuditLog audit;

    public RuleStore(ReactiveMongoTemplate mongo, AuditLog audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    public Mono<Rule> effective(String tenantId, String eventType) {
        return mongo.findById(tenantId + "|" + eventType, Document.class, COLLECTION)
                .map(RuleStore::fromDocument)
                .switchIfEmpty(Mono.defer(() -> Mono.justOrEmpty(DefaultRules.forType(eventType))));
    }

    /** Every rule in force for the tenant: the defaults with the tenant's own in their place, then its rules for other types. */
    public Mono<List<Rule>> all(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).limit(500), Document.class, COLLECTION)
                .map(RuleStore::fromDocument)
                .collectList()
                .map(own -> {
                    Map<String, Rule> merged = new LinkedHashMap<>();
                    DefaultRules.all().forEach(rule -> merged.put(rule.eventType(), rule));
                    own.forEach(rule -> merged.put(rule.eventType(), rule));
                    return List.copyOf(merged.values());
                });
    }

    /** Writes the tenant's rule for an event type at the version read (0 to replace the default). */
    public Mono<Rule> put(
            String tenantId,
            String eventType,
            List<Target> targets,
            boolean urgent,
            boolean enabled,
            long expectedVersion) {
        Document content = new Document("tenantId", tenantId)
                .append("eventType", eventType)
                .append(
                        "targets",
                        targets.stream()
                                .map(target -> new Document(
                                                "audience", target.audience().name())
                                        .append(
                                                "channels",
                                                target.channels().stream()
                                                        .map(Channel::name)
                                                        .sorted()
                                                        .toList()))
                                .toList())
                .append("urgent", urgent)
                .append("enabled", enabled);
        String id = tenantId + "|" + eventType;
        Mono<Document> write = VersionedWrites.put(mongo, COLLECTION, "rule", tenantId, id, expectedVersion, content);
        return write.map(RuleStore::fromDocument)
                .flatMap(rule -> audit.record("rule.changed", "rule", eventType, Map.of("version", rule.version()))
                        .thenReturn(rule));
    }

    static Rule fromDocument(Document document) {
        List<Target> targets = new ArrayList<>();
        for (Document target : document.getList("targets", Document.class, List.of())) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            target.getList("channels", String.class, List.of())
                    .forEach(channel -> channels.add(Channel.valueOf(channel)));
            targets.add(new Target(Audience.valueOf(target.getString("audience")), channels));
        }
        return new Rule(
                document.getString("eventType"),
                targets,
                document.getBoolean("urgent", false),
                document.getBoolean("enabled", true),
                true,
                ((Number) document.get("version")).longValue());
    }
}
