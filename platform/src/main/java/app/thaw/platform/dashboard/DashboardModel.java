package app.thaw.platform.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Puts {@link DashboardPage} ({@code dashboard}) and {@link ThawFormat} ({@code format}) into the model of every {@link ThawDashboard} controller. */
@ControllerAdvice(annotations = ThawDashboard.class)
class DashboardModel {

    private final String area;
    private final Clock clock;
    private final ZoneId zone;

    DashboardModel(String area, Clock clock, ZoneId zone) {
        this.area = area;
        this.clock = clock;
        this.zone = zone;
    }

    /** The shared format of times, deadlines and money, in the page's language. */
    @ModelAttribute("format")
    ThawFormat format(Locale locale) {
        return new ThawFormat(locale, clock, zone);
    }

    @ModelAttribute("dashboard")
    Mono<DashboardPage> dashboard(ServerWebExchange exchange, Locale locale) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String query = exchange.getRequest().getURI().getRawQuery();
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() != null
                                && context.getAuthentication().getPrincipal() instanceof Jwt jwt
                        ? (jwt.getClaimAsString("preferred_username") != null
                                ? jwt.getClaimAsString("preferred_username")
                                : jwt.getSubject())
                        : "")
                .defaultIfEmpty("")
                .map(user -> new DashboardPage(area, "/dashboard/" + area, locale.toLanguageTag(), user, path, query));
    }
}
