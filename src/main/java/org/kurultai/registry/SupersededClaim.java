package org.kurultai.registry;

import java.time.Instant;
import java.time.LocalDate;

import org.kurultai.shared.Sources;

/**
 * A status period as the history once stated it, superseded by a correction of the Secretariat:
 * kept, never deleted, with who corrected it (an e-mail), when, why (the correction's note) and on
 * which sources, and the first day of the period that replaced it.
 */
public record SupersededClaim(StatusPeriod claim, LocalDate replacedBy, Instant at, String by, String reason, Sources sources) {
}
