package org.entente.notification.reference;

import org.entente.notification.StoreNames;
import org.entente.platform.states.KnownStates;
import org.entente.platform.states.StatesTable;
import org.entente.platform.states.StatesUnavailableException;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * The registered states as this service knows them: the fan-out's global table of
 * {@code reference.states.v1}, once the seeding from the reference-data file is over (until
 * then, a state the file registers may not be on the topic yet: not loaded, rather than unknown).
 */
@Component
class RegisteredStates implements KnownStates {

    private final StatesTable table;
    private final ReferenceDataSeeder seeder;

    RegisteredStates(InteractiveQueryService queries, ReferenceDataSeeder seeder) {
        this.table = new StatesTable(queries, StoreNames.STATES);
        this.seeder = seeder;
    }

    @Override
    public boolean contains(String code) {
        if (!seeder.settled()) {
            throw new StatesUnavailableException();
        }
        return table.contains(code);
    }
}
