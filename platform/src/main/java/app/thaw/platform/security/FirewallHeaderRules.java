package app.thaw.platform.security;

import java.util.function.Predicate;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with its header and parameter rules written as loops instead of
 * regular expressions. The rules are Spring's own — names and values made of assigned code points that
 * are not control characters, a header value may also hold a tab — but Spring checks them with
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} on every header of every request, which over a 1.5 kB
 * bearer token was 3–4 % of the gateway's CPU per call (docs/benchmarks/gateway.md).
 * {@code FirewallHeaderRulesTests} checks the loops against Spring's predicates on adversarial input.
 */
public final class FirewallHeaderRules {

    /**
     * Assigned code points that are not control characters (Spring's header and parameter names). Null is
     * allowed, as Spring allows it: the firewall asks about absent headers too ({@code getFirst}).
     */
    static final Predicate<String> NAMES = value -> value == null || assignedAndNotControl(value, false);

    /** The same, and a tab (Spring's header values). */
    static final Predicate<String> HEADER_VALUES = value -> value == null || assignedAndNotControl(value, true);

    private FirewallHeaderRules() {}

    static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(HEADER_VALUES);
        firewall.setAllowedParameterNames(NAMES);
        return firewall;
    }

    /** Whether Spring's strict firewall lets this header through (its name and value rules). */
    public static boolean allowedHeader(String name, String value) {
        return assignedAndNotControl(name, false) && assignedAndNotControl(value, true);
    }

    static boolean assignedAndNotControl(String value, boolean tabAllowed) {
        int length = value.length();
        for (int i = 0; i < length; ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: every one is assigned and none is a control
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean allowed =
                    (type != Character.UNASSIGNED && type != Character.CONTROL) || (tabAllowed && codePoint == '\t');
            if (!allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
