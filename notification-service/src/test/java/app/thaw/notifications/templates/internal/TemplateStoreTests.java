package app.thaw.notifications.templates.internal;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.rules.DefaultRules;
import app.thaw.notifications.templates.TemplateKey;
import app.thaw.notifications.templates.TemplateService;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** A template is read by an id that starts with the tenant: another tenant's template is never found, Thaw's is. */
class TemplateStoreTests extends NotificationsTestBase {

    @Autowired
    TemplateService templates;

    @Test
    void anotherTenantsTemplateIsNotFound() {
        String theirs = newTenant();
        TemplateKey key = new TemplateKey(DefaultRules.REMINDER_DUE, Channel.EMAIL, Language.FALLBACK);
        mongo.insert(
                        new Document(
                                        "_id",
                                        theirs + "|" + key.eventType() + "|EMAIL|"
                                                + key.language().tag())
                                .append("tenantId", theirs)
                                .append("eventType", key.eventType())
                                .append("channel", "EMAIL")
                                .append("language", key.language().tag())
                                .append("subject", "Theirs")
                                .append("body", "Their words")
                                .append("version", 1L),
                        TemplateStore.COLLECTION)
                .block();

        StepVerifier.create(templates.resolve(newTenant(), key).map(TemplateService.Resolved::origin))
                .expectNext("DEFAULT")
                .verifyComplete();
        StepVerifier.create(templates.resolve(theirs, key).map(TemplateService.Resolved::origin))
                .expectNext("TENANT")
                .verifyComplete();
    }
}
