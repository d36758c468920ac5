package app.thaw.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain model is plain Java; controllers stay thin and never touch storage. */
class ArchitectureTests {

    static final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.thaw.cases");

    static final String[] DOMAIN = {"app.thaw.cases.incident", "app.thaw.cases.triage", "app.thaw.cases.checklist", "app.thaw.cases.playbook"};

    @Test
    void theDomainModelDependsOnNoFrameworkReactorOrStore() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..", "org.bson..",
                        "app.thaw.platform.events..", "app.thaw.platform.security..", "app.thaw.platform.timers..", "app.thaw.cases.application..")
                .check(classes);
    }

    @Test
    void theDomainPackagesExistSoTheRuleAboveCanFail() {
        classes().that().resideInAnyPackage(DOMAIN).should().bePublic().orShould().notBePublic().check(classes);
        org.assertj.core.api.Assertions.assertThat(classes.stream().filter(c -> c.getPackageName().equals("app.thaw.cases.incident")).count())
                .isGreaterThan(20);
    }

    @Test
    void controllersArePackagePrivateAndNeverTouchTheStore() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().notBePublic().andShould().resideInAPackage("..web..").check(classes);
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().haveSimpleName("CaseStore")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..")
                .check(classes);
    }
}
