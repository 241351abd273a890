package org.classifierlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layering: core is toolkit-free and knows neither cli nor app; cli never reaches into the GUI. */
@AnalyzeClasses(packages = "org.classifierlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses().that().resideInAPackage("org.classifierlab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..",
                    "org.kordamp..")
            .because("algorithms must run and be tested without a GUI toolkit");

    @ArchTest
    static final ArchRule coreKnowsNoUpperLayer = noClasses().that().resideInAPackage("org.classifierlab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.classifierlab.app..", "org.classifierlab.cli..", "picocli..");

    @ArchTest
    static final ArchRule cliIsHeadless = noClasses().that().resideInAPackage("org.classifierlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.classifierlab.app..");
}
