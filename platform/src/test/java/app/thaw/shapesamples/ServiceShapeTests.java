package app.thaw.shapesamples;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;

import app.thaw.platform.testing.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of {@link ServiceShape} passes a well-shaped sample and fails the sample that breaks it. */
class ServiceShapeTests {

    private static final String SAMPLES = "app.thaw.shapesamples.";

    @Test
    void aWellShapedServicePassesEveryRule() {
        String base = SAMPLES + "good";
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        for (ArchRule rule : ServiceShape.rules(base)) {
            assertThatCode(() -> rule.check(classes)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    static Stream<Arguments> brokenSamples() {
        return Stream.of(
                Arguments.of("cycle", (Function<String, ArchRule>) ServiceShape::packagesAreFreeOfCycles, "cycle"),
                Arguments.of(
                        "reach",
                        (Function<String, ArchRule>) ServiceShape::noFeatureReachesIntoAnotherFeaturesInternals,
                        "reaches into the internal package of feature 'orders'"),
                Arguments.of(
                        "bson",
                        (Function<String, ArchRule>) ServiceShape::onlyInternalPackagesTouchTheStore,
                        "org.bson.Document"),
                Arguments.of(
                        "controller", (Function<String, ArchRule>) ServiceShape::webNeverSeesInternals, "OrderStore"),
                Arguments.of(
                        "layer", (Function<String, ArchRule>) ServiceShape::noLayerPackages, "layer package 'domain'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void eachRuleFailsOnTheSampleThatBreaksIt(String sample, Function<String, ArchRule> rule, String named) {
        String base = SAMPLES + sample;
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        assertThatThrownBy(() -> rule.apply(base).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(named);
        // and the sample breaks only that rule, so each rule is proven on its own
        ServiceShape.rules(base).stream()
                .filter(other -> !other.getDescription().equals(rule.apply(base).getDescription()))
                .forEach(other -> assertThatCode(() -> other.check(classes))
                        .as(other.getDescription())
                        .doesNotThrowAnyException());
    }
}
