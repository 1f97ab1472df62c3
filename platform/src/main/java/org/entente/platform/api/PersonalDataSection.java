package org.entente.platform.api;

import java.util.List;

import org.entente.events.PersonalData;

/**
 * The personal-data section of an incident as the APIs read and write it: everything that
 * identifies a person, kept apart so that agreements can withhold it whole.
 */
public record PersonalDataSection(List<String> names, List<String> emailAddresses, List<String> accountIdentifiers,
        String notes) {

    /** The section of an event, or null when the event carries none. */
    public static PersonalDataSection of(PersonalData personalData) {
        return personalData == null ? null : new PersonalDataSection(personalData.getNames(),
                personalData.getEmailAddresses(), personalData.getAccountIdentifiers(), personalData.getNotes());
    }
}
