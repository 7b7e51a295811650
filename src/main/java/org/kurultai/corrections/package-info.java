/**
 * Corrections without a developer: the Secretariat records a fact of the forum's history that no
 * decision in Kurultai caused (a participant's status period, a chair term, a body's name, a head
 * of the Secretariat) with its sources and a note, through pages and the API. A correction
 * supersedes, never deletes: the module owning the record keeps the earlier claim as superseded,
 * with who and why; every correction is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Corrections")
@org.jspecify.annotations.NullMarked
package org.kurultai.corrections;
