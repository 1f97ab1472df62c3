package org.entente.exercise.scenario.internal;

/** One error found in the document, before it is given its file name. */
record Issue(Location location, KeyPath path, String message) {
}
