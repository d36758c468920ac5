package app.thaw.evidence.dashboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.events.ConsumedEvents.CaseOpened;
import app.thaw.evidence.events.ConsumedEvents.CaseTriaged;
import app.thaw.evidence.events.ConsumedEvents.Holder;
import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * What staff call a case on the evidence dashboard — its number and its holder's name — instead of
 * its id. Learnt from case-service's {@code thaw.case.opened} and {@code .triaged} (both carry them);
 * kept apart from the case file, which holds only what the rules need. An event without them changes
 * nothing; a case learnt before they were carried shows its id until its next case event.
 */
public class CaseLabels {

    static final String COLLECTION = "case_labels";

    /** A case's number and holder, either unknown. */
    public record Label(@Nullable String reference, @Nullable String holder) {
    }

    private final ReactiveMongoTemplate mongo;

    public CaseLabels(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> learn(String caseId, String tenantId, @Nullable String reference, @Nullable Holder holder) {
        String name = holder == null || holder.displayName() == null || holder.displayName().isBlank() ? null : holder.displayName().strip();
        if ((reference == null || reference.isBlank()) && name == null) {
            return Mono.empty();
        }
        Update update = new Update().setOnInsert("tenantId", tenantId);
        if (reference != null && !reference.isBlank()) {
            update.set("reference", reference.strip());
        }
        if (name != null) {
            update.set("holder", name);
        }
        // Only for the case's own tenant: an event of another tenant naming the same id labels nothing.
        return mongo.upsert(Query.query(Criteria.where("_id").is(caseId).and("tenantId").is(tenantId)), update, COLLECTION)
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    /** The labels of these cases, by case id (cases with none are absent). */
    public Mono<Map<String, Label>> of(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(caseIds)), Document.class, COLLECTION)
                .collectMap(found -> String.valueOf(found.get("_id")),
                        found -> new Label(found.getString("reference"), found.getString("holder")))
                .map(HashMap::new);
    }

    public Mono<Label> of(String caseId) {
        return of(List.of(caseId)).map(found -> found.getOrDefault(caseId, new Label(null, null)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        CaseLabels caseLabels(ReactiveMongoTemplate mongo) {
            return new CaseLabels(mongo);
        }

        @Bean
        EventHandlers caseLabelEvents(CaseLabels labels) {
            return new EventHandlers(List.of(
                    EventBinding.on(CaseOpened.class, event -> labels.learn(event.data().caseId(), event.tenantId(),
                            event.data().reference(), event.data().holder())),
                    EventBinding.on(CaseTriaged.class, event -> labels.learn(event.data().caseId(), event.tenantId(),
                            event.data().reference(), event.data().holder()))));
        }
    }
}
