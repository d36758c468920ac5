package app.thaw.platform.events;

import java.util.List;

/**
 * Several handlers declared as one bean, e.g. a feature's {@link EventBinding}s:
 * {@code @Bean EventHandlers caseEvents(CaseService cases) { return new EventHandlers(...); }}.
 * The inbox runs these with every single {@link EventHandler} bean.
 */
public record EventHandlers(List<? extends EventHandler> handlers) {

    public EventHandlers {
        handlers = List.copyOf(handlers);
    }

    public static EventHandlers of(EventHandler... handlers) {
        return new EventHandlers(List.of(handlers));
    }
}
