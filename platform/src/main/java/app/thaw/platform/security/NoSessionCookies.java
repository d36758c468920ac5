package app.thaw.platform.security;

import java.util.List;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * A service takes no part in cookie sessions: it never reads a session id from a cookie, never
 * sets one and never expires one. The only browser session is the gateway's console session, and
 * the gateway relays the browser's cookies with each dashboard request; WebFlux's default resolver
 * would answer an id it does not know by expiring that cookie, which the gateway passes back to
 * the browser, signing the person out in the middle of loading a page.
 */
final class NoSessionCookies implements WebSessionIdResolver {

    @Override
    public List<String> resolveSessionIds(ServerWebExchange exchange) {
        return List.of();
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String sessionId) {
        // Stateless: nothing to remember.
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        // Stateless: nothing to forget, and never the gateway's cookie.
    }
}
