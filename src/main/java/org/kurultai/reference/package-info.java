/**
 * The forum's reference data: CICA's participants, bodies, chairmanship, Secretariat, meetings and
 * history, read from reviewed resource files (with their sources) and entered through the other
 * modules' domain, so every invariant holds for them too. Loaded once per database, atomically
 * and under an advisory lock, so that restarts, crashes and concurrent instances neither
 * duplicate nor lose anything. Also keeps the notes on contradictory sources and the counts the
 * sources attest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data")
@org.jspecify.annotations.NullMarked
package org.kurultai.reference;
