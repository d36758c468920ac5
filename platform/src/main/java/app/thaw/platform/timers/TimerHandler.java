package app.thaw.platform.timers;

import reactor.core.publisher.Mono;

/** Does what a timer of one type is for when it fires. Must be idempotent per {@link TimerFiring#occurrenceId()}. */
public interface TimerHandler {

    String type();

    Mono<Void> fire(TimerFiring firing);
}
