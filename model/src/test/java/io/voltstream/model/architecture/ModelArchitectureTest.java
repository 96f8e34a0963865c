package io.voltstream.model.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared contracts stay framework-free and acyclic (style.md A). */
@AnalyzeClasses(
    packages = "io.voltstream.model",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices()
          .matching("io.voltstream.(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "each package depends only downwards, so it can be read and changed on its own (issue"
                  + " 7)");

  @ArchTest
  static final ArchRule noFrameworks =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.kafka..", "org.apache.flink..", "io.javalin..")
          .because("every module reads the model; it must not drag a framework along");
}
