package io.voltstream.jobs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules of style.md A/B: logic stays framework-free, tests stay on JUnit 5. */
class ArchitectureTest {
  private static JavaClasses production;
  private static JavaClasses tests;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voltstream.jobs");
    tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.voltstream.jobs");
  }

  @Test
  void logicPackagesShouldNotDependOnFlink() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.voltstream.jobs.*.logic..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.flink..")
            .because("decisions are pure functions tested without Flink (style.md B.1)");
    rule.check(production);
  }

  @Test
  void testsShouldNotUseJUnit4() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.junit")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("junit..")
            .because("the suite runs on JUnit 5 only");
    rule.check(tests);
  }

  @Test
  void productionCodeShouldNotCallVisibleForTesting() {
    ArchRule rule =
        noClasses()
            .should()
            .callMethodWhere(
                com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates
                        .annotatedWith(org.apache.flink.annotation.VisibleForTesting.class)))
            .allowEmptyShould(true);
    rule.check(production);
  }

  @Test
  void packagesShouldBeFreeOfCycles() {
    slices()
        .matching("io.voltstream.(**)")
        .should()
        .beFreeOfCycles()
        .because(
            "each package depends only downwards, so it can be read and changed on its own (issue"
                + " 7)")
        .check(production);
  }
}
