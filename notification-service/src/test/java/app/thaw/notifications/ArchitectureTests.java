package app.thaw.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.thaw.platform.testing.ServiceShape;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one service shape (docs/service-shape.md, platform's {@link ServiceShape}), one test per rule,
 * checked against this service's main classes with no exemption by name; and what STYLE.md adds:
 * thin package-private controllers in {@code web}, a domain model of plain Java.
 */
class ArchitectureTests {

    static final String BASE = "app.thaw.notifications";

    static final JavaClasses CLASSES = ServiceShape.mainClassesOf(BASE);

    @Test
    void packagesAreFreeOfCycles() {
        ServiceShape.packagesAreFreeOfCycles(BASE).check(CLASSES);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        ServiceShape.noFeatureReachesIntoAnotherFeaturesInternals(BASE).check(CLASSES);
    }

    @Test
    void onlyInternalPackagesTouchTheStore() {
        ServiceShape.onlyInternalPackagesTouchTheStore(BASE).check(CLASSES);
    }

    @Test
    void webNeverSeesInternals() {
        ServiceShape.webNeverSeesInternals(BASE).check(CLASSES);
    }

    @Test
    void noLayerPackages() {
        ServiceShape.noLayerPackages(BASE).check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackagesAndArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("..web")
                .andShould()
                .notBePublic()
                .check(CLASSES);
    }

    /**
     * The domain model (the records and enums of each feature's API and of {@code events}) is plain Java;
     * configuration properties records are told apart by their annotation, not by name.
     */
    @Test
    void theDomainModelIsPlainJava() {
        noClasses()
                .that(DescribedPredicate.describe(
                        "records or enums", (JavaClass type) -> type.isRecord() || type.isEnum()))
                .and()
                .resideOutsideOfPackages(BASE + "..web..", BASE + "..internal..")
                .and()
                .areNotAnnotatedWith(ConfigurationProperties.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }
}
