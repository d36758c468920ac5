package app.thaw.cases.triage.internal;

import app.thaw.cases.triage.TriageEngine;
import app.thaw.cases.triage.TriageRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The triage engine, its rules read once at startup. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    TriageEngine triageEngine() {
        return new TriageEngine(TriageRules.defaults());
    }
}
