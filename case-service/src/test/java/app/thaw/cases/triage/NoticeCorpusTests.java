package app.thaw.cases.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import app.thaw.cases.incident.NoticeFacts;
import app.thaw.cases.incident.TriageSuggestion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The labelled notice corpus (thaw/cases/notice-corpus.yaml, 150 hand-written notices in zh and en):
 * triage accuracy per scenario and extraction accuracy per field, printed as {@code CORPUS_*} lines
 * and recorded in docs/benchmarks/case-service.md. The floors below are the measured figures rounded down: a regression
 * guard, not a target the corpus was written to meet.
 */
class NoticeCorpusTests {

    static final TriageEngine ENGINE = new TriageEngine(TriageRules.defaults());
    static final List<String> FIELDS =
            List.of("authority", "fileNumber", "amounts", "dates", "limits", "references", "merchants", "phones");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> corpus() throws Exception {
        try (InputStream in =
                NoticeCorpusTests.class.getClassLoader().getResourceAsStream("thaw/cases/notice-corpus.yaml")) {
            return new Yaml().load(in);
        }
    }

    record Tally(int right, int all) {
        Tally add(boolean ok) {
            return new Tally(right + (ok ? 1 : 0), all + 1);
        }

        double rate() {
            return all == 0 ? 1 : (double) right / all;
        }

        @Override
        public String toString() {
            return String.format("%d/%d = %.1f %%", right, all, 100 * rate());
        }
    }

    @Test
    void triageAndExtractionAccuracyOnTheLabelledCorpus() throws Exception {
        List<Map<String, Object>> corpus = corpus();
        Map<String, Tally> byScenario = new TreeMap<>();
        Map<String, Tally> byLanguage = new TreeMap<>();
        Map<String, Tally> byField = new LinkedHashMap<>();
        FIELDS.forEach(field -> byField.put(field, new Tally(0, 0)));
        Tally scenarios = new Tally(0, 0);
        List<String> misses = new ArrayList<>();
        for (Map<String, Object> notice : corpus) {
            String text = (String) notice.get("text");
            String expected = (String) notice.get("scenario");
            TriageSuggestion suggestion = ENGINE.suggest(text);
            String got = suggestion.scenario() == null
                    ? "NONE"
                    : suggestion.scenario().name();
            boolean right = got.equals(expected);
            scenarios = scenarios.add(right);
            byScenario.merge(
                    expected,
                    new Tally(right ? 1 : 0, 1),
                    (a, b) -> new Tally(a.right() + b.right(), a.all() + b.all()));
            byLanguage.merge(
                    (String) notice.get("lang"),
                    new Tally(right ? 1 : 0, 1),
                    (a, b) -> new Tally(a.right() + b.right(), a.all() + b.all()));
            if (!right) {
                misses.add("scenario " + expected + " read as " + got + ": " + text);
            }
            NoticeFacts facts = suggestion.facts();
            for (String field : FIELDS) {
                if (!notice.containsKey(field)) {
                    continue;
                }
                Object want = notice.get(field);
                Object have = extracted(field, facts);
                boolean ok = field.equals("authority") || field.equals("fileNumber")
                        ? Objects.equals(want, have)
                        : normalised(field, (Collection<?>) want).equals(normalised(field, (Collection<?>) have));
                byField.computeIfPresent(field, (f, tally) -> tally.add(ok));
                if (!ok) {
                    misses.add(field + " expected " + want + " got " + have + ": " + text);
                }
            }
        }
        System.out.println("CORPUS_NOTICES " + corpus.size() + " "
                + byLanguage.keySet().stream()
                        .map(lang -> lang + " " + byLanguage.get(lang).all())
                        .collect(Collectors.joining(", ")));
        System.out.println("CORPUS_SCENARIO all " + scenarios);
        byLanguage.forEach((lang, tally) -> System.out.println("CORPUS_SCENARIO lang " + lang + " " + tally));
        byScenario.forEach((scenario, tally) -> System.out.println("CORPUS_SCENARIO " + scenario + " " + tally));
        byField.forEach((field, tally) -> System.out.println("CORPUS_FIELD " + field + " " + tally));
        misses.forEach(miss -> System.out.println("CORPUS_MISS " + miss));

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
        assertThat(byLanguage.keySet()).containsExactlyInAnyOrder("en", "zh");
        assertThat(byScenario)
                .allSatisfy((scenario, tally) ->
                        assertThat(tally.all()).as(scenario).isGreaterThanOrEqualTo(10));
        assertThat(byScenario.get("NONE").rate())
                .as("notices matching nothing need a person")
                .isGreaterThanOrEqualTo(FLOORS.get("NONE"));
        assertThat(scenarios.rate())
                .as("scenario accuracy; misses %s", misses)
                .isGreaterThanOrEqualTo(FLOORS.get("scenario"));
        byField.forEach((field, tally) -> assertThat(tally.rate())
                .as("%s accuracy; misses %s", field, misses)
                .isGreaterThanOrEqualTo(FLOORS.get(field)));
    }

    // Measured figures rounded down (see docs/benchmarks/case-service.md); raise them when the extractor improves.
    static final Map<String, Double> FLOORS = Map.of(
            "scenario",
            0.80,
            "NONE",
            1.0,
            "authority",
            1.0,
            "fileNumber",
            1.0,
            "amounts",
            1.0,
            "dates",
            1.0,
            "limits",
            0.95,
            "references",
            1.0,
            "merchants",
            1.0,
            "phones",
            1.0);

    static Object extracted(String field, NoticeFacts facts) {
        return switch (field) {
            case "authority" -> facts.authority();
            case "fileNumber" -> facts.fileNumber();
            case "amounts" ->
                facts.amounts().stream()
                        .map(m -> m.amount() + " " + m.currency())
                        .toList();
            case "dates" -> facts.dates();
            case "limits" ->
                facts.timeLimits().stream()
                        .map(l -> l.amount() + " " + l.unit())
                        .toList();
            case "references" -> facts.references();
            case "merchants" -> facts.merchantNumbers();
            case "phones" -> facts.phones();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Lists compare as sets; amounts by value ("15000.0 CNY" is "15000 CNY"). */
    static Set<String> normalised(String field, Collection<?> values) {
        return values.stream()
                .map(String::valueOf)
                .map(value -> {
                    if (!field.equals("amounts")) {
                        return value;
                    }
                    String[] parts = value.split(" ");
                    return new BigDecimal(parts[0]).stripTrailingZeros().toPlainString() + " " + parts[1];
                })
                .collect(Collectors.toSet());
    }
}
