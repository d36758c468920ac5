package app.thaw.notifications.rules.internal;

import java.util.List;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.rules.DefaultRules;
import app.thaw.notifications.rules.Rule;
import app.thaw.notifications.rules.RuleService;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** A rule is read by an id that starts with the tenant: another tenant's rule never applies, the default does. */
class RuleStoreTests extends NotificationsTestBase {

    @Autowired
    RuleService rules;

    @Test
    void anotherTenantsRuleIsNotFoundItsOwnDefaultApplies() {
        String theirs = newTenant();
        mongo.insert(
                        new Document("_id", theirs + "|" + DefaultRules.REMINDER_DUE)
                                .append("tenantId", theirs)
                                .append("eventType", DefaultRules.REMINDER_DUE)
                                .append(
                                        "targets",
                                        List.of(new Document("audience", "STAFF").append("channels", List.of("SMS"))))
                                .append("urgent", true)
                                .append("enabled", false)
                                .append("version", 1L),
                        RuleStore.COLLECTION)
                .block();

        StepVerifier.create(
                        rules.effective(newTenant(), DefaultRules.REMINDER_DUE).map(Rule::custom))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(rules.effective(theirs, DefaultRules.REMINDER_DUE).map(Rule::custom))
                .expectNext(true)
                .verifyComplete();
    }
}
