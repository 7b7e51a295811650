package org.kurultai.drafting;

/**
 * The chair issued a new revision of a document. Published inside the revision's transaction, so
 * that whatever hangs on the text (a silence procedure's clock) moves with it or not at all.
 */
public record RevisionIssued(String document, int number, boolean hasBrackets, String actor, String actsFor) {
}
