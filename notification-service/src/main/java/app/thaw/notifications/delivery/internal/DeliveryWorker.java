package app.thaw.notifications.delivery.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import app.thaw.notifications.delivery.DispatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs delivery attempts off the event handler's path: at most {@code concurrency} at once, and at
 * most {@code perTarget} to one target (a webhook endpoint, or one channel's provider); a target
 * whose last attempt failed (an error, a timeout) gets one slot until an attempt succeeds again.
 * Each target has its own queue and the targets take turns, so an endpoint slower than its timeout
 * holds one slot and its own queue, never a healthy endpoint's. The queues are memory only: a
 * delivery is stored before it is queued, and one lost with this instance is found by the sweep.
 *
 * <p>The scheduling state is a few maps mutated under this object's lock for a few instructions
 * (no I/O, no waiting under it); the attempts themselves run reactively outside it.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final int concurrency;
    private final int perTarget;
    private final Map<String, ArrayDeque<Supplier<Mono<Boolean>>>> waiting = new HashMap<>();
    /** Targets whose last attempt failed: one slot each until one succeeds. */
    private final Set<String> failing = new HashSet<>();

    private final Map<String, Integer> running = new HashMap<>();
    /** Targets with waiting work and a free slot, in turn. */
    private final ArrayDeque<String> turns = new ArrayDeque<>();

    private int underWay;
    private int queued;

    public DeliveryWorker(DispatchProperties properties) {
        this.concurrency = properties.concurrency();
        this.perTarget = properties.perTarget();
    }

    /**
     * Queues an attempt for {@code target}; it starts when a slot is free, overall and for the
     * target. The attempt answers whether it succeeded (an error counts as a failure).
     */
    public void submit(String target, Supplier<Mono<Boolean>> attempt) {
        synchronized (this) {
            ArrayDeque<Supplier<Mono<Boolean>>> queue = waiting.computeIfAbsent(target, any -> new ArrayDeque<>());
            queue.add(attempt);
            queued++;
            if (queue.size() == 1 && running.getOrDefault(target, 0) < cap(target)) {
                turns.add(target);
            }
        }
        pump();
    }

    private int cap(String target) {
        return failing.contains(target) ? 1 : perTarget;
    }

    /** Nothing queued and nothing under way (tests wait for it; a gauge could read it). */
    public synchronized boolean idle() {
        return underWay == 0 && queued == 0;
    }

    private record Start(String target, Supplier<Mono<Boolean>> attempt) {}

    private void pump() {
        List<Start> starts = new ArrayList<>();
        synchronized (this) {
            while (underWay < concurrency && !turns.isEmpty()) {
                String target = turns.poll();
                ArrayDeque<Supplier<Mono<Boolean>>> queue = waiting.get(target);
                Supplier<Mono<Boolean>> next = queue.poll();
                queued--;
                underWay++;
                int now = running.merge(target, 1, Integer::sum);
                if (queue.isEmpty()) {
                    waiting.remove(target);
                } else if (now < cap(target)) {
                    turns.add(target);
                }
                starts.add(new Start(target, next));
            }
        }
        starts.forEach(start -> Mono.defer(start.attempt())
                .onErrorResume(failure -> {
                    log.warn(
                            "A delivery attempt to {} failed; the delivery stays as it was recorded",
                            start.target(),
                            failure);
                    return Mono.just(false);
                })
                .defaultIfEmpty(true)
                .subscribe(
                        succeeded -> finished(start.target(), succeeded), failure -> finished(start.target(), false)));
    }

    private void finished(String target, boolean succeeded) {
        synchronized (this) {
            underWay--;
            int left = running.merge(target, -1, Integer::sum);
            if (left == 0) {
                running.remove(target);
            }
            if (succeeded) {
                failing.remove(target);
            } else {
                failing.add(target);
            }
            ArrayDeque<Supplier<Mono<Boolean>>> queue = waiting.get(target);
            // It left the turns when it reached its cap; with a slot free again it takes its turn.
            if (queue != null && left < cap(target) && !turns.contains(target)) {
                turns.add(target);
            }
        }
        pump();
    }
}
