package org.entente.notification.reference;

import org.apache.avro.specific.SpecificRecord;

/**
 * An event as its writer encoded it, beside what it decodes to: a relay checks the event and
 * passes the bytes on untouched, whichever schema version wrote them.
 */
record VerbatimEvent(byte[] bytes, SpecificRecord event) {
}
