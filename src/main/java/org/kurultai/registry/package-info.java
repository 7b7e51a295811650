/**
 * Who takes part in the forum, in which capacity and since when: participants (States and
 * international organizations), their status periods (member, observer, partner), and their
 * signatures of the founding documents. Answers every question "as of" a date; counts are derived
 * from the periods, never stored. Refuses overlapping periods, organizations as members, and
 * (from the Almaty Act on) an admission of a State that has not signed both founding documents.
 *
 * <p>Adopted decisions change it through {@code RegistryEffects} (ADMIT, END_STATUS: each period
 * written or ended keeps the decision's id and register symbol; a fact already in the history is
 * only linked). The Secretariat corrects it with periods no decision caused
 * ({@link org.kurultai.registry.Registry#correct}); a claim a correction replaces is kept as a
 * {@link org.kurultai.registry.SupersededClaim}, never deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry of participants")
@org.jspecify.annotations.NullMarked
package org.kurultai.registry;
