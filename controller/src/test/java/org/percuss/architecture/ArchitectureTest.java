package org.percuss.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's architecture, checked on the compiled main code of all three modules: which module
 * and package may use which, where the third-party hardware and native libraries may appear, and
 * who may read the machine's clocks.
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
    void theControllerUsesTheSimulatorOnlyToRunScenariosAndCampaignsAndInItsCommandLine() {
        noClasses().that().resideInAPackage("org.percuss.controller..")
                .and().resideOutsideOfPackages("org.percuss.controller.cli..", "org.percuss.controller.scenario..",
                        "org.percuss.controller.campaign..")
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
    void onlyThePtyAndOsPackagesTouchJna() {
        noClasses().that().resideOutsideOfPackages("org.percuss.device.pty..", "org.percuss.device.os..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
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

    /**
     * The classes at the edge of real time, and only they, may own a thread, wait or read the
     * wall clock: everything else runs on an injected Ticker and Scheduler, so it runs the same in
     * virtual time (DESIGN.md, "One safety core, every transport").
     */
    private static final String[] REAL_TIME_EDGE = {
        "org.percuss.device.time.SystemTicker",
        "org.percuss.device.time.SystemScheduler",
        "org.percuss.device.serial.SerialConnection",
        "org.percuss.device.serial.JSerialCommLink",
        "org.percuss.device.pty.PosixPseudoTerminal",
        "org.percuss.controller.loop.RealTimeDriver",
        "org.percuss.controller.cli.SimulatedTimeDriver",
        "org.percuss.controller.cli.Backend",
        "org.percuss.controller.cli.BoardCommand",
        "org.percuss.controller.cli.Interrupts",
        "org.percuss.controller.cli.ProcessOutput", // run's stdout and stderr: a thread writes them, the loop never waits
        "org.percuss.device.gpio.PiGpio",     // a real Pi: a thread for a DS18B20's blocking 1-wire reads
        "org.percuss.device.gpio.SysfsPwm",   // a real Pi: waits for udev to give the exported PWM channel's files
        "org.percuss.controller.keys.TerminalKeys",
        "org.percuss.controller.campaign.CampaignRunner", // the campaign's worker threads
        "org.percuss.controller.session.UsageLedger", // waits, a bounded time, for a lock another process holds
    };

    @Test
    void onlyTheRealTimeEdgeSleepsWaitsOrOwnsAThread() {
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.describe("are not at the real-time edge",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> java.util.Arrays.stream(REAL_TIME_EDGE)
                                .noneMatch(edge -> c.getFullName().equals(edge) || c.getFullName().startsWith(edge + "$"))))
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Object.class, "wait")
                .orShould().callMethod(Object.class, "wait", long.class)
                .orShould().callMethod(java.util.concurrent.locks.LockSupport.class, "parkNanos", long.class)
                .orShould().callMethod(Thread.class, "ofPlatform")
                .orShould().callMethod(Thread.class, "ofVirtual")
                .orShould().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Thread.class))))
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                        java.util.concurrent.ScheduledThreadPoolExecutor.class)
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
