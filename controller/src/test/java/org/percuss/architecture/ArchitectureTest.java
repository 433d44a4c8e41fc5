package org.percuss.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's architecture, checked on the compiled main code of all three modules: which module
 * and package may use which, where the third-party hardware libraries may appear, and who may read
 * the machine's clocks.
 */
class ArchitectureTest {

    private static final JavaClasses PERCUSS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.percuss");

    @Test
    void allThreeModulesAreImportedSoTheRulesAreNotVacuous() {
        org.assertj.core.api.Assertions.assertThat(PERCUSS.contain("org.percuss.device.time.SystemTicker")).isTrue();
        org.assertj.core.api.Assertions.assertThat(PERCUSS.contain("org.percuss.simulator.board.SimulatedBoard")).isTrue();
        org.assertj.core.api.Assertions.assertThat(PERCUSS.contain("org.percuss.controller.loop.ControlLoop")).isTrue();
        org.assertj.core.api.Assertions.assertThat(PERCUSS.contain("org.percuss.controller.loop.ControlLoopTest")).isFalse();
    }

    @Test
    void theDeviceModuleKnowsNothingOfTheSimulatorOrTheController() {
        noClasses().that().resideInAPackage("org.percuss.device..")
                .should().dependOnClassesThat().resideInAnyPackage("org.percuss.simulator..", "org.percuss.controller..")
                .check(PERCUSS);
    }

    @Test
    void theSimulatorKnowsNothingOfTheController() {
        noClasses().that().resideInAPackage("org.percuss.simulator..")
                .should().dependOnClassesThat().resideInAPackage("org.percuss.controller..")
                .check(PERCUSS);
    }

    @Test
    void theControllerUsesTheSimulatorOnlyToRunScenariosAndInItsCommandLine() {
        noClasses().that().resideInAPackage("org.percuss.controller..")
                .and().resideOutsideOfPackages("org.percuss.controller.cli..", "org.percuss.controller.scenario..")
                .should().dependOnClassesThat().resideInAPackage("org.percuss.simulator..")
                .check(PERCUSS);
    }

    @Test
    void onlyTheSerialPackageTouchesJSerialComm() {
        noClasses().that().resideOutsideOfPackage("org.percuss.device.serial..")
                .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
                .check(PERCUSS);
    }

    @Test
    void onlyTheGpioPackageTouchesPi4J() {
        noClasses().that().resideOutsideOfPackage("org.percuss.device.gpio..")
                .should().dependOnClassesThat().resideInAPackage("com.pi4j..")
                .check(PERCUSS);
    }

    @Test
    void onlyTheKeysPackageTouchesJLine() {
        noClasses().that().resideOutsideOfPackage("org.percuss.controller.keys..")
                .should().dependOnClassesThat().resideInAPackage("org.jline..")
                .check(PERCUSS);
    }

    @Test
    void onlyTheWebPackageTouchesJavalinAndJetty() {
        noClasses().that().resideOutsideOfPackage("org.percuss.controller.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .check(PERCUSS);
    }

    @Test
    void theLiveControlsDoNoIo() {
        noClasses().that().resideInAPackage("org.percuss.controller.live..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..", "org.percuss.controller.keys..",
                        "org.percuss.controller.web..", "org.percuss.controller.cli..")
                .check(PERCUSS);
    }

    @Test
    void theProtocolIsPureCode() {
        noClasses().that().resideInAPackage("org.percuss.device.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "org.percuss.device.serial..")
                .check(PERCUSS);
    }

    @Test
    void onlyTheRealTickerReadsTheMachinesClocks() {
        noClasses().that().doNotHaveFullyQualifiedName("org.percuss.device.time.SystemTicker")
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .check(PERCUSS);
    }

    @Test
    void theControlLoopAndTheSafetyRulesDoNotSleep() {
        noClasses().that().resideInAnyPackage("org.percuss.controller.loop..", "org.percuss.controller.safety..",
                        "org.percuss.controller.session..")
                .should().callMethod(Thread.class, "sleep", long.class)
                .check(PERCUSS);
    }

    @Test
    void safetyRulesLiveInTheSafetyPackage() {
        classes().that().implement("org.percuss.controller.safety.SafetyRule")
                .should().resideInAPackage("org.percuss.controller.safety")
                .andShould().haveSimpleNameEndingWith("Rule")
                .check(PERCUSS);
    }
}
