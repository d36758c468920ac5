package app.thaw.evidence.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.events.ConsumedEvents.CaseOpened;
import app.thaw.evidence.events.ConsumedEvents.CaseTriaged;
import app.thaw.evidence.events.ConsumedEvents.Holder;
import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * What staff call a case on the evidence dashboard — its number and its holder's name — instead of
 * its id. Learnt from case-service's {@code thaw.case.opened} and {@code .triaged} (both carry them);
 * kept apart from the case file, which holds only what the rules need. An event without them changes
 * nothing; a case learnt before they were carried shows its id until its next case event.
 */
public interface CaseLabels {

    /** A case's number and holder, either unknown. */
    record Label(@Nullable String reference, @Nullable String holder) {}

    /** Records what a case event of {@code tenantId} says; another tenant's event naming the same id labels nothing. */
    Mono<Void> learn(String caseId, String tenantId, @Nullable String reference, @Nullable String holderName);

    /** The labels of these cases, by case id (cases with none are absent): staff's queue, across tenants. */
    Mono<Map<String, Label>> of(Collection<String> caseIds);

    /** The label of {@code tenantId}'s case (both parts unknown when there is none). */
    Mono<Label> of(String tenantId, String caseId);

    /** Learns labels from case events. */
    @Configuration(proxyBeanMethods = false)
    class Learning {

        @Bean
        EventHandlers caseLabelEvents(CaseLabels labels) {
            return new EventHandlers(List.of(
                    EventBinding.on(
                            CaseOpened.class,
                            event -> labels.learn(
                                    event.data().caseId(),
                                    event.tenantId(),
                                    event.data().reference(),
                                    holderName(event.data().holder()))),
                    EventBinding.on(
                            CaseTriaged.class,
                            event -> labels.learn(
                                    event.data().caseId(),
                                    event.tenantId(),
                                    event.data().reference(),
                                    holderName(event.data().holder())))));
        }

        private static @Nullable String holderName(@Nullable Holder holder) {
            return holder == null ? null : holder.displayName();
        }
    }
}
