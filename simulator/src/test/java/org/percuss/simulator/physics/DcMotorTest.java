package org.percuss.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The motor model against the closed-form results of its own equations. */
class DcMotorTest {

    private static final MotorParameters P = MotorParameters.MASSAGE_GUN;

    private static DcMotor runFor(MotorParameters p, double seconds, double volts, double load) {
        DcMotor m = new DcMotor(p);
        for (int i = 0; i < (int) (seconds * 1000); i++) {
            m.step(0.001, volts, load);
        }
        return m;
    }

    @Test
    void steadyStateSpeedAtAGivenVoltageAndLoad() {
        // J·dω/dt = 0 = Kt·(V − Ke·ω)/R − b·ω − τc − τL  ⇒  ω = (Kt·V/R − τc − τL) / (Kt²/R + b)
        double v = 12;
        double load = 0.03;
        double kt = P.torqueConstant();
        double expected = (kt * v / P.resistanceOhms() - P.coulombFriction() - load)
                / (kt * kt / P.resistanceOhms() + P.viscousFriction());
        DcMotor m = runFor(P, 2, v, load);
        assertThat(m.speedRadPerSec()).isCloseTo(expected, within(1e-6 * expected));
        assertThat(m.currentAmps()).isCloseTo((v - kt * expected) / P.resistanceOhms(), within(1e-6));
    }

    @Test
    void aBlockedRotorDrawsTheStallCurrentVOverR() {
        MotorParameters unlimited = new MotorParameters(P.resistanceOhms(), P.torqueConstant(), P.inertia(),
                P.viscousFriction(), P.coulombFriction(), 1e6);
        DcMotor m = runFor(unlimited, 0.5, 6.0, 1e3);
        assertThat(m.speedRadPerSec()).isZero();
        assertThat(m.currentAmps()).isCloseTo(6.0 / P.resistanceOhms(), within(1e-12));
    }

    @Test
    void theDriverLimitsTheStallCurrent() {
        DcMotor m = runFor(P, 0.5, 16.0, 1e3);
        assertThat(m.currentAmps()).isEqualTo(P.driverCurrentLimitAmps());
        assertThat(m.speedRadPerSec()).isZero();
    }

    @Test
    void reachesSixtyThreePercentOfAVoltageStepAfterTheMechanicalTimeConstant() {
        // Without friction the response to a voltage step is first order with τm = J·R/(Kt·Ke).
        MotorParameters frictionless = new MotorParameters(P.resistanceOhms(), P.torqueConstant(), P.inertia(), 0, 0, 1e6);
        double tau = frictionless.mechanicalTimeConstantSeconds();
        DcMotor m = new DcMotor(frictionless);
        int steps = (int) Math.round(tau / 1e-5);
        for (int i = 0; i < steps; i++) {
            m.step(1e-5, 10, 0);
        }
        double finalSpeed = 10 / P.torqueConstant();
        assertThat(m.speedRadPerSec() / finalSpeed).isCloseTo(1 - Math.exp(-1), within(2e-3));
    }

    @Test
    void frictionStopsTheRotorAndNeverReversesIt() {
        DcMotor m = runFor(P, 1, 12, 0);
        assertThat(m.speedRadPerSec()).isPositive();
        for (int i = 0; i < 3000; i++) {
            m.step(0.001, 0, 0.05);
        }
        assertThat(m.speedRadPerSec()).isZero();
    }

    @Test
    void pressureLoadsTheMotorAsDocumented() {
        ContactLoad c = ContactLoad.MASSAGE_GUN;
        double kt = P.torqueConstant();
        // free-running current plus the contact torque over Kt
        double at2200 = DcMotor.radPerSec(2200);
        double friction = P.coulombFriction() + P.viscousFriction() * at2200;
        assertThat(friction / kt).isCloseTo(0.42, within(0.01));
        assertThat((friction + c.torque(10, at2200)) / kt).isCloseTo(1.76, within(0.02));
        double at2700 = DcMotor.radPerSec(2700);
        double f2700 = P.coulombFriction() + P.viscousFriction() * at2700;
        assertThat((f2700 + c.torque(20, at2700)) / kt).isGreaterThan(3.0);
        double at1200 = DcMotor.radPerSec(1200);
        double f1200 = P.coulombFriction() + P.viscousFriction() * at1200;
        assertThat((f1200 + c.torque(20, at1200)) / kt).as("derating to the lowest level relieves it").isLessThan(3.0);
        assertThat((friction + c.torque(30, at2200)) / kt).isGreaterThan(4.0);
    }
}
