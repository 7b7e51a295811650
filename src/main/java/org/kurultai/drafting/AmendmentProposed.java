package org.kurultai.drafting;

/**
 * A delegation proposed an amendment to a draft ({@code by} is the participant's code). Published synchronously inside
 * the proposing transaction. Listeners read the document through the viewer-taking read path before saying anything of it.
 */
public record AmendmentProposed(String document, long amendment, int againstVersion, String by) {
}
