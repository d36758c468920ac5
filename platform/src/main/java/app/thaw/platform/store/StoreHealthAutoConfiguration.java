package app.thaw.platform.store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Contributes the {@code store} health indicator that the readiness group includes, makes the stores' indexes, and
 * keeps the reactive template from looking for transactions Thaw never opens.
 */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class)
@ConditionalOnClass({ReactiveMongoTemplate.class, AbstractReactiveHealthIndicator.class})
public class StoreHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    StoreHealthIndicator storeHealthIndicator(ReactiveMongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    /** The reactive template joins no transaction: Thaw has none (ADR 1, ADR 95). */
    @Bean
    static NoTransactionLookups noTransactionLookups() {
        return new NoTransactionLookups();
    }

    /** Every {@link IndexedStore}'s indexes, made before the service serves. */
    @Bean
    static StoreIndexes storeIndexes(ObjectProvider<IndexedStore> stores) {
        return new StoreIndexes(stores);
    }
}
