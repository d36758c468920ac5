package app.thaw.notifications.delivery.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import app.thaw.notifications.delivery.DispatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs delivery attempts off the event handler's path: at most {@code concurrency} at once, and at
 * most {@code perTarget} to one target (a webhook endpoint, or one channel's provider). Each target
 * has its own queue and the targets take turns, so an endpoint slower than its timeout holds only
 * its own slots and its own queue, never a healthy endpoint's. The queues are memory only: a
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
    private final Map<String, ArrayDeque<Supplier<Mono<Void>>>> waiting = new HashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    /** Targets with waiting work and a free slot, in turn. */
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private int underWay;
    private int queued;

    public DeliveryWorker(DispatchProperties properties) {
        this.concurrency = properties.concurrency();
        this.perTarget = properties.perTarget();
    }

    /** Queues an attempt for {@code target}; it starts when a slot is free, overall and for the target. */
    public void submit(String target, Supplier<Mono<Void>> attempt) {
        synchronized (this) {
            ArrayDeque<Supplier<Mono<Void>>> queue = waiting.computeIfAbsent(target, any -> new ArrayDeque<>());
            queue.add(attempt);
            queued++;
            if (queue.size() == 1 && running.getOrDefault(target, 0) < perTarget) {
                turns.add(target);
            }
        }
        pump();
    }

    /** Nothing queued and nothing under way (tests wait for it; a gauge could read it). */
    public synchronized boolean idle() {
        return underWay == 0 && queued == 0;
    }

    private record Start(String target, Supplier<Mono<Void>> attempt) {
    }

    private void pump() {
        List<Start> starts = new ArrayList<>();
        synchronized (this) {
            while (underWay < concurrency && !turns.isEmpty()) {
                String target = turns.poll();
                ArrayDeque<Supplier<Mono<Void>>> queue = waiting.get(target);
                Supplier<Mono<Void>> next = queue.poll();
                queued--;
                underWay++;
                int now = running.merge(target, 1, Integer::sum);
                if (queue.isEmpty()) {
                    waiting.remove(target);
                } else if (now < perTarget) {
                    turns.add(target);
                }
                starts.add(new Start(target, next));
            }
        }
        starts.forEach(start -> Mono.defer(start.attempt())
                .onErrorResume(failure -> {
                    log.warn("A delivery attempt to {} failed; the delivery stays as it was recorded", start.target(), failure);
                    return Mono.empty();
                })
                .doFinally(signal -> finished(start.target()))
                .subscribe());
    }

    private void finished(String target) {
        synchronized (this) {
            underWay--;
            int left = running.merge(target, -1, Integer::sum);
            if (left == 0) {
                running.remove(target);
            }
            ArrayDeque<Supplier<Mono<Void>>> queue = waiting.get(target);
            // It left the turns when it reached its cap; with a slot free again it takes its turn.
            if (queue != null && left == perTarget - 1 && !turns.contains(target)) {
                turns.add(target);
            }
        }
        pump();
    }
}
