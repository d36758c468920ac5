package app.thaw.systemtests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Thaw on the scaled shape (ADR 91), as {@code ./thaw up --scale} runs it: a single-node KRaft Kafka broker (in
 * this JVM), two instances of each service on the same store exchanging events over Kafka, the gateway
 * balancing across both. Started once per run by the first test class that asks, beside (never instead of) the
 * shared {@link ThawPlatform}: its own Keycloak, store, ports and work folder ({@code target/system-scaled}).
 *
 * <p>Use it with {@code @ExtendWith(ScaledThawPlatform.class)} and take a {@link ThawPlatform} as a test parameter.
 */
public final class ScaledThawPlatform implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ThawPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    private static ThawPlatform shared(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(ScaledThawPlatform.class))
                .computeIfAbsent(
                        ThawPlatform.Startup.class,
                        key -> ThawPlatform.Startup.attempt(ThawPlatform::startScaled),
                        ThawPlatform.Startup.class)
                .platform();
    }
}
