package app.thaw.platform.timers;

import java.time.Duration;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work that runs again and again (the outbox relay, sweeps, refreshes): one pass at a
 * time — a tick that comes while a pass still runs is dropped, never queued — and a failed pass
 * is logged and tried again at the next tick, so one bad pass never stops the loop.
 */
public final class PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(PeriodicPass.class);

    private PeriodicPass() {}

    /**
     * Runs {@code pass} after {@code firstAfter}, then every {@code interval}; dispose the answer to
     * stop. {@code name} says which pass failed in the log.
     */
    public static Disposable every(
            String name, Duration firstAfter, Duration interval, Supplier<? extends Publisher<?>> pass) {
        return Flux.interval(firstAfter, interval)
                .onBackpressureDrop()
                .concatMap(
                        tick -> Flux.from(pass.get()).onErrorResume(failure -> {
                            log.warn("The {} failed; trying again at the next tick", name, failure);
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
    }

    /**
     * As {@link #every}, and also whenever {@code wake} emits, then running {@code wakePass}: still one pass at a
     * time, and wake-ups that come while a pass runs collapse into one more pass right after it (so what caused
     * them is not left for the next tick).
     */
    public static Disposable everyOrWhen(
            String name,
            Duration firstAfter,
            Duration interval,
            Supplier<? extends Publisher<?>> pass,
            Publisher<?> wake,
            Supplier<? extends Publisher<?>> wakePass) {
        Flux<Supplier<? extends Publisher<?>>> ticks =
                Flux.interval(firstAfter, interval).onBackpressureDrop().map(tick -> pass);
        Flux<Supplier<? extends Publisher<?>>> wakes =
                Flux.from(wake).onBackpressureLatest().map(signal -> wakePass);
        return Flux.merge(1, ticks, wakes)
                .onBackpressureLatest()
                .concatMap(
                        next -> Flux.from(next.get()).onErrorResume(failure -> {
                            log.warn("The {} failed; trying again at the next tick", name, failure);
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
    }
}
