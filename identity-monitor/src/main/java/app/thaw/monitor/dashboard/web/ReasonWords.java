package app.thaw.monitor.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.detection.Reason;
import app.thaw.monitor.detection.ReasonCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An alert's reasons in the page's language: each reason's code worded by {@code monitor.reason.<CODE>},
 * its signal types by {@code monitor.signalType.*} and its score to three decimals. A reason without a
 * code this service knows (an old sentence no code reads back) is shown as stored, marked English.
 */
@Component
class ReasonWords {

    private final MessageSource messages;

    ReasonWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A reason as shown: its words, and whether they are the stored English sentence rather than the page's own. */
    record Shown(String text, boolean english) {}

    List<Shown> of(Alert alert, Locale locale) {
        List<String> lines = alert.reasons();
        List<Reason> codes = alert.reasonCodes();
        List<Shown> shown = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String worded = i < codes.size() ? word(codes.get(i), locale) : null;
            shown.add(worded == null ? new Shown(lines.get(i), true) : new Shown(worded, false));
        }
        return shown;
    }

    /** The reason in {@code locale}; null when its code is unknown or its arguments are not the code's. */
    @Nullable
    String word(Reason reason, Locale locale) {
        ReasonCode code = known(reason.code());
        if (code == null || reason.args().size() != code.args().size()) {
            return null;
        }
        Object[] args = new Object[reason.args().size()];
        for (int i = 0; i < args.length; i++) {
            String arg = reason.args().get(i);
            args[i] = switch (code.args().get(i)) {
                case TEXT -> arg;
                case SIGNAL_TYPE -> messages.getMessage("monitor.signalType." + arg, null, arg, locale);
                case SCORE -> score(arg);
            };
        }
        return messages.getMessage("monitor.reason." + code.name(), args, null, locale);
    }

    private static @Nullable ReasonCode known(@Nullable String code) {
        if (code == null) {
            return null;
        }
        try {
            return ReasonCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String score(String arg) {
        try {
            return String.format(Locale.ROOT, "%.3f", Double.parseDouble(arg));
        } catch (NumberFormatException e) {
            return arg;
        }
    }
}
