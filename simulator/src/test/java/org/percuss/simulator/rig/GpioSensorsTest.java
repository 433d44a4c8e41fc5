package org.percuss.simulator.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.gpio.CurrentSense;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.I2cRegisters;
import org.percuss.device.gpio.MotionSense;
import org.percuss.device.gpio.RigSensors;
import org.percuss.device.gpio.SensorOpenException;
import org.percuss.device.gpio.TemperatureSense;
import org.percuss.device.gpio.VirtualI2c;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.physics.Sensors;

/**
 * The rig's sensors on Pi4J's mock I2C, closed around the simulator's physics in virtual time: what
 * the INA219, the MPU-6050, the NTC on its ADS1115 and a DS18B20 report is what the motor, the
 * battery, the hand and the thermal model do; a sensor that fails is a named fault that stops the
 * motor.
 */
class GpioSensorsTest {

    private final VirtualClock clock = new VirtualClock(1_000_000_000L);
    private final GunPlant plant = new GunPlant(PhysicsParameters.DEFAULT.withAmbient(30));
    private final Sensors sensors = new Sensors(new SplittableRandom(7));
    private SimulatedRig rig;
    private PercussionDevice device;

    private void open(GpioRig wiring, Path oneWire) {
        rig = new SimulatedRig(clock, wiring, plant, sensors, oneWire);
        device = rig.device();
    }

    private void open() {
        open(SimulatedRig.rigFor(plant), Path.of("/nonexistent"));
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
    }

    /** Commands {@code ppm} every 10 ms for {@code millis}, as the control loop does. */
    private void run(int ppm, long millis) {
        for (long t = 0; t < millis; t += 10) {
            device.commandSpeed(ppm);
            clock.advance(Duration.ofMillis(10));
        }
    }

    @Nested
    class WhatTheyReport {

        @Test
        void theIna219ReportsTheWindingCurrentAndThePacksVoltage() {
            open();
            plant.setPressure(20);
            run(2700, 4000);
            // over a second: the supply current divided by the duty is the winding's, as a board's shunt measures it
            double reported = 0;
            double real = 0;
            for (int i = 0; i < 100; i++) {
                run(2700, 10);
                reported += device.telemetry().currentAmps() / 100;
                real += plant.currentAmps() / 100;
            }
            assertThat(real).isGreaterThan(2.5);
            assertThat(reported).isCloseTo(real, offset(0.05 * real));
            assertThat(device.telemetry().supplyVolts()).isCloseTo(plant.supplyVolts(), offset(0.05));
        }

        @Test
        void theNtcOnTheAds1115ReportsTheWindingsTemperature() {
            open();
            plant.setPressure(20);
            plant.setCoolingLost(true);
            run(2700, 60_000);
            assertThat(plant.temperatureCelsius()).isGreaterThan(35);
            assertThat(device.telemetry().temperatureCelsius()).isCloseTo(plant.temperatureCelsius(), offset(0.5));
        }

        @Test
        void theMpu6050SeesASweepButNeitherAStillHandNorThePercussionsVibration() {
            open();
            rig.setInput(Input.MOTION, true);
            run(3200, 5000);
            assertThat(device.telemetry().inputs().isActive(Input.MOTION)).isTrue();
            rig.setInput(Input.MOTION, false);
            boolean everMoving = false;
            run(3200, 500);
            for (int i = 0; i < 300; i++) {
                run(3200, 10);
                everMoving |= device.telemetry().inputs().isActive(Input.MOTION);
            }
            assertThat(everMoving).as("held still at 3200 ppm: the vibration is filtered out").isFalse();
        }

        @Test
        void aDs18b20IsReadFromItsOneWireFileInSixteenthsOfADegree(@TempDir Path w1) {
            open(SimulatedRig.rigFor(plant).withSensors(RigSensors.NONE.withTemperature(
                    new TemperatureSense.Ds18b20("28-0316a2795fff", 4))), w1);
            plant.setPressure(20);
            plant.setCoolingLost(true);
            run(2700, 30_000);
            double reported = device.telemetry().temperatureCelsius();
            assertThat(reported * 16).isCloseTo(Math.rint(reported * 16), offset(1e-6));
            assertThat(reported).isCloseTo(plant.temperatureCelsius(), offset(1.0));
            assertThat(device.capabilities().features()).contains(org.percuss.device.api.Capability.TEMPERATURE);
        }
    }

    @Nested
    class WhenTheyFail {

        @Test
        void aSensorThatStopsAnsweringIsANamedFaultThatStopsTheMotorAndRefusesClearsUntilItAnswers() {
            open();
            run(2200, 3000);
            assertThat(rig.pi().duty()).isPositive();
            I2cRegisters ina = rig.chip(1, 0x40);
            ina.setAnswering(false);
            run(2200, 80);
            assertThat(device.telemetry().faults().isEmpty()).as("one lost transfer is not a failure").isTrue();
            run(2200, 60);
            assertThat(device.telemetry().faults().contains(Fault.INTERNAL)).isTrue();
            assertThat(device.faultDetail()).isEqualTo("INA219 at 0x40 on bus 1: no answer");
            assertThat(rig.pi().duty()).isZero();
            assertThat(rig.pi().enabled()).isFalse();
            assertThat(device.commandSpeed(1200)).isZero();
            device.requestClearFaults();
            assertThat(device.clearStatus()).isEqualTo(ClearStatus.REFUSED);
            ina.setAnswering(true);
            clock.advance(Duration.ofMillis(40));
            device.requestClearFaults();
            clock.advance(Duration.ofMillis(20));
            assertThat(device.clearStatus()).isEqualTo(ClearStatus.CLEARED);
            assertThat(device.faultDetail()).isEmpty();
            assertThat(device.commandSpeed(1200)).isEqualTo(1200);
        }

        @Test
        void eachSensorIsNamedByItsChipAndAddress() {
            for (int[] chip : new int[][] {{0x68}, {0x48}}) {
                open();
                run(2200, 1000);
                rig.chip(1, chip[0]).setAnswering(false);
                run(2200, 200);
                assertThat(device.faultDetail()).isEqualTo((chip[0] == 0x68 ? "MPU-6050" : "ADS1115")
                        + " at 0x" + Integer.toHexString(chip[0]) + " on bus 1: no answer");
                device.close();
            }
            device = null;
        }

        @Test
        void aCurrentSensorStuckOnOneValueWhileTheMotorRunsIsAFault() {
            open();
            run(2200, 3000);
            rig.freezeCurrentSensor(true);
            run(2200, 900);
            assertThat(device.telemetry().faults().isEmpty()).isTrue();
            run(2200, 400);
            assertThat(device.faultDetail()).isEqualTo("INA219 at 0x40 on bus 1: stuck: the same reading for 1000 ms while the motor runs");
            assertThat(rig.pi().duty()).isZero();
        }

        @Test
        void anIna219ThatLosesItsCalibrationIsProgrammedAgainAndReadsRightWithoutAFault() {
            open();
            plant.setPressure(20);
            run(2700, 3000);
            rig.chip(1, 0x40).setWord(0x05, 0); // a brown-out of the sensor's own supply
            run(2700, 100);
            assertThat(device.telemetry().faults().isEmpty()).isTrue();
            assertThat(rig.chip(1, 0x40).word(0x05)).isEqualTo(CurrentSense.fullScale(1, 0x40, SimulatedRig.SHUNT_OHMS).calibration());
            assertThat(device.telemetry().currentAmps()).isCloseTo(plant.currentAmps(), offset(0.1 * plant.currentAmps()));
        }

        @Test
        void aDs18b20ThatLeavesTheBusIsAFaultAfterThreeSecondsWithoutAReading(@TempDir Path w1) throws IOException {
            open(SimulatedRig.rigFor(plant).withSensors(RigSensors.NONE.withTemperature(
                    new TemperatureSense.Ds18b20("28-0316a2795fff", 4))), w1);
            run(1200, 2000);
            Path dir = w1.resolve("28-0316a2795fff");
            Files.delete(dir.resolve("temperature"));
            Files.delete(dir);
            run(1200, 2500);
            assertThat(device.telemetry().faults().isEmpty()).as("a reading within 3 s").isTrue();
            run(1200, 1000);
            assertThat(device.faultDetail()).startsWith("DS18B20 28-0316a2795fff: not on the 1-wire bus (");
            assertThat(rig.pi().duty()).isZero();
        }

        @Test
        void aDs18b20ThatReadsItsPowerOnValueOrACrcErrorSaysWhich(@TempDir Path w1) throws IOException {
            Path file = w1.resolve("28-0316a2795fff").resolve("temperature");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "23125\n");
            VirtualPi pi = new VirtualPi(GpioRig.DEFAULT.withSensors(RigSensors.NONE.withTemperature(
                    new TemperatureSense.Ds18b20("28-0316a2795fff", 4))), clock, new VirtualI2c(), w1);
            device = pi.device();
            clock.advance(Duration.ofSeconds(2));
            assertThat(device.telemetry().temperatureCelsius()).isEqualTo(23.125);
            Files.writeString(file, "85000\n"); // the scratchpad's power-on value: no conversion ran
            clock.advance(Duration.ofMillis(2900));
            assertThat(device.telemetry().faults().isEmpty()).isTrue();
            assertThat(device.telemetry().temperatureCelsius()).as("the last good reading is kept").isEqualTo(23.125);
            clock.advance(Duration.ofMillis(300));
            assertThat(device.faultDetail()).isEqualTo("DS18B20 28-0316a2795fff: reads 85.0 °C, its power-on value: "
                    + "no conversion ran (check the 4.7 kΩ pull-up and its power)");
            // the kernel answers a failed CRC check with an I/O error: a file that cannot be read stands for it
            Files.delete(file);
            Files.createDirectory(file);
            clock.advance(Duration.ofSeconds(4));
            assertThat(device.faultDetail()).startsWith("DS18B20 28-0316a2795fff: no answer (reading ")
                    .endsWith("failed: a CRC error or no presence pulse)");
        }
    }

    @Nested
    class WhenTheyAreNotThere {

        @Test
        void aSensorMissingAtOpenStopsTheOpeningNamingIt() {
            GpioRig wiring = GpioRig.DEFAULT.withSensors(RigSensors.NONE.withCurrent(CurrentSense.fullScale(1, 0x41, 0.01)));
            assertThatThrownBy(() -> new VirtualPi(wiring, clock, new VirtualI2c(), Path.of("/nonexistent")))
                    .isInstanceOf(SensorOpenException.class)
                    .hasMessage("gpio: INA219 at 0x41 on bus 1: no answer");
        }

        @Test
        void aChipOfAnotherKindAtTheMotionSensorsAddressIsRefused() {
            VirtualI2c i2c = new VirtualI2c();
            i2c.attach(1, 0x68, 1).setByte(0x75, 0x12);
            GpioRig wiring = GpioRig.DEFAULT.withSensors(RigSensors.NONE.withMotion(new MotionSense(1, 0x68, 10)));
            assertThatThrownBy(() -> new VirtualPi(wiring, clock, i2c, Path.of("/nonexistent")))
                    .hasMessage("gpio: MPU-6050 at 0x68 on bus 1: answers WHO_AM_I 0x12: not an MPU-6050-family chip "
                            + "(0x68, 0x70, 0x71, 0x73)");
        }

        @Test
        void aDs18b20NotOnTheBusIsNamed(@TempDir Path w1) {
            GpioRig wiring = GpioRig.DEFAULT.withSensors(RigSensors.NONE.withTemperature(
                    new TemperatureSense.Ds18b20("28-0316a2795fff", 4)));
            assertThatThrownBy(() -> new VirtualPi(wiring, clock, new VirtualI2c(), w1))
                    .hasMessage("gpio: DS18B20 28-0316a2795fff: not on the 1-wire bus (" + w1.resolve("28-0316a2795fff")
                            + " is missing)");
        }
    }
}
