package app.thaw.platform.timers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * Periodic passes that start with the application and stop with it — the lifecycle every service
 * otherwise writes around {@link PeriodicPass#every}. Declare one as a bean:
 *
 * <pre>{@code
 * @Bean
 * PeriodicPasses deliverySweep(DispatchService dispatch, DispatchProperties settings) {
 *     return PeriodicPasses.of("delivery sweep", Duration.ZERO, settings.sweepInterval(), dispatch::sweep);
 * }
 * }</pre>
 *
 * Several passes may share one bean ({@link #and}); {@link #enabledWhen} keeps them off (a setting
 * that turns a sweep off, an instance that must not run it).
 */
public final class PeriodicPasses implements SmartLifecycle {

    private record Pass(String name, Duration firstAfter, Duration interval, Supplier<? extends Publisher<?>> work) {}

    private final List<Pass> passes = new ArrayList<>();
    private final List<Disposable> running = new ArrayList<>();
    private boolean enabled = true;

    private PeriodicPasses() {}

    /** One pass, run after {@code firstAfter} and then every {@code interval}; see {@link PeriodicPass#every}. */
    public static PeriodicPasses of(
            String name, Duration firstAfter, Duration interval, Supplier<? extends Publisher<?>> work) {
        return new PeriodicPasses().and(name, firstAfter, interval, work);
    }

    /** Another pass in the same lifecycle. */
    public PeriodicPasses and(
            String name, Duration firstAfter, Duration interval, Supplier<? extends Publisher<?>> work) {
        passes.add(new Pass(name, firstAfter, interval, work));
        return this;
    }

    /** Starts the passes with the application only when {@code enabled}. */
    public PeriodicPasses enabledWhen(boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    @Override
    public synchronized void start() {
        if (!running.isEmpty()) {
            return;
        }
        for (Pass pass : passes) {
            running.add(PeriodicPass.every(pass.name(), pass.firstAfter(), pass.interval(), pass.work()));
        }
    }

    @Override
    public synchronized void stop() {
        running.forEach(Disposable::dispose);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    /** The names of the passes, for logs and tests. */
    public List<String> names() {
        return passes.stream().map(Pass::name).toList();
    }
}
