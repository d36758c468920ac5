package app.thaw.platform.store;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when nothing points the application at a MongoDB: then the embedded store is started. */
class NoMongoUriConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        for (String property : new String[] {"spring.mongodb.uri", "spring.mongodb.host"}) {
            if (StringUtils.hasText(environment.getProperty(property))) {
                return ConditionOutcome.noMatch(property + " is set: using that MongoDB");
            }
        }
        return ConditionOutcome.match(
                "no spring.mongodb.uri, spring.mongodb.host or MONGODB_URI: starting the embedded store");
    }
}
