package io.voltstream.energy.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the energy domain framework-free (design §8): the jobs, the API and the tools all call it.
 */
class EnergyArchitectureTest {
  private static JavaClasses production;
  private static JavaClasses tests;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voltstream.energy");
    tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.voltstream.energy");
  }

  @Test
  void domainShouldNotDependOnFrameworksOrJackson() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.flink..", "io.javalin..", "org.apache.kafka..", "com.fasterxml..")
        .because(
            "the energy domain is plain Java shared by Flink jobs, the API, simulators and tools;"
                + " the model module's mapper serialises its records without annotations")
        .check(production);
  }

  @Test
  void domainShouldNotDependOnOtherVoltstreamModules() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.voltstream..")
                .and(resideOutsideOfPackage("io.voltstream.energy..")))
        .because("every other module builds on energy, never the reverse")
        .check(production);
  }

  @Test
  void productionCodeShouldNotPrint() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(production);
  }

  @Test
  void testsShouldNotUseJUnit4() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.junit", "junit.framework..")
        .check(tests);
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
