/**
 * The publication of adopted texts: an adopted document's exact version, with the decision that
 * adopted it and the reservations, interpretive statements and explanations of position filed
 * with it, rendered as Akoma Ntoso XML (OASIS LegalDocML) and as PDF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publication")
@org.jspecify.annotations.NullMarked
package org.kurultai.publication;
