package org.entente.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The fault-injection hook {@code entente.clock.offset}: absent, the clock is the system's; set, it is shifted by it. */
class ClockOffsetTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventsConfiguration.class))
            .withPropertyValues("spring.application.name=clock-test");

    @Test
    void shouldUseTheSystemClockInUtcWithoutAnOffset() {
        context.run(started -> {
            Clock clock = started.getBean(Clock.class);
            assertThat(clock).isEqualTo(Clock.systemUTC());
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        });
    }

    @Test
    void shouldShiftTheClockForwardByAPositiveOffset() {
        context.withPropertyValues("entente.clock.offset=5m").run(started -> {
            Instant before = Instant.now();
            Instant skewed = started.getBean(Clock.class).instant();
            assertThat(Duration.between(before, skewed).toMillis()).isCloseTo(Duration.ofMinutes(5).toMillis(), within(1_000L));
        });
    }

    @Test
    void shouldShiftTheClockBackByANegativeOffsetInEitherNotation() {
        for (String offset : new String[] {"-5m", "PT-5M"}) {
            context.withPropertyValues("entente.clock.offset=" + offset).run(started -> {
                Clock clock = started.getBean(Clock.class);
                Instant before = Instant.now();
                assertThat(Duration.between(before, clock.instant()).toMillis())
                        .isCloseTo(Duration.ofMinutes(-5).toMillis(), within(1_000L));
                assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            });
        }
    }

    @Test
    void shouldStampEventsWithTheSkewedTime() {
        context.withPropertyValues("entente.clock.offset=-5m").run(started -> {
            Instant expected = Instant.now().minus(5, ChronoUnit.MINUTES);
            Instant stamped = started.getBean(EventMetadataFactory.class).now(null).getOccurredAt();
            assertThat(Duration.between(expected, stamped).abs()).isLessThan(Duration.ofSeconds(1));
        });
    }
}
