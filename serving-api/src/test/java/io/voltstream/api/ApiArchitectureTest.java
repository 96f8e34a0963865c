package io.voltstream.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Structural rules of the API module (style guide §A, §C): services and stores never see Javalin.
 */
class ApiArchitectureTest {
  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.voltstream.api");
  private static final JavaClasses TESTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("io.voltstream.api");

  @Test
  void servicesStoresAndDtosShouldNotDependOnJavalin() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .or()
        .resideInAnyPackage("..api.store..", "..dto..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..")
        .check(PRODUCTION);
  }

  @Test
  void onlyTheAppShouldReadTheEnvironment() {
    noClasses()
        .that()
        .doNotHaveSimpleName("ApiApp")
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .check(PRODUCTION);
  }

  @Test
  void productionCodeShouldLogInsteadOfPrinting() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(PRODUCTION);
  }

  @Test
  void testsShouldNotUseJUnit4() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.junit").check(TESTS);
  }

  @Test
  void onlyTheCompositionRootShouldKnowTheRootPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.voltstream.api")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.voltstream.api")
        .because("resource packages are wired by ApiServer and never reach back up to it")
        .check(PRODUCTION);
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
        .check(PRODUCTION);
  }
}
