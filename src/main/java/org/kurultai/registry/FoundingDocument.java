package org.kurultai.registry;

import java.time.LocalDate;

import org.kurultai.shared.Sources;

/**
 * A document a State signs to become a member: for CICA the Declaration on Principles Guiding
 * Relations among CICA Member States (Almaty, 14 September 1999) and the Almaty Act (4 June 2002).
 */
public record FoundingDocument(String code, String title, LocalDate adoptedOn, String place, Sources sources) {
}
