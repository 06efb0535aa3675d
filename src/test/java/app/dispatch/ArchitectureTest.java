package app.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rule of docs/architecture.md, enforced on every build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.dispatch");
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("domain").definedBy("app.dispatch.domain..")
                .layer("text").definedBy("app.dispatch.text..")
                .layer("store").definedBy("app.dispatch.store..")
                .layer("media").definedBy("app.dispatch.media..")
                .layer("pack").definedBy("app.dispatch.pack..")
                .layer("check").definedBy("app.dispatch.check..")
                .layer("service").definedBy("app.dispatch.service..")
                .layer("cli").definedBy("app.dispatch.cli..")
                .layer("ui").definedBy("app.dispatch.ui..")
                .layer("app").definedBy("app.dispatch.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("service").mayOnlyBeAccessedByLayers("cli", "ui", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("service", "app")
                .whereLayer("media").mayOnlyBeAccessedByLayers("service", "pack", "check")
                .whereLayer("pack").mayOnlyBeAccessedByLayers("service")
                .whereLayer("check").mayOnlyBeAccessedByLayers("service", "pack")
                .whereLayer("text").mayOnlyBeAccessedByLayers("store", "media", "pack", "check", "service", "cli", "ui")
                .check(classes);
    }

    @Test
    void domainImportsOnlyTheJdk() {
        noClasses().that().resideInAPackage("app.dispatch.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "app.dispatch.domain..")
                .check(classes);
    }

    @Test
    void javaFxOnlyInUiAndApp() {
        noClasses().that().resideOutsideOfPackages("app.dispatch.ui..", "app.dispatch.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void jdbcOnlyInStore() {
        noClasses().that().resideOutsideOfPackage("app.dispatch.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void jacksonOnlyInPackAndCli() {
        noClasses().that().resideOutsideOfPackages("app.dispatch.pack..", "app.dispatch.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void uiFeaturesDoNotDependOnEachOtherInCycles() {
        slices().matching("app.dispatch.ui.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }
}
