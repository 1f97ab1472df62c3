package org.entente.notification.checks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How communication checks run (docs/communication-checks.md).
 *
 * @param enabled whether this service sends checks at all
 * @param interval how often each state's primary point of contact is checked; a new or changed
 *                 primary contact is checked at once
 * @param answerWithin an acknowledgement within this honours the check
 * @param missedAfter an acknowledgement after {@code answerWithin} and within this is late; none
 *                    by then, the check is missed
 * @param checkEvery how often the schedule is looked at
 */
@ConfigurationProperties("entente.communication-checks")
public record CommunicationCheckProperties(@DefaultValue("true") boolean enabled, @DefaultValue("7d") Duration interval,
        @DefaultValue("2h") Duration answerWithin, @DefaultValue("24h") Duration missedAfter,
        @DefaultValue("5s") Duration checkEvery) {

    public CommunicationCheckProperties {
        if (answerWithin.isNegative() || answerWithin.isZero() || missedAfter.compareTo(answerWithin) < 0
                || interval.compareTo(missedAfter) < 0) {
            throw new IllegalArgumentException("entente.communication-checks needs 0 < answer-within <= missed-after <= interval,"
                    + " got " + answerWithin + ", " + missedAfter + ", " + interval);
        }
    }
}
