package app.thaw.gateway.console;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /console}: who is signed in, and the dashboards their roles open — nothing else,
 * so an agent never sees a link a service would refuse.
 */
@Controller
class ConsoleController {

    private static final String ROLE_PREFIX = "ROLE_";

    private final ConsoleProperties properties;

    ConsoleController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping({"/console", "/console/"})
    String landing(@AuthenticationPrincipal OidcUser user, Locale locale, Model model) {
        List<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .toList();
        model.addAttribute("name", user.getFullName() != null ? user.getFullName() : user.getPreferredUsername());
        model.addAttribute("username", user.getPreferredUsername());
        model.addAttribute("tenant", user.getClaimAsString("tenant_id"));
        model.addAttribute("roles", roles);
        model.addAttribute("dashboards", properties.dashboardsFor(roles));
        model.addAttribute("lang", locale.toLanguageTag());
        return "console";
    }

    /** The logout form posts the session's CSRF token (the console keeps a session, so it needs one). */
    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token != null ? token : Mono.empty();
    }
}
