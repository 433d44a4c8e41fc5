#include "hal_avr.h"
#include "pins.h"
#include "../board/board_config.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/atomic.h>

/* ---- time: Timer2, CTC, 16 MHz / 64 / 250 = 1 kHz ---------------------------------------- */

static volatile uint32_t millis;
static volatile uint8_t ticks;

ISR(TIMER2_COMPA_vect)
{
    millis++;
    if (ticks < 255) {
        ticks++;
    }
}

uint32_t hal_millis(void)
{
    uint32_t ms;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        ms = millis;
    }
    return ms;
}

uint8_t hal_take_ticks(void)
{
    uint8_t n;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        n = ticks;
        ticks = 0;
    }
    return n;
}

/* ---- the motor driver: Timer0 fast PWM on OC0A, 16 MHz / 8 / 256 = 7.8 kHz; enable on PB1 -- */

static volatile uint8_t estop_tripped;

static inline uint8_t estop_pin_active(void)
{
    return !(PIND & _BV(ESTOP_BIT));
}

/* Everything off: PWM output disconnected and low, driver disabled. Safe from any context. */
static inline void motor_cut(void)
{
    TCCR0A &= (uint8_t)~(_BV(COM0A1) | _BV(COM0A0));
    OCR0A = 0;
    PORTD &= (uint8_t)~_BV(PWM_BIT);
    PORTB &= (uint8_t)~_BV(ENABLE_BIT);
}

void hal_motor_off(void)
{
    /* Only what changes is written: each port write makes simavr re-announce the port's pins. */
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        if ((TCCR0A & _BV(COM0A1)) || (PORTB & _BV(ENABLE_BIT)) || (PORTD & _BV(PWM_BIT))) {
            motor_cut();
        }
    }
}

void hal_motor_run(uint8_t duty)
{
    /* Atomic with the e-stop interrupt: it cuts the motor either before this looks at the pin,
       or after this has finished, never between. */
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        if (estop_pin_active() || estop_tripped) {
            motor_cut();
        } else {
            if (duty == 0) {
                /* a true 0 (fast PWM at OCR 0 still gives a 1/256 spike): the pin held low */
                if (TCCR0A & _BV(COM0A1)) {
                    TCCR0A &= (uint8_t)~_BV(COM0A1);
                    PORTD &= (uint8_t)~_BV(PWM_BIT);
                }
                OCR0A = 0;
            } else {
                OCR0A = duty;
                if (!(TCCR0A & _BV(COM0A1))) {
                    TCCR0A |= _BV(COM0A1);
                }
            }
            if (!(PORTB & _BV(ENABLE_BIT))) {
                PORTB |= _BV(ENABLE_BIT);
            }
        }
    }
}

/* ---- the emergency stop: INT0 on any change --------------------------------------------- */

ISR(INT0_vect)
{
    if (estop_pin_active()) {
        motor_cut(); /* here, before the main loop or any packet hears of it */
        estop_tripped = 1;
    }
}

uint8_t hal_estop_active(void)
{
    return estop_pin_active();
}

uint8_t hal_estop_tripped(void)
{
    uint8_t t;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        t = estop_tripped;
        estop_tripped = 0;
    }
    return t;
}

uint8_t hal_buttons(void)
{
    uint8_t pins = (uint8_t)~PIND;
    return (uint8_t)((pins & _BV(POWER_BIT) ? IN_POWER : 0) | (pins & _BV(PLUS_BIT) ? IN_PLUS : 0)
                     | (pins & _BV(MINUS_BIT) ? IN_MINUS : 0));
}

/* ---- the tachometer: Timer1 at 16 MHz / 8 = 2 MHz, input capture on rising edges ---------- */

#define TACH_RING 16u
#if TACH_PULSES_PER_REV >= TACH_RING
#error "TACH_PULSES_PER_REV must be under TACH_RING"
#endif
/* Timer1 overflows every 32.8 ms; this many without a pulse and the rotor counts as stopped. */
#define TACH_STILL_OVERFLOWS ((TACH_STOPPED_MS + 32u) / 32u)

static volatile uint16_t tach_overflows;
static volatile uint8_t tach_idle_overflows;
static volatile uint32_t tach_times[TACH_RING];
static volatile uint8_t tach_head;
static volatile uint8_t tach_pulses;

/* Timer1's count extended to 32 bits by the overflows; called with interrupts off. */
static inline uint32_t tach_time(uint16_t count)
{
    uint16_t high = tach_overflows;
    if ((TIFR1 & _BV(TOV1)) && count < 0x8000u) {
        high++; /* it overflowed before this count was taken, and its interrupt waits */
    }
    return (uint32_t)high << 16 | count;
}

ISR(TIMER1_CAPT_vect)
{
    uint32_t t = tach_time(ICR1);
    if (tach_idle_overflows >= TACH_STILL_OVERFLOWS) {
        tach_pulses = 0; /* a start from standstill: older pulses tell nothing */
    }
    tach_idle_overflows = 0;
    tach_times[tach_head] = t;
    tach_head = (uint8_t)((tach_head + 1u) % TACH_RING);
    if (tach_pulses < 255) {
        tach_pulses++;
    }
}

ISR(TIMER1_OVF_vect)
{
    tach_overflows++;
    if (tach_idle_overflows < 255) {
        tach_idle_overflows++;
    }
}

void hal_tach(hal_tach_t *out)
{
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        uint32_t now = tach_time(TCNT1);
        uint8_t last = (uint8_t)((tach_head + TACH_RING - 1u) % TACH_RING);
        uint8_t first = (uint8_t)((last + TACH_RING - TACH_PULSES_PER_REV) % TACH_RING);
        out->since_pulse_ticks = now - tach_times[last];
        out->revolution_ticks = tach_times[last] - tach_times[first];
        out->pulses = tach_idle_overflows >= TACH_STILL_OVERFLOWS ? 0 : tach_pulses;
    }
}

/* ---- the ADC: AVCC reference, 16 MHz / 128 = 125 kHz, 104 us a conversion ---------------- */

static const uint8_t ADC_ORDER[] = {ADC_CURRENT, ADC_TEMPERATURE, ADC_CURRENT, ADC_SUPPLY};
static uint8_t adc_slot;
static hal_analog_t analog;

static void adc_start(uint8_t channel)
{
    ADMUX = (uint8_t)(_BV(REFS0) | channel);
    ADCSRA |= _BV(ADSC);
}

void hal_adc_step(void)
{
    if (ADCSRA & _BV(ADSC)) {
        return; /* still converting */
    }
    uint16_t value = ADC;
    switch (ADC_ORDER[adc_slot]) {
    case ADC_CURRENT:
        analog.current = value;
        analog.current_samples++;
        break;
    case ADC_TEMPERATURE: analog.temperature = value; break;
    default: analog.supply = value; break;
    }
    adc_slot = (uint8_t)((adc_slot + 1u) % sizeof ADC_ORDER);
    adc_start(ADC_ORDER[adc_slot]);
}

/* One conversion, waited for: only at bring-up, before the first tick reads the values. */
static uint16_t adc_read_now(uint8_t channel)
{
    adc_start(channel);
    while (ADCSRA & _BV(ADSC)) {
    }
    return ADC;
}

void hal_analog(hal_analog_t *out)
{
    *out = analog;
}

/* ---- the link: UART0, 115200 8N1, interrupt-driven ring buffers --------------------------- */

#define RX_SIZE 64u  /* powers of two */
#define TX_SIZE 128u

static volatile uint8_t rx_buf[RX_SIZE];
static volatile uint8_t rx_head, rx_tail;
static volatile uint8_t tx_buf[TX_SIZE];
static volatile uint8_t tx_head, tx_tail;

ISR(USART_RX_vect)
{
    uint8_t b = UDR0;
    uint8_t next = (uint8_t)((rx_head + 1u) & (RX_SIZE - 1u));
    if (next != rx_tail) { /* when full the byte is lost, and the decoder drops its frame */
        rx_buf[rx_head] = b;
        rx_head = next;
    }
}

ISR(USART_UDRE_vect)
{
    if (tx_head == tx_tail) {
        UCSR0B &= (uint8_t)~_BV(UDRIE0);
    } else {
        UDR0 = tx_buf[tx_tail];
        tx_tail = (uint8_t)((tx_tail + 1u) & (TX_SIZE - 1u));
    }
}

int16_t hal_link_read(void)
{
    if (rx_head == rx_tail) {
        return -1;
    }
    uint8_t b = rx_buf[rx_tail];
    rx_tail = (uint8_t)((rx_tail + 1u) & (RX_SIZE - 1u));
    return b;
}

uint8_t hal_link_send(const uint8_t *frame, uint8_t n)
{
    uint8_t queued = 0;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        uint8_t used = (uint8_t)((tx_head - tx_tail) & (TX_SIZE - 1u));
        if ((uint8_t)(TX_SIZE - 1u - used) >= n) {
            for (uint8_t i = 0; i < n; i++) {
                tx_buf[tx_head] = frame[i];
                tx_head = (uint8_t)((tx_head + 1u) & (TX_SIZE - 1u));
            }
            UCSR0B |= _BV(UDRIE0);
            queued = 1;
        }
    }
    return queued;
}

uint8_t hal_pending(void)
{
    return rx_head != rx_tail || ticks != 0;
}

/* ---- bring-up ----------------------------------------------------------------------------- */

void hal_init(void)
{
    /* the motor off before anything else: PWM pin and enable outputs, low */
    PORTD = _BV(ESTOP_BIT) | _BV(POWER_BIT) | _BV(PLUS_BIT) | _BV(MINUS_BIT); /* pull-ups */
    DDRD = _BV(PWM_BIT);
    PORTB = 0;
    DDRB = _BV(ENABLE_BIT);

    /* Timer2: CTC, prescaler 64, OCR2A 249: 1 kHz */
    TCCR2A = _BV(WGM21);
    TCCR2B = _BV(CS22);
    OCR2A = 249;
    TIMSK2 = _BV(OCIE2A);

    /* Timer0: fast PWM (mode 3, TOP 0xFF), prescaler 8, output disconnected until a duty is set */
    TCCR0A = _BV(WGM01) | _BV(WGM00);
    TCCR0B = _BV(CS01);
    OCR0A = 0;

    /* Timer1: normal mode, prescaler 8 (2 MHz), input capture on rising edges, noise canceller */
    TCCR1A = 0;
    TCCR1B = _BV(ICNC1) | _BV(ICES1) | _BV(CS11);
    TIMSK1 = _BV(ICIE1) | _BV(TOIE1);
    tach_idle_overflows = 255;

    /* ADC: AVCC reference, prescaler 128. Every input is read once now, so that the first tick's
       protections judge measurements, not zeros (0 counts would read 150 deg C and 0 V). */
    DIDR0 = _BV(ADC0D) | _BV(ADC1D) | _BV(ADC2D);
    ADCSRA = _BV(ADEN) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0);
    analog.current = adc_read_now(ADC_CURRENT);
    analog.temperature = adc_read_now(ADC_TEMPERATURE);
    analog.supply = adc_read_now(ADC_SUPPLY);
    adc_start(ADC_ORDER[0]);

    /* INT0 on any change of the e-stop pin */
    EICRA = _BV(ISC00);
    EIFR = _BV(INTF0);
    EIMSK = _BV(INT0);

    /* UART0: 115200 at 16 MHz needs U2X0 and UBRR0 = 16 (2.1 % fast). simavr takes the bit time
       when UBRR0L is written, reading U2X0 then: UCSR0A and UCSR0C first, UBRR0 last. */
    UCSR0A = _BV(U2X0);
    UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
    UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
    UBRR0H = 0;
    UBRR0L = 16;
}
