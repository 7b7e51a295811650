package org.kurultai.drafting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kurultai.drafting.Comparison.Change;
import org.kurultai.drafting.Comparison.Segment;

import static org.assertj.core.api.Assertions.assertThat;

/** Two versions compared paragraph by paragraph and word by word. */
class ComparisonTests {

	@Test
	void paragraphsAreMatchedByNumberAndWordsMarked() {
		var draft = RevisionTests.draft();
		var paragraphs = Revision.apply(draft, List.of(
				RevisionTests.amendment(1, 0, AmendmentKind.REPLACE, "1", null, "We warmly welcome dialogue."),
				RevisionTests.amendment(2, 0, AmendmentKind.INSERT, "1", null, "We welcome Kuwait."),
				RevisionTests.amendment(3, 0, AmendmentKind.DELETE, "3", null, null)), Map.of());
		var rev1 = new DocumentVersion("D", 1, paragraphs, 0, List.of(1L, 2L, 3L), RevisionTests.NOW, "chair");

		var comparison = Comparison.of(draft, rev1, "en");

		assertThat(comparison.changes()).extracting(Comparison.ParagraphChange::label).containsExactly("PP1", "1", "1bis", "2", "3");
		assertThat(comparison.changes()).extracting(Comparison.ParagraphChange::change)
				.containsExactly(Change.UNCHANGED, Change.CHANGED, Change.INSERTED, Change.UNCHANGED, Change.DELETED);
		var changed = comparison.changes().get(1);
		assertThat(changed.segments()).contains(new Segment(Segment.Kind.INSERTED, "warmly "));
		assertThat(changed.fromStatus()).isEqualTo(ParagraphStatus.AGREED);
		assertThat(changed.toStatus()).isEqualTo(ParagraphStatus.BRACKETED);
		assertThat(comparison.count(Change.UNCHANGED)).isEqualTo(2);
	}

	@Test
	void wordDifferencesReassembleBothTexts() {
		var before = "The Member States shall not support any separatist movement.";
		var after = "Member States shall never support any separatist movements or entities.";
		var segments = Comparison.words(before, after);
		var rebuiltBefore = new StringBuilder();
		var rebuiltAfter = new StringBuilder();
		for (var segment : segments) {
			if (segment.kind() != Segment.Kind.INSERTED) {
				rebuiltBefore.append(segment.text());
			}
			if (segment.kind() != Segment.Kind.DELETED) {
				rebuiltAfter.append(segment.text());
			}
		}
		assertThat(rebuiltBefore).hasToString(before);
		assertThat(rebuiltAfter).hasToString(after);
		assertThat(segments).contains(new Segment(Segment.Kind.DELETED, "The "), new Segment(Segment.Kind.INSERTED, "never"));
	}

	@Test
	void aStatusChangeAloneIsAChange() {
		var draft = RevisionTests.draft();
		var rev1 = new DocumentVersion("D", 1, Revision.apply(draft, List.of(), Map.of("2", ParagraphStatus.AGREED)), 0, List.of(),
				RevisionTests.NOW, "chair");
		var change = Comparison.of(draft, rev1, "en").changes().stream().filter(c -> c.label().equals("2")).findFirst().orElseThrow();
		assertThat(change.change()).isEqualTo(Change.CHANGED);
		assertThat(change.segments()).allMatch(segment -> segment.kind() == Segment.Kind.SAME);
	}
}
