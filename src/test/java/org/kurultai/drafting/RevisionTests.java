package org.kurultai.drafting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the chair makes a revision, and "nothing is agreed until everything is agreed". */
class RevisionTests {

	static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

	static DocumentVersion draft() {
		return new DocumentVersion("D", 0, List.of(
				Paragraph.agreed("PP1", Map.of("en", "Recalling the Almaty Act,")),
				Paragraph.agreed("1", Map.of("en", "We welcome dialogue.")),
				new Paragraph("2", ParagraphStatus.BRACKETED, Map.of("en", "We decide to meet every two years."), List.of(), List.of("KAZ")),
				new Paragraph("3", ParagraphStatus.AGREED_AD_REFERENDUM, Map.of("en", "We thank the host."), List.of(), List.of())),
				null, List.of(), NOW, "chair@example.org");
	}

	static Amendment amendment(long id, int against, AmendmentKind kind, String paragraph, String alternative, String text) {
		return new Amendment(id, "D", against, kind, paragraph, alternative, text == null ? Map.of() : Map.of("en", text), "IND",
				List.of("TUR"), NOW, null, Amendment.Status.PROPOSED, null);
	}

	@Test
	void aTextWithBracketsCannotBePutForAdoptionButAdReferendumIsNoBracket() {
		assertThat(draft().hasBrackets()).isTrue();
		assertThat(draft().bracketed()).extracting(Paragraph::label).containsExactly("2");
		var agreed = Revision.apply(draft(), List.of(), Map.of("2", ParagraphStatus.AGREED));
		var rev1 = new DocumentVersion("D", 1, agreed, 0, List.of(), NOW, "chair");
		assertThat(rev1.hasBrackets()).as("agreed ad referendum is not a bracket").isFalse();
		assertThat(rev1.name()).isEqualTo("Rev.1");
	}

	@Test
	void anInsertedParagraphIsNumberedBisAndStandsInBrackets() {
		var paragraphs = Revision.apply(draft(), List.of(amendment(1, 0, AmendmentKind.INSERT, "1", null, "We welcome Kuwait."),
				amendment(2, 0, AmendmentKind.INSERT, "1", null, "We welcome Sri Lanka.")), Map.of());
		assertThat(paragraphs).extracting(Paragraph::label).containsExactly("PP1", "1", "1ter", "1bis", "2", "3");
		var inserted = paragraphs.get(3);
		assertThat(inserted.status()).isEqualTo(ParagraphStatus.BRACKETED);
		assertThat(inserted.sponsors()).containsExactly("IND", "TUR");
	}

	@Test
	void replaceDeleteAndTheChairsMarks() {
		var paragraphs = Revision.apply(draft(), List.of(amendment(1, 0, AmendmentKind.REPLACE, "1", null, "We welcome sincere dialogue."),
				amendment(2, 0, AmendmentKind.DELETE, "3", null, null)), Map.of("1", ParagraphStatus.AGREED_AD_REFERENDUM));
		assertThat(paragraphs).extracting(Paragraph::label).containsExactly("PP1", "1", "2");
		assertThat(paragraphs.get(1).text("en")).isEqualTo("We welcome sincere dialogue.");
		assertThat(paragraphs.get(1).status()).isEqualTo(ParagraphStatus.AGREED_AD_REFERENDUM);
	}

	@Test
	void alternativesStandInBracketsUntilOneIsChosen() {
		var withAlternative = Revision.apply(draft(), List.of(amendment(1, 0, AmendmentKind.ALTERNATIVE, "2", null,
				"We decide to meet every four years.")), Map.of());
		var paragraph = withAlternative.get(2);
		assertThat(paragraph.bracketed()).isTrue();
		assertThat(paragraph.alternatives()).extracting(Alternative::label).containsExactly("Alt 1", "Alt 2");
		assertThat(paragraph.alternatives().get(0).sponsors()).containsExactly("KAZ");
		assertThat(paragraph.alternatives().get(1).sponsors()).containsExactly("IND", "TUR");
		var rev1 = new DocumentVersion("D", 1, withAlternative, 0, List.of(1L), NOW, "chair");

		assertThatThrownBy(() -> Revision.apply(rev1, List.of(), Map.of("2", ParagraphStatus.AGREED)))
				.isInstanceOf(Revision.AlternativesOpen.class);
		var settled = Revision.apply(rev1, List.of(amendment(2, 1, AmendmentKind.CHOOSE_ALTERNATIVE, "2", "Alt 2", null)), Map.of());
		assertThat(settled.get(2).text("en")).isEqualTo("We decide to meet every four years.");
		assertThat(settled.get(2).status()).isEqualTo(ParagraphStatus.AGREED);
		assertThat(settled.get(2).alternatives()).isEmpty();
	}

	@Test
	void anAmendmentOnAnOutdatedVersionIsRefused() {
		var rev1 = new DocumentVersion("D", 1, draft().paragraphs(), 0, List.of(), NOW, "chair");
		assertThatThrownBy(() -> Revision.apply(rev1, List.of(amendment(1, 0, AmendmentKind.DELETE, "1", null, null)), Map.of()))
				.isInstanceOf(Revision.AmendmentOutdated.class)
				.hasMessageContaining("proposed against draft").hasMessageContaining("Rev.1");
	}

	@Test
	void unknownParagraphsAndAlternativesAreRefused() {
		assertThatThrownBy(() -> Revision.check(draft(), amendment(1, 0, AmendmentKind.REPLACE, "9", null, "x")))
				.isInstanceOf(Revision.UnknownParagraph.class);
		assertThatThrownBy(() -> Revision.check(draft(), amendment(1, 0, AmendmentKind.CHOOSE_ALTERNATIVE, "2", "Alt 7", null)))
				.isInstanceOf(Revision.UnknownAlternative.class);
		assertThatThrownBy(() -> Revision.check(draft(), amendment(1, 0, AmendmentKind.REPLACE, "1", null, " ")))
				.isInstanceOf(Paragraph.ParagraphInvalid.class);
	}

	@Test
	void aVersionHoldsParagraphsWithDistinctNumbers() {
		assertThatThrownBy(() -> new DocumentVersion("D", 0, List.of(Paragraph.agreed("1", Map.of("en", "a")),
				Paragraph.agreed("1", Map.of("en", "b"))), null, List.of(), NOW, "x")).isInstanceOf(Paragraph.ParagraphInvalid.class);
		assertThatThrownBy(() -> new Paragraph("1", ParagraphStatus.AGREED, Map.of(),
				List.of(new Alternative("Alt 1", Map.of("en", "a"), List.of())), List.of())).isInstanceOf(Paragraph.ParagraphInvalid.class);
	}
}
