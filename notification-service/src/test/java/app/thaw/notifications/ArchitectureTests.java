package app.thaw.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.thaw.platform.problem.ThawProblem;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape STYLE.md asks for: a plain-Java domain model in each feature's top-level package
 * (application services, properties and problems aside), thin package-private controllers in
 * {@code web}. The rules name packages that exist, so they fail when broken.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.thaw.notifications");

    static final String[] DOMAIN = {"app.thaw.notifications.recipients", "app.thaw.notifications.rules",
            "app.thaw.notifications.templates", "app.thaw.notifications.settings", "app.thaw.notifications.webhooks",
            "app.thaw.notifications.reminders", "app.thaw.notifications.delivery", "app.thaw.notifications.inapp"};

    static final DescribedPredicate<JavaClass> APPLICATION_LAYER = new DescribedPredicate<>("an application service, sender contract, "
            + "configuration properties or problem") {
        @Override
        public boolean test(JavaClass type) {
            // Records nested in a service belong to it.
            if (type.getEnclosingClass().isPresent() && test(type.getEnclosingClass().get())) {
                return true;
            }
            return type.isAnnotatedWith(Service.class) || type.isAnnotatedWith(Component.class)
                    || type.isAnnotatedWith(ConfigurationProperties.class) || type.isAssignableTo(ThawProblem.class)
                    || type.getSimpleName().endsWith("Sender") || type.getSimpleName().equals("SendOutcome");
        }
    };

    @Test
    void theDomainModelIsPlainJava() {
        noClasses().that().resideInAnyPackage(DOMAIN).and(DescribedPredicate.not(APPLICATION_LAYER))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackagesAndArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..web").andShould().notBePublic()
                .check(CLASSES);
    }

    @Test
    void controllersNeverTouchTheStoreDirectly() {
        noClasses().that().resideInAPackage("..web").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..")
                .check(CLASSES);
    }
}
