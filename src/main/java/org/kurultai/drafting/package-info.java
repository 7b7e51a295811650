/**
 * Negotiated documents: their symbol, type, originating body, access level and equally authentic
 * language versions; immutable numbered versions (draft, Rev.1, Rev.2 …) made of numbered
 * paragraphs that are agreed, agreed ad referendum or bracketed with alternatives; amendments that
 * delegations propose against a named version and the chair takes into a new revision; the
 * comparison of two versions; and the export of an adopted text (Akoma Ntoso, PDF).
 * "Nothing is agreed until everything is agreed" is this module's rule; deciding is not.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Drafting")
@org.jspecify.annotations.NullMarked
package org.kurultai.drafting;
