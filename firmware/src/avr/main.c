/*
 * The percuss reference board firmware for an Arduino Uno (ATmega328P at 16 MHz): PROTOCOL.md's
 * board side. The main loop feeds the link's bytes to the board's logic, runs its 1 ms tick, and
 * sleeps (idle) when there is nothing to do; interrupts keep time, time the tachometer, move the
 * link's bytes, and cut the motor on an emergency stop.
 *
 * The hardware watchdog guards the main loop: it is reset once a pass, and a pass takes well under
 * a millisecond. A firmware that hangs stops resetting it; 30 ms later the MCU resets, which
 * leaves every pin an input (the driver's enable pulled down: the motor off), and the firmware
 * that boots finds WDRF, latches INTERNAL and reports it in its first telemetry.
 */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <avr/wdt.h>

#include "hal_avr.h"
#include "../board/board.h"

/* MCUSR as it was at reset, saved before anything clears it. */
static uint8_t reset_flags __attribute__((section(".noinit")));

/* The free RAM between the static data and the stack is painted with this at boot, so that a
   debugger (or the simavr harness's "status") can see how deep the stack has ever gone. */
#define STACK_PAINT 0xC5
extern uint8_t __heap_start;

/*
 * Runs before main and before .data/.bss are set up. After a watchdog reset the watchdog stays
 * enabled at its shortest timeout (16 ms), so it is turned off here, before the C runtime spends
 * time initialising memory; main turns it on again once the pins are safe. The stack is still
 * empty here: the RAM above the static data is painted up to 16 bytes below its top.
 */
void early_init(void) __attribute__((naked, used, section(".init3")));
void early_init(void)
{
    reset_flags = MCUSR;
    MCUSR = 0;
    wdt_disable();
    for (uint8_t *p = &__heap_start; p < (uint8_t *)(RAMEND - 16); p++) {
        *p = STACK_PAINT;
    }
}

static reset_cause_t reset_cause(uint8_t flags)
{
    if (flags & _BV(WDRF)) {
        return RESET_WATCHDOG;
    }
    if (flags & _BV(BORF)) {
        return RESET_BROWN_OUT;
    }
    if (flags & _BV(EXTRF)) {
        return RESET_EXTERNAL;
    }
    return RESET_POWER_ON;
}

#ifdef PERCUSS_TEST_HOOKS
/* The test build only (make test-elf): the simavr harness's "hang" command writes HANG_REQUEST
   to GPIOR0, and the main loop then hangs as a firmware bug would, interrupts still running.
   GPIOR1 tells the harness the hook is there. */
#define TEST_HOOKS_PRESENT 0x7E
#define HANG_REQUEST 0xA5
#endif

int main(void)
{
    hal_init();
    board_init(reset_cause(reset_flags));
#ifdef PERCUSS_TEST_HOOKS
    GPIOR1 = TEST_HOOKS_PRESENT;
#endif
    wdt_enable(WDTO_30MS);
    set_sleep_mode(SLEEP_MODE_IDLE);
    sei();
    for (;;) {
        wdt_reset();
#ifdef PERCUSS_TEST_HOOKS
        if (GPIOR0 == HANG_REQUEST) {
            for (;;) {
            }
        }
#endif
        for (int16_t c; (c = hal_link_read()) >= 0;) {
            board_receive((uint8_t)c);
        }
        for (uint8_t n = hal_take_ticks(); n > 0; n--) {
            hal_adc_step();
            board_tick();
        }
        cli();
        if (!hal_pending()) {
            sleep_enable();
            sei(); /* the instruction after sei runs before any interrupt: no wake-up is lost */
            sleep_cpu();
            sleep_disable();
        }
        sei();
    }
}
