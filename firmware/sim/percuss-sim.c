/*
 * percuss-sim: the Uno firmware in simavr, its UART on a pseudo-terminal, a massage gun around it.
 *
 *   percuss-sim [--fast] [--trace] [--link PATH] [--control FIFO] FIRMWARE.elf
 *
 * Loads the ELF into an emulated ATmega328P at 16 MHz and bridges UART0 to a new pseudo-terminal;
 * the first line of output is its path ("uart0: /dev/pts/5"): a host opens it as it would
 * /dev/ttyACM0. The AVR runs in step with the wall clock (--fast: free of it, as fast as it goes).
 * The gun (model.c) closes the loop: the PWM and enable pins drive the motor, the crank makes
 * tachometer pulses on ICP1, current, temperature and supply appear on the ADC, and the e-stop and
 * buttons are pins. Commands on standard input (and on --control FIFO, if given), one a line:
 *
 *   pressure N            the user presses the gun against the body with N newtons
 *   overcurrent A         A amperes more drawn while driving, as a shorted turn would (0 ends it)
 *   temperature C         the winding is at C deg C now (heat); it cools or heats from there
 *   cooling lost|ok       the fan stops (or runs again)
 *   sag F                 the battery's internal resistance times F (1: healthy)
 *   supply V              a bench supply of V volts instead of the battery (0: the battery again)
 *   soc F                 the battery's state of charge, 0..1
 *   stall on|off          the mechanism jams (or frees)
 *   estop on|off          the emergency-stop switch pressed (or released)
 *   button power|plus|minus on|off
 *   hang                  the firmware's main loop hangs (the test build only: percuss-uno-test.elf)
 *   reset                 the reset button
 *   status                one status line
 *   quit
 *
 * Each command is answered "T ok COMMAND" or "T error WHY"; T is the AVR's time in ms. Events:
 * "T reset power-on|watchdog|external", "T driver enabled|disabled"; with --trace also every
 * packet both ways ("T host SET_SPEED seq=7 target_ppm=2200", "T board TELEMETRY ...", stamped
 * when its last byte crossed the UART) and the gun every 100 ms ("T model ppm=...").
 * It runs until killed, "quit", or the end of its standard input when that is a pipe (so that it
 * does not outlive a test that drove it); from a terminal or /dev/null it runs on.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <avr_adc.h>
#include <avr_extint.h>
#include <avr_ioport.h>
#include <avr_uart.h>
#include <sim_avr.h>
#include <sim_elf.h>
#include <sim_io.h>
#include <sim_irq.h>
#include <sim_time.h>

#include "model.h"
#include "../src/protocol/decoder.h"
#include "../src/protocol/packet_text.h"

#define FREQUENCY 16000000u
/* simavr times a UART frame as 11 bits (it counts a parity bit): at U2X, UBRR 16 that is
   11 * 17 * 8 = 1496 cycles. Bytes go in no faster than that plus 2 %, or the UART loses some. */
#define BYTE_CYCLES 1526u
#define MODEL_CYCLES (FREQUENCY / 1000u)     /* the gun steps every 1 ms */
#define PACER_CYCLES (FREQUENCY / 5000u)     /* I/O and the wall clock every 200 us */
#define MODEL_LINE_MS 100u
#define BEHIND_LIMIT_NS 100000000ll          /* further behind than 100 ms: a pause, not a race */

/* The firmware's pins (src/avr/pins.h) and the test hooks (src/avr/main.c). */
#define PIN_ESTOP 2   /* PD2 */
#define PIN_POWER 4   /* PD4 */
#define PIN_PLUS 5    /* PD5 */
#define PIN_PWM 6     /* PD6 */
#define PIN_MINUS 7   /* PD7 */
#define PIN_TACH 0    /* PB0 */
#define PIN_ENABLE 1  /* PB1 */
#define PINB_ADDR 0x23
#define PIND_ADDR 0x29
#define DRIVEN_B (1 << PIN_TACH)
#define DRIVEN_D ((1 << PIN_ESTOP) | (1 << PIN_POWER) | (1 << PIN_PLUS) | (1 << PIN_MINUS))
#define GPIOR0_ADDR 0x3E
#define GPIOR1_ADDR 0x4A
#define MCUSR_ADDR 0x54
#define EXTRF_BIT 1
#define TEST_HOOKS_PRESENT 0x7E
#define HANG_REQUEST 0xA5
#define STACK_PAINT 0xC5

static avr_t *avr;
static int fast, trace;
static volatile sig_atomic_t stopping;
static int reset_requested;
static int resets_by_harness;

/* the link */
static int master = -1, slave = -1;
static char slave_path[128];
static const char *link_path;
static uint8_t to_avr[4096];
static unsigned to_avr_head, to_avr_tail;
static int feeding;
static decoder_t host_decoder, board_decoder;
static unsigned long bytes_dropped_out;

/* the control channel */
static int stdin_open = 1;
static int fifo = -1, fifo_keepalive = -1;
static char stdin_line[256], fifo_line[256];
static size_t stdin_len, fifo_len;

/* the gun */
static model_t gun;
static drive_t next_drive;
static int pwm_level, enable_level;
static avr_cycle_count_t pwm_since, enable_since, window_start;
static avr_cycle_count_t enabled_cycles, pwm_high_enabled;
static uint8_t port_b_external, port_d_external = DRIVEN_D; /* switches released, tachometer low */
static unsigned model_steps;

/* the wall clock */
static int64_t wall_anchor_ns;
static int64_t last_behind_warning_ns;

static avr_irq_t *uart_in;

/* ---- output ------------------------------------------------------------------------------- */

static double avr_ms(void)
{
    return avr ? (double)avr->cycle * 1000.0 / FREQUENCY : 0;
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%.3f ", avr_ms());
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
    if (ferror(stdout)) {
        stopping = 1; /* whoever read the output has gone */
    }
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("percuss-sim: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (link_path) {
        unlink(link_path);
    }
    exit(1);
}

static int64_t wall_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000ll + t.tv_nsec;
}

static int64_t avr_ns(void)
{
    return (int64_t)avr_cycles_to_nsec(avr, avr->cycle);
}

static void trace_packet(decoder_t *d, uint8_t byte, const char *who)
{
    uint8_t n = decoder_feed(d, byte);
    if (n && trace) {
        char text[256];
        packet_describe(d->raw, n, text, sizeof text);
        say("%s %s", who, text);
    }
}

/* ---- the link: UART0 <-> pseudo-terminal --------------------------------------------------- */

static void open_pty(void)
{
    master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        die("cannot make a pseudo-terminal: %s", strerror(errno));
    }
    if (ptsname_r(master, slave_path, sizeof slave_path) != 0) {
        die("cannot name the pseudo-terminal: %s", strerror(errno));
    }
    /* The harness keeps the slave open too: the master then never sees a hang-up, a host can come
       and go, and the line is raw from the start (a host sets its own mode when it opens). */
    slave = open(slave_path, O_RDWR | O_NOCTTY);
    if (slave < 0) {
        die("cannot open %s: %s", slave_path, strerror(errno));
    }
    struct termios t;
    if (tcgetattr(slave, &t) == 0) {
        cfmakeraw(&t);
        cfsetspeed(&t, B115200);
        tcsetattr(slave, TCSANOW, &t);
    }
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    if (link_path) {
        unlink(link_path);
        if (symlink(slave_path, link_path) != 0) {
            die("cannot link %s to %s: %s", link_path, slave_path, strerror(errno));
        }
    }
}

static void uart_out(avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)param;
    uint8_t b = (uint8_t)value;
    if (write(master, &b, 1) != 1) {
        bytes_dropped_out++; /* nobody reads and the pty is full: a real UART's bytes go nowhere too */
    }
    trace_packet(&board_decoder, b, "board");
}

static avr_cycle_count_t feed_byte(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a;
    (void)param;
    if (to_avr_head == to_avr_tail) {
        feeding = 0;
        return 0;
    }
    uint8_t b = to_avr[to_avr_tail];
    to_avr_tail = (to_avr_tail + 1) % sizeof to_avr;
    avr_raise_irq(uart_in, b);
    trace_packet(&host_decoder, b, "host");
    return when + BYTE_CYCLES;
}

static unsigned to_avr_room(void)
{
    return (unsigned)(sizeof to_avr - 1 - (to_avr_head - to_avr_tail + sizeof to_avr) % sizeof to_avr);
}

static void read_host(void)
{
    uint8_t buf[512];
    unsigned room = to_avr_room();
    if (room == 0) {
        return;
    }
    ssize_t n = read(master, buf, room < sizeof buf ? room : sizeof buf);
    for (ssize_t i = 0; i < n; i++) {
        to_avr[to_avr_head] = buf[i];
        to_avr_head = (to_avr_head + 1) % sizeof to_avr;
    }
    if (n > 0 && !feeding) {
        feeding = 1;
        avr_cycle_timer_register(avr, 1, feed_byte, NULL);
    }
}

/* ---- the gun's pins -------------------------------------------------------------------------- */

static avr_irq_t *pin(char port, int bit)
{
    return avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ(port), bit);
}

/* Drives an input pin from outside (a switch, a sensor), and makes that level the pin's external
   state, so that when the firmware writes its port simavr does not put the pull-up back on it. */
static void set_input(char port, int bit, int level)
{
    uint8_t *external = port == 'B' ? &port_b_external : &port_d_external;
    *external = (uint8_t)((*external & ~(1u << bit)) | (level ? 1u << bit : 0));
    avr_ioport_external_t e = {.name = port, .mask = port == 'B' ? DRIVEN_B : DRIVEN_D, .value = *external};
    avr_ioctl(avr, AVR_IOCTL_IOPORT_SET_EXTERNAL(port), &e);
    avr_raise_irq(pin(port, bit), (uint32_t)level);
}

/* Output pins: notifications may come twice, the first flagged AVR_IOPORT_OUTPUT; only level
   changes count. The time each level held is summed over the model's step. */
static void pwm_changed(avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)param;
    int level = (int)(value & 1);
    if (level == pwm_level) {
        return;
    }
    if (pwm_level) {
        if (enable_level) {
            pwm_high_enabled += avr->cycle - (pwm_since > enable_since ? pwm_since : enable_since);
        }
    }
    pwm_level = level;
    pwm_since = avr->cycle;
}

static void enable_changed(avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)param;
    int level = (int)(value & 1);
    if (level == enable_level) {
        return;
    }
    avr_cycle_count_t now = avr->cycle;
    if (enable_level) {
        enabled_cycles += now - enable_since;
        if (pwm_level) {
            pwm_high_enabled += now - (pwm_since > enable_since ? pwm_since : enable_since);
        }
    }
    enable_level = level;
    enable_since = now;
    say("driver %s", level ? "enabled" : "disabled");
}

/* The window's drive: the fraction of it the driver was enabled with the PWM input high. */
static drive_t close_window(void)
{
    avr_cycle_count_t now = avr->cycle;
    if (enable_level) {
        enabled_cycles += now - enable_since;
        if (pwm_level) {
            pwm_high_enabled += now - (pwm_since > enable_since ? pwm_since : enable_since);
        }
    }
    avr_cycle_count_t window = now - window_start;
    drive_t d = {enabled_cycles > 0, window ? (double)pwm_high_enabled / (double)window : 0};
    window_start = pwm_since = enable_since = now;
    enabled_cycles = pwm_high_enabled = 0;
    return d;
}

static avr_cycle_count_t tach_edge(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a;
    (void)when;
    set_input('B', PIN_TACH, (int)(intptr_t)param);
    return 0;
}

static void set_analog(void)
{
    static const int channels[3] = {ADC_IRQ_ADC0, ADC_IRQ_ADC1, ADC_IRQ_ADC2};
    int mv[3] = {model_current_pin_mv(&gun, next_drive), model_ntc_pin_mv(&gun), model_supply_pin_mv(&gun)};
    for (int i = 0; i < 3; i++) {
        avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, channels[i]), (uint32_t)mv[i]);
    }
}

/* Every millisecond: the drive of the millisecond past moves the gun through the next one (a 1 ms
   lag, against the motor's 20 ms time constant); its tachometer edges are timed to the cycle. */
static avr_cycle_count_t model_tick(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a;
    (void)param;
    next_drive = close_window();
    double at[8];
    int level[8];
    int n = model_step(&gun, next_drive, MODEL_CYCLES / (double)FREQUENCY, at, level);
    for (int i = 0; i < n; i++) {
        avr_cycle_count_t in = (avr_cycle_count_t)(at[i] * MODEL_CYCLES);
        avr_cycle_timer_register(avr, in ? in : 1, tach_edge, (void *)(intptr_t)level[i]);
    }
    set_analog();
    if (trace && ++model_steps % MODEL_LINE_MS == 0) {
        say("model ppm=%.1f amps=%.2f temperature=%.1f supply=%.2f duty=%.3f enabled=%d", model_ppm(&gun),
            model_sensed_amps(&gun, next_drive), gun.temperature, gun.supply, next_drive.duty, next_drive.enabled);
    }
    return when + MODEL_CYCLES;
}

/* ---- commands ------------------------------------------------------------------------------- */

/* How deep the firmware's stack has ever gone, in bytes: the firmware paints its free RAM at boot
   (src/avr/main.c); counting down from the top of RAM, what is no longer paint was stack. A
   stacked byte that happened to equal the paint would hide in it: a good estimate, not a proof. */
static int stack_peak(void)
{
    int i = 0x8FF; /* RAMEND */
    while (i > 0x100 && avr->data[i] != STACK_PAINT) {
        i--;
    }
    return 0x8FF - i;
}

static void status(void)
{
    say("status ppm=%.1f amps=%.2f temperature=%.1f supply=%.2f duty=%.3f enabled=%d pressure=%.1f "
        "stack_peak=%d bytes_unread_by_host=%lu",
        model_ppm(&gun), model_sensed_amps(&gun, next_drive), gun.temperature, gun.supply, next_drive.duty,
        next_drive.enabled, gun.pressure, stack_peak(), bytes_dropped_out);
}

static int parse_number(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno || !(v >= lo && v <= hi)) {
        return 0;
    }
    *out = v;
    return 1;
}

static int on_off(const char *s, int *out)
{
    if (strcmp(s, "on") == 0 || strcmp(s, "lost") == 0) {
        *out = 1;
        return 1;
    }
    if (strcmp(s, "off") == 0 || strcmp(s, "ok") == 0) {
        *out = 0;
        return 1;
    }
    return 0;
}

static void command(char *line)
{
    char *words[4] = {0};
    int n = 0;
    for (char *w = strtok(line, " \t\r"); w && n < 4; w = strtok(NULL, " \t\r")) {
        words[n++] = w;
    }
    if (n == 0) {
        return;
    }
    const char *c = words[0], *arg = n > 1 ? words[1] : "";
    double v;
    int flag;
    char echo[128];
    snprintf(echo, sizeof echo, "%s%s%s%s%s", c, n > 1 ? " " : "", arg, n > 2 ? " " : "", n > 2 ? words[2] : "");
    if (strcmp(c, "pressure") == 0 && n == 2 && parse_number(arg, 0, 500, &v)) {
        gun.pressure = v;
    } else if (strcmp(c, "overcurrent") == 0 && n == 2 && parse_number(arg, 0, 30, &v)) {
        gun.extra_amps = v;
    } else if (strcmp(c, "temperature") == 0 && n == 2 && parse_number(arg, -30, 200, &v)) {
        gun.temperature = v;
    } else if (strcmp(c, "cooling") == 0 && n == 2 && on_off(arg, &flag)) {
        gun.cooling_lost = flag;
    } else if (strcmp(c, "sag") == 0 && n == 2 && parse_number(arg, 0.1, 100, &v)) {
        gun.sag = v;
    } else if (strcmp(c, "supply") == 0 && n == 2 && parse_number(arg, 0, 30, &v)) {
        gun.source_volts = v;
    } else if (strcmp(c, "soc") == 0 && n == 2 && parse_number(arg, 0, 1, &v)) {
        gun.soc = v;
    } else if (strcmp(c, "stall") == 0 && n == 2 && on_off(arg, &flag)) {
        gun.blocked = flag;
    } else if (strcmp(c, "estop") == 0 && n == 2 && on_off(arg, &flag)) {
        set_input('D', PIN_ESTOP, !flag); /* active low */
    } else if (strcmp(c, "button") == 0 && n == 3 && on_off(words[2], &flag)
               && (strcmp(arg, "power") == 0 || strcmp(arg, "plus") == 0 || strcmp(arg, "minus") == 0)) {
        int bit = strcmp(arg, "power") == 0 ? PIN_POWER : strcmp(arg, "plus") == 0 ? PIN_PLUS : PIN_MINUS;
        set_input('D', bit, !flag);
    } else if (strcmp(c, "hang") == 0 && n == 1) {
        if (avr->data[GPIOR1_ADDR] != TEST_HOOKS_PRESENT) {
            say("error hang: this firmware has no test hooks (start the test build: run-sim --test-build)");
            return;
        }
        avr->data[GPIOR0_ADDR] = HANG_REQUEST;
    } else if (strcmp(c, "reset") == 0 && n == 1) {
        reset_requested = 1;
    } else if (strcmp(c, "status") == 0 && n == 1) {
        status();
    } else if (strcmp(c, "quit") == 0 && n == 1) {
        stopping = 1;
    } else {
        say("error '%s': not a command, or its value is out of range (see the head of sim/percuss-sim.c)", echo);
        return;
    }
    say("ok %s", echo);
}

/* Reads what came on a control channel; runs each complete line. Returns 0 at end of file. */
static int read_commands(int fd, char *line, size_t *len, size_t size)
{
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) {
        return 0;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] == '\n') {
            line[*len] = '\0';
            command(line);
            *len = 0;
        } else if (*len < size - 1) {
            line[(*len)++] = buf[i];
        }
    }
    return 1;
}

/* ---- I/O and the wall clock ----------------------------------------------------------------- */

/* Waits up to timeout_ns (0: just looks) for the host's bytes or a command, and takes them. */
static void service_io(int64_t timeout_ns)
{
    struct pollfd fds[3];
    int n = 0, host = -1, in = -1, ff = -1;
    if (to_avr_room() > 0) {
        host = n;
        fds[n++] = (struct pollfd){.fd = master, .events = POLLIN};
    }
    if (stdin_open) {
        in = n;
        fds[n++] = (struct pollfd){.fd = STDIN_FILENO, .events = POLLIN};
    }
    if (fifo >= 0) {
        ff = n;
        fds[n++] = (struct pollfd){.fd = fifo, .events = POLLIN};
    }
    struct timespec t = {timeout_ns / 1000000000ll, timeout_ns % 1000000000ll};
    if (ppoll(fds, (nfds_t)n, &t, NULL) <= 0) {
        return;
    }
    if (host >= 0 && (fds[host].revents & POLLIN)) {
        read_host();
    }
    if (in >= 0 && (fds[in].revents & (POLLIN | POLLHUP))) {
        if (!read_commands(STDIN_FILENO, stdin_line, &stdin_len, sizeof stdin_line)) {
            /* A pipe closed: whoever started the harness to drive it has gone (a test that
               died, say), and it goes too. /dev/null or a terminal: no more commands from
               there, and it runs on until killed. */
            struct stat st;
            if (fstat(STDIN_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) {
                stopping = 1;
            }
            stdin_open = 0;
        }
    }
    if (ff >= 0 && (fds[ff].revents & POLLIN)) {
        read_commands(fifo, fifo_line, &fifo_len, sizeof fifo_line);
    }
}

/* Every 200 us of AVR time: take input, and in real time wait until the wall clock has caught up
   with the AVR. The AVR's own sleeps cost no wall time (the harness's sleep callback does nothing):
   this is the only place where time passes, so AVR time tracks wall time to within 200 us, and a
   firmware that busy-loops is held back just the same. */
static avr_cycle_count_t pacer(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a;
    (void)param;
    if (fast) {
        service_io(0);
        return when + 5 * PACER_CYCLES;
    }
    for (;;) {
        int64_t ahead = avr_ns() - (wall_ns() - wall_anchor_ns);
        if (ahead <= 0) {
            if (-ahead > BEHIND_LIMIT_NS) {
                /* the machine stalled (or the process was stopped): treat it as a pause */
                wall_anchor_ns -= ahead;
                int64_t now = wall_ns();
                if (now - last_behind_warning_ns > 1000000000ll) {
                    say("warning: fell %.0f ms behind real time; continuing from here", -ahead / 1e6);
                    last_behind_warning_ns = now;
                }
            }
            service_io(0);
            break;
        }
        service_io(ahead);
    }
    return when + PACER_CYCLES;
}

static void no_sleep(avr_t *a, avr_cycle_count_t how_long)
{
    (void)a;
    (void)how_long;
}

/* simavr calls every I/O module's reset when the AVR resets (the watchdog, or "reset"): the
   harness's cycle timers are gone then, and every pin is an input again, the driver's enable
   pulled down: the motor is off. */
static void harness_reset(avr_io_t *io)
{
    (void)io;
    if (avr->cycle == 0) {
        return;
    }
    close_window();
    if (enable_level) {
        enable_level = 0;
        say("driver disabled");
    }
    pwm_level = 0;
    /* The reset cleared the PIN registers, but the switches and the tachometer still hold their
       levels, and simavr will not re-announce a pin level it already has: put them back. */
    avr->data[PINB_ADDR] = port_b_external & DRIVEN_B;
    avr->data[PIND_ADDR] = port_d_external & DRIVEN_D;
    say("reset %s", resets_by_harness ? "external" : "watchdog");
    avr_cycle_timer_register(avr, MODEL_CYCLES, model_tick, NULL);
    avr_cycle_timer_register(avr, PACER_CYCLES, pacer, NULL);
    feeding = 0;
    if (to_avr_head != to_avr_tail) {
        feeding = 1;
        avr_cycle_timer_register(avr, BYTE_CYCLES, feed_byte, NULL);
    }
}

static avr_io_t harness_io = {.kind = "percuss-sim", .reset = harness_reset};

/* simavr's messages go to standard error, warnings and worse only: standard output is the
   harness's, and its first line is the pty's path. */
static void logger(avr_t *a, const int level, const char *format, va_list ap)
{
    if (level <= (a ? a->log : LOG_WARNING)) {
        fputs("simavr: ", stderr);
        vfprintf(stderr, format, ap);
    }
}

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static void usage(void)
{
    fprintf(stderr, "usage: percuss-sim [--fast] [--trace] [--link PATH] [--control FIFO] FIRMWARE.elf\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *elf = NULL, *control = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--fast") == 0) {
            fast = 1;
        } else if (strcmp(argv[i], "--trace") == 0) {
            trace = 1;
        } else if (strcmp(argv[i], "--link") == 0 && i + 1 < argc) {
            link_path = argv[++i];
        } else if (strcmp(argv[i], "--control") == 0 && i + 1 < argc) {
            control = argv[++i];
        } else if (argv[i][0] == '-' || elf) {
            usage();
        } else {
            elf = argv[i];
        }
    }
    if (!elf) {
        usage();
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGPIPE, SIG_IGN);

    avr_global_logger_set(logger);
    elf_firmware_t f;
    memset(&f, 0, sizeof f);
    struct stat st;
    if (stat(elf, &st) != 0) {
        die("%s: %s (build it: make -C firmware)", elf, strerror(errno));
    }
    if (elf_read_firmware(elf, &f) != 0) {
        die("%s: not a firmware ELF simavr can read", elf);
    }
    avr = avr_make_mcu_by_name("atmega328p");
    if (!avr) {
        die("simavr has no atmega328p");
    }
    avr_init(avr);
    avr->log = LOG_WARNING; /* shows UART overruns; hides simavr's chatter */
    avr_load_firmware(avr, &f);
    avr->frequency = FREQUENCY;
    avr->vcc = avr->avcc = avr->aref = 5000;
    avr->sleep = no_sleep;

    /* no console echo of the UART, no sleeping when the firmware polls it */
    uint32_t flags = 0;
    avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~(uint32_t)(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
    avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);

    open_pty();
    decoder_init(&host_decoder);
    decoder_init(&board_decoder);
    uart_in = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out, NULL);
    avr_irq_register_notify(pin('D', PIN_PWM), pwm_changed, NULL);
    avr_irq_register_notify(pin('B', PIN_ENABLE), enable_changed, NULL);
    avr_register_io(avr, &harness_io);
    /* simavr polls a low INT0/INT1 pin every cycle while its sense bits say "low level" (their
       reset state): a held e-stop would cost a cycle timer per cycle. The firmware uses "any
       change" (and a real AVR has no such cost), so the polling is off. */
    avr_extint_set_strict_lvl_trig(avr, 0, 0);
    avr_extint_set_strict_lvl_trig(avr, 1, 0);

    model_init(&gun);
    next_drive = (drive_t){0, 0};
    set_input('D', PIN_ESTOP, 1);
    set_input('D', PIN_POWER, 1);
    set_input('D', PIN_PLUS, 1);
    set_input('D', PIN_MINUS, 1);
    set_input('B', PIN_TACH, 0);
    set_analog();

    if (control) {
        if (mkfifo(control, 0600) != 0 && errno != EEXIST) {
            die("cannot make the FIFO %s: %s", control, strerror(errno));
        }
        fifo = open(control, O_RDONLY | O_NONBLOCK);
        fifo_keepalive = open(control, O_WRONLY | O_NONBLOCK); /* no end of file when writers leave */
        if (fifo < 0 || fifo_keepalive < 0) {
            die("cannot open the FIFO %s: %s", control, strerror(errno));
        }
    }
    fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);

    if (!fast) {
        /* An emulated board must keep time like a real one: a host trips when five telemetry
           periods (100 ms) pass without a report, and a busy machine can hold a process off the
           CPU that long (measured here: 130 ms at a load of 10 on 2 cores). Where allowed (root,
           CAP_SYS_NICE) the harness runs at the lowest real-time priority: it sleeps four fifths
           of the time, and the kernel caps real-time tasks at 95 % of a CPU anyway. Else it asks
           for a larger share of the CPU, else it runs as it is. */
        struct sched_param rt = {.sched_priority = 1};
        if (sched_setscheduler(0, SCHED_FIFO, &rt) != 0) {
            (void)setpriority(PRIO_PROCESS, 0, -10);
        }
    }
    printf("uart0: %s\n", slave_path);
    say("reset power-on");
    wall_anchor_ns = wall_ns();
    avr_cycle_timer_register(avr, MODEL_CYCLES, model_tick, NULL);
    avr_cycle_timer_register(avr, PACER_CYCLES, pacer, NULL);

    int state = cpu_Running;
    while (!stopping) {
        state = avr_run(avr);
        if (state == cpu_Done || state == cpu_Crashed) {
            say("error the AVR stopped (%s)", state == cpu_Done ? "asleep with interrupts off" : "crashed");
            break;
        }
        if (reset_requested) {
            reset_requested = 0;
            resets_by_harness = 1;
            avr_reset(avr);
            resets_by_harness = 0;
            avr->data[MCUSR_ADDR] |= 1 << EXTRF_BIT;
        }
    }
    if (link_path) {
        unlink(link_path);
    }
    if (control) {
        unlink(control);
    }
    return state == cpu_Done || state == cpu_Crashed ? 1 : 0;
}
