package dev.cskit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md as rules over the compiled library classes of every module:
 * arrows only point down (cs-kpi, cs-process and cs-jdbc-store see cs-core, never each other),
 * no module reaches into another module's {@code internal} packages, cs-core and cs-kpi use no
 * JDBC, and the modules form no cycle.
 */
class ArchitectureTest {

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .withImportOption(location -> !location.contains("archfixture"))
                .importPackages("dev.cskit.core", "dev.cskit.process", "dev.cskit.kpi",
                        "dev.cskit.store.jdbc");
    }

    @Test
    void libraryClasses_areImportedFromEveryModule() {
        // Guards the rules below against passing on an empty import.
        assertModulePresent("dev.cskit.core.");
    }

    @Test
    void noModule_reachesIntoAnotherModulesInternalPackages() {
        internalPackagesRule().check(library);
    }

    @Test
    void internalPackagesRule_catchesAViolation() {
        JavaClasses violation = new ClassFileImporter()
                .importPackages("dev.cskit.kpi.archfixture");
        assertThatThrownBy(() -> internalPackagesRule().check(violation))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.cskit.core.internal.Checks");
    }

    private static ArchRule internalPackagesRule() {
        return classes().should(new ArchCondition<JavaClass>(
                "not depend on the internal package of another module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = module(origin.getPackageName());
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith("dev.cskit.") && target.contains(".internal")
                            && !module(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription()));
                    }
                });
            }
        });
    }

    @Test
    void coreAndKpi_doNotDependOnProcessOrJdbc() {
        noClasses().that().resideInAnyPackage("dev.cskit.core..", "dev.cskit.kpi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cskit.process..",
                        "dev.cskit.store.jdbc..", "java.sql..", "javax.sql..")
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void kpiProcessAndJdbc_doNotSeeEachOther() {
        noClasses().that().resideInAPackage("dev.cskit.process..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cskit.kpi..",
                        "dev.cskit.store.jdbc..", "java.sql..", "javax.sql..")
                .allowEmptyShould(true)
                .check(library);
        noClasses().that().resideInAPackage("dev.cskit.store.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cskit.kpi..",
                        "dev.cskit.process..")
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void modules_formNoCycle() {
        slices().matching("dev.cskit.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(library);
    }

    private static void assertModulePresent(String prefix) {
        boolean present = library.stream().anyMatch(c -> c.getName().startsWith(prefix));
        if (!present) {
            throw new AssertionError("no class of " + prefix + " on the class path");
        }
    }

    private static String module(String packageName) {
        String rest = packageName.substring("dev.cskit.".length());
        if (rest.startsWith("store.jdbc")) {
            return "store.jdbc";
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
