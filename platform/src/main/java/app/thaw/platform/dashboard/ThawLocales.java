package app.thaw.platform.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language of Thaw's pages (console and dashboards): {@code ?lang=zh-CN|en} switches and is remembered in a cookie;
 * otherwise the browser's {@code Accept-Language} picks the best supported one; English last.
 */
public final class ThawLocales implements LocaleContextResolver {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    public static final String COOKIE = "thaw_lang";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale chosen = supported(exchange.getRequest().getQueryParams().getFirst("lang"));
        if (chosen != null) {
            exchange.getResponse()
                    .addCookie(ResponseCookie.from(COOKIE, chosen.toLanguageTag())
                            .path("/")
                            .maxAge(Duration.ofDays(365))
                            .sameSite("Lax")
                            .httpOnly(true)
                            .build());
            return new SimpleLocaleContext(chosen);
        }
        HttpCookie remembered = exchange.getRequest().getCookies().getFirst(COOKIE);
        Locale fromCookie = remembered == null ? null : supported(remembered.getValue());
        if (fromCookie != null) {
            return new SimpleLocaleContext(fromCookie);
        }
        List<Locale.LanguageRange> accepted = exchange.getRequest().getHeaders().getAcceptLanguage();
        Locale fromBrowser = accepted.isEmpty() ? null : Locale.lookup(accepted, SUPPORTED);
        if (fromBrowser == null
                && accepted.stream().anyMatch(range -> range.getRange().startsWith("zh"))) {
            fromBrowser = Locale.SIMPLIFIED_CHINESE;
        }
        return new SimpleLocaleContext(fromBrowser != null ? fromBrowser : Locale.ENGLISH);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
        throw new UnsupportedOperationException("the console's language is chosen with ?lang=");
    }

    public static @Nullable Locale supported(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        Locale asked = Locale.forLanguageTag(tag.trim());
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(asked.getLanguage()))
                .findFirst()
                .orElse(null);
    }
}
