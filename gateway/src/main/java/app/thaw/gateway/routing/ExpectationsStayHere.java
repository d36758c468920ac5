package app.thaw.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code Expect: 100-continue} is the gateway's to answer, not the service's: the gateway's server tells the
 * caller to go on as soon as it starts reading the body, and its client then sends that body at once, without
 * waiting for a {@code 100} of the service. Relayed, the header told the service that no body would come
 * unless it asked for one; a service that refused at once (a 404 for an unknown case, a 413 by the declared
 * length) then closed the connection while the gateway was still sending, and its answer was lost:
 * "closed BEFORE response", a 503, in most tries of a 30 MB upload through curl (which sends {@code Expect}
 * for every body over 1 MB). The data plane leaves it out the same way ({@link ApiDataPlane}).
 */
@Component
public class ExpectationsStayHere implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (!input.containsHeader(HttpHeaders.EXPECT)) {
            return input;
        }
        HttpHeaders relayed = HttpHeaders.copyOf(input);
        relayed.remove(HttpHeaders.EXPECT);
        return relayed;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
