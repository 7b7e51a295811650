package org.kurultai.drafting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kurultai.shared.RuleViolation;

/**
 * How the chair makes a new revision: the amendments taken in are applied, in order, to the version
 * they were all proposed against, then the chair's marks set how far paragraphs are agreed. New
 * and replaced wording stands in brackets until the chair marks it agreed; settling on an
 * alternative agrees the paragraph.
 */
public final class Revision {

	private static final String[] LATIN = { "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies" };

	private Revision() {
	}

	public static List<Paragraph> apply(DocumentVersion base, List<Amendment> amendments, Map<String, ParagraphStatus> marks) {
		var paragraphs = new ArrayList<>(base.paragraphs());
		for (var amendment : amendments) {
			if (amendment.againstVersion() != base.number()) {
				throw new AmendmentOutdated(amendment.id(), amendment.againstVersion(), base.number());
			}
			if (amendment.status() != Amendment.Status.PROPOSED) {
				throw new AmendmentNotOpen(amendment.id(), amendment.status());
			}
			applyOne(paragraphs, amendment);
		}
		for (var mark : marks.entrySet()) {
			int index = indexOf(paragraphs, mark.getKey());
			if (index < 0) {
				throw new UnknownParagraph(mark.getKey());
			}
			var paragraph = paragraphs.get(index);
			if (!paragraph.alternatives().isEmpty() && mark.getValue() != ParagraphStatus.BRACKETED) {
				throw new AlternativesOpen(paragraph.label());
			}
			paragraphs.set(index, paragraph.withStatus(mark.getValue()));
		}
		if (paragraphs.isEmpty()) {
			throw new DocumentVersion.EmptyText();
		}
		return List.copyOf(paragraphs);
	}

	/** Checks that an amendment can apply to the version it names, before it is recorded. */
	public static void check(DocumentVersion version, Amendment amendment) {
		applyOne(new ArrayList<>(version.paragraphs()), amendment);
	}

	private static void applyOne(List<Paragraph> paragraphs, Amendment amendment) {
		var sponsors = amendment.sponsors();
		if (amendment.kind().needsText() && amendment.text().values().stream().allMatch(String::isBlank)) {
			throw new Paragraph.ParagraphInvalid("problem.amendment.textNeeded", amendment.kind());
		}
		int index = amendment.paragraph() == null ? -1 : indexOf(paragraphs, amendment.paragraph());
		if (index < 0) {
			throw new UnknownParagraph(String.valueOf(amendment.paragraph()));
		}
		var target = paragraphs.get(index);
		switch (amendment.kind()) {
			case INSERT -> paragraphs.add(index + 1, new Paragraph(insertedLabel(paragraphs, target.label()), ParagraphStatus.BRACKETED,
					amendment.text(), List.of(), sponsors));
			case REPLACE -> paragraphs.set(index, new Paragraph(target.label(), ParagraphStatus.BRACKETED, amendment.text(), List.of(),
					sponsors));
			case DELETE -> paragraphs.remove(index);
			case ALTERNATIVE -> {
				var alternatives = new ArrayList<>(target.alternatives());
				if (alternatives.isEmpty()) {
					alternatives.add(new Alternative("Alt 1", target.text(), target.sponsors()));
				}
				alternatives.add(new Alternative("Alt " + (alternatives.size() + 1), amendment.text(), sponsors));
				paragraphs.set(index, new Paragraph(target.label(), ParagraphStatus.BRACKETED, Map.of(), alternatives, target.sponsors()));
			}
			case CHOOSE_ALTERNATIVE -> {
				var chosen = target.alternative(String.valueOf(amendment.alternative()))
						.orElseThrow(() -> new UnknownAlternative(target.label(), String.valueOf(amendment.alternative())));
				paragraphs.set(index, new Paragraph(target.label(), ParagraphStatus.AGREED, chosen.text(), List.of(), chosen.sponsors()));
			}
		}
	}

	private static int indexOf(List<Paragraph> paragraphs, String label) {
		for (int i = 0; i < paragraphs.size(); i++) {
			if (paragraphs.get(i).label().equalsIgnoreCase(label)) {
				return i;
			}
		}
		return -1;
	}

	/** Negotiators' numbering: a paragraph inserted after 4 is 4bis, then 4ter … */
	static String insertedLabel(List<Paragraph> paragraphs, String after) {
		var root = after.replaceAll("(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|-\\d+)$", "");
		var taken = new HashMap<String, Boolean>();
		paragraphs.forEach(paragraph -> taken.put(paragraph.label().toLowerCase(Locale.ROOT), true));
		for (var suffix : LATIN) {
			if (!taken.containsKey((root + suffix).toLowerCase(Locale.ROOT))) {
				return root + suffix;
			}
		}
		for (int n = 11;; n++) {
			if (!taken.containsKey((root + "-" + n).toLowerCase(Locale.ROOT))) {
				return root + "-" + n;
			}
		}
	}

	/** An amendment is proposed against one version; once a newer revision exists it no longer applies. */
	public static class AmendmentOutdated extends RuleViolation {

		AmendmentOutdated(long id, int against, int current) {
			super("problem.amendment.outdated", id, DocumentVersion.name(against), DocumentVersion.name(current));
		}

		public AmendmentOutdated(int against, int current) {
			super("problem.amendment.namesOutdated", DocumentVersion.name(against), DocumentVersion.name(current));
		}

		@Override
		public String rule() {
			return "amendment-against-outdated-version";
		}
	}

	public static class AmendmentNotOpen extends RuleViolation {

		AmendmentNotOpen(long id, Amendment.Status status) {
			super("problem.amendment.notOpen", id, status);
		}

		@Override
		public String rule() {
			return "amendment-not-open";
		}
	}

	public static class UnknownParagraph extends RuleViolation {

		UnknownParagraph(String label) {
			super("problem.amendment.unknownParagraph", label);
		}

		@Override
		public String rule() {
			return "unknown-paragraph";
		}
	}

	public static class UnknownAlternative extends RuleViolation {

		UnknownAlternative(String paragraph, String alternative) {
			super("problem.amendment.unknownAlternative", paragraph, alternative);
		}

		@Override
		public String rule() {
			return "unknown-alternative";
		}
	}

	public static class AlternativesOpen extends RuleViolation {

		AlternativesOpen(String paragraph) {
			super("problem.amendment.alternativesOpen", paragraph);
		}

		@Override
		public String rule() {
			return "alternatives-open";
		}
	}
}
