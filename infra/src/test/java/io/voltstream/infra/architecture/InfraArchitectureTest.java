package io.voltstream.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(
    packages = "io.voltstream.infra",
    importOptions = ImportOption.DoNotIncludeTests.class)
class InfraArchitectureTest {

  @ArchTest
  static final ArchRule serversDoNotDependOnJUnit =
      noClasses()
          .that()
          .resideInAPackage("io.voltstream.infra")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.junit..")
          .because("the demo runs the servers without JUnit on the classpath");

  @ArchTest
  static final ArchRule noJUnit4 =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.junit")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("junit..");

  @ArchTest
  static final ArchRule noStandardStreams =
      GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  @ArchTest
  static final ArchRule noJavaUtilLogging =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices()
          .matching("io.voltstream.(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "each package depends only downwards, so it can be read and changed on its own (issue"
                  + " 7)");
}
