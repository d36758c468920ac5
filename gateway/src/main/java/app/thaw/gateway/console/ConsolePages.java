package app.thaw.gateway.console;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;

/**
 * Thymeleaf sets its engine up lazily, on the first page rendered — class-path scans and file
 * reads that would block an event-loop thread. Doing it at startup keeps every request
 * non-blocking (the later one-time read of each template is cached).
 */
@Component
class ConsolePages implements SmartInitializingSingleton {

    private final ISpringWebFluxTemplateEngine templates;

    ConsolePages(ISpringWebFluxTemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public void afterSingletonsInstantiated() {
        templates.getConfiguration();
    }
}
