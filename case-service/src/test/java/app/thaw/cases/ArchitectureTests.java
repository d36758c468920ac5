package app.thaw.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import app.thaw.platform.testing.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * case-service has the one shape every service has (docs/service-shape.md): each rule of
 * {@link ServiceShape} against its own main classes, with no exemptions by name. The case itself
 * ({@code incident}) is plain Java, and controllers stay package-private in {@code web}.
 */
class ArchitectureTests {

    static final String BASE = "app.thaw.cases";

    static final JavaClasses classes = ServiceShape.mainClassesOf(BASE);

    @Test
    void packagesAreFreeOfCycles() {
        ServiceShape.packagesAreFreeOfCycles(BASE).check(classes);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        ServiceShape.noFeatureReachesIntoAnotherFeaturesInternals(BASE).check(classes);
    }

    @Test
    void onlyInternalPackagesTouchTheStore() {
        ServiceShape.onlyInternalPackagesTouchTheStore(BASE).check(classes);
    }

    @Test
    void webNeverSeesInternals() {
        ServiceShape.webNeverSeesInternals(BASE).check(classes);
    }

    @Test
    void noLayerPackages() {
        ServiceShape.noLayerPackages(BASE).check(classes);
    }

    /** The case, its rules and its clocks are plain Java: no framework, no reactor, no store, no other feature. */
    @Test
    void theCaseModelIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".incident")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "reactor..",
                        "com.mongodb..",
                        "org.bson..",
                        "app.thaw.platform..",
                        BASE + ".incident.internal..",
                        BASE + ".incident.web..")
                .check(classes);
        assertThat(classes.stream()
                        .filter(c -> c.getPackageName().equals(BASE + ".incident"))
                        .count())
                .as("the case model is where the rule above looks")
                .isGreaterThan(20);
    }

    @Test
    void controllersArePackagePrivateAndLiveInWeb() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .notBePublic()
                .andShould()
                .resideInAPackage("..web..")
                .check(classes);
    }
}
