#include "model.h"

#include <math.h>

#define PI 3.14159265358979323846

/* The motor (Java MotorParameters.MASSAGE_GUN): a 2430-size outrunner, Kv 320 rpm/V, so
   Ke = Kt = 60 / (2 pi 320) V.s/rad; R 0.6 ohm winding plus MOSFETs; J 3e-5 kg.m2; friction
   0.008 N.m Coulomb plus 2e-5 N.m.s/rad viscous; the driver clamps the current to 8 A.
   Mechanical time constant J R / (Kt Ke) = 20 ms; the electrical one (0.17 ms) is far below the
   step, so the current is settled: i = (V - Ke w) / R. */
#define R_OHMS 0.6
#define KT (60.0 / (2 * PI * 320))
#define INERTIA 3.0e-5
#define VISCOUS 2.0e-5
#define COULOMB 0.008
#define CURRENT_LIMIT 8.0
/* Contact load (Java ContactLoad.MASSAGE_GUN): tau = F r (k0 + k1 w / w_ref), r 5 mm, k0 0.2,
   k1 0.6, w_ref 2200 rpm. A jammed mechanism is a torque no drive overcomes. */
#define CRANK_M 0.005
#define K0 0.2
#define K1 0.6
#define W_REF (2200 * 2 * PI / 60)
#define BLOCKED_TORQUE 1e3
/* Battery (Java Battery): 4S NMC, 2.5 Ah, 0.15 ohm; the board's electronics draw 50 mA. */
#define CELLS 4
#define CAPACITY_C (2.5 * 3600)
#define INTERNAL_OHMS 0.15
#define QUIESCENT_AMPS 0.05
/* Thermal (Java ThermalModel): C 50 J/K, 6 K/W cooled, 60 K/W with the cooling lost; 0.3 W of
   electronics besides I^2 R. */
#define HEAT_CAPACITY 50.0
#define RTH_COOLED 6.0
#define RTH_UNCOOLED 60.0
#define ELECTRONICS_WATTS 0.3

static const double SOC[] = {0, 0.05, 0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 1.00};
static const double OCV[] = {3.00, 3.30, 3.45, 3.55, 3.62, 3.68, 3.73, 3.79, 3.86, 3.94, 4.05, 4.20};

static double open_circuit_volts(const model_t *m)
{
    if (m->source_volts > 0) {
        return m->source_volts;
    }
    double soc = m->soc;
    if (soc <= 0) {
        return CELLS * OCV[0];
    }
    for (int i = 1; i < (int)(sizeof SOC / sizeof SOC[0]); i++) {
        if (soc <= SOC[i]) {
            double f = (soc - SOC[i - 1]) / (SOC[i] - SOC[i - 1]);
            return CELLS * (OCV[i - 1] + f * (OCV[i] - OCV[i - 1]));
        }
    }
    return CELLS * OCV[11];
}

void model_init(model_t *m)
{
    *m = (model_t){0};
    m->soc = 0.9;
    m->ambient = 25;
    m->temperature = 25;
    m->sag = 1;
    m->supply = open_circuit_volts(m);
}

double model_ppm(const model_t *m)
{
    return m->speed * 60 / (2 * PI);
}

/* J dw/dt = Kt i - b w - (tau_c + tau_load) sign(w), integrated semi-implicitly in the viscous and
   back-EMF terms (stable at any step), as the Java DcMotor does; friction and load stop the rotor,
   never reverse it. With the driver disabled its bridge is open: no current flows. */
static void motor_step(model_t *m, drive_t drive, double dt)
{
    double load = m->blocked ? BLOCKED_TORQUE
                             : m->pressure * CRANK_M * (K0 + K1 * m->speed / W_REF);
    double volts = drive.duty * m->supply;
    double unclamped = drive.enabled ? (volts - KT * m->speed) / R_OHMS : 0;
    double amps = fmax(-CURRENT_LIMIT, fmin(CURRENT_LIMIT, unclamped));
    m->motor_amps = amps;
    double torque = KT * amps;
    double resisting = COULOMB + load;
    if (m->speed == 0 && torque <= resisting) {
        return; /* static friction holds it */
    }
    int clamped = !drive.enabled || unclamped != amps;
    double damping = VISCOUS + (clamped ? 0 : KT * KT / R_OHMS);
    double force = clamped ? torque : KT * volts / R_OHMS;
    double next = (INERTIA * m->speed + dt * (force - resisting)) / (INERTIA + dt * damping);
    m->speed = next > 0 ? next : 0;
}

double model_sensed_amps(const model_t *m, drive_t drive)
{
    int driving = drive.enabled && drive.duty > 0;
    return fabs(m->motor_amps) + (driving || m->blocked ? m->extra_amps : 0);
}

int model_step(model_t *m, drive_t drive, double dt, double *edge_at, int *edge_level)
{
    if (!drive.enabled) {
        drive.duty = 0;
    }
    motor_step(m, drive, dt);
    double amps = fabs(m->motor_amps) + (drive.enabled && drive.duty > 0 ? m->extra_amps : 0);
    /* the battery: power in = power out through a synchronous half-bridge */
    double battery_amps = fmax(0, drive.duty * amps) + QUIESCENT_AMPS;
    if (m->source_volts <= 0) {
        m->soc = fmax(0, m->soc - battery_amps * dt / CAPACITY_C);
    }
    m->supply = fmax(0, open_circuit_volts(m) - battery_amps * INTERNAL_OHMS * m->sag);
    /* C dT/dt = P - (T - T_amb) / R_th, solved exactly over the step */
    double rth = m->cooling_lost ? RTH_UNCOOLED : RTH_COOLED;
    double heat = amps * amps * R_OHMS + ELECTRONICS_WATTS;
    double steady = m->ambient + heat * rth;
    m->temperature = steady + (m->temperature - steady) * exp(-dt / (rth * HEAT_CAPACITY));
    /* the crank turns; a magnet passes the Hall sensor: high for the first half of each pulse */
    double before = m->angle;
    double after = before + m->speed * dt;
    double slice = 2 * PI / MODEL_TACH_PULSES_PER_REV / 2;
    int edges = 0;
    double next_edge = (floor(before / slice) + 1) * slice;
    while (next_edge <= after && edges < 8) {
        edge_at[edges] = (next_edge - before) / (after - before);
        long k = lround(next_edge / slice);
        edge_level[edges] = (k % 2) == 0; /* even half-slices start a pulse */
        edges++;
        next_edge += slice;
    }
    m->angle = fmod(after, 2 * PI);
    return edges;
}

static int clamp_mv(double mv)
{
    return mv < 0 ? 0 : mv > 5000 ? 5000 : (int)lround(mv);
}

int model_current_pin_mv(const model_t *m, drive_t drive)
{
    return clamp_mv(model_sensed_amps(m, drive) * 200);
}

int model_ntc_pin_mv(const model_t *m)
{
    /* R = R0 exp(B (1/T - 1/T0)), R0 10 k at 25 deg C, B 3950; V = 5 V R / (R + 10 k) */
    double t = m->temperature + 273.15;
    double r = 10000 * exp(3950 * (1 / t - 1 / 298.15));
    return clamp_mv(5000 * r / (r + 10000));
}

int model_supply_pin_mv(const model_t *m)
{
    return clamp_mv(m->supply * 1000 * 10 / 57);
}
