package org.kurultai.drafting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Two versions compared paragraph by paragraph, in one language: paragraphs are matched by their
 * number, which survives revisions; within a changed paragraph the words inserted and deleted
 * are marked.
 */
public record Comparison(DocumentVersion from, DocumentVersion to, String language, List<ParagraphChange> changes) {

	private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}'’-]+|[^\\s\\p{L}\\p{N}]");
	private static final int MAX_CELLS = 4_000_000;

	public enum Change {
		UNCHANGED, CHANGED, INSERTED, DELETED
	}

	public record Segment(Kind kind, String text) {

		public enum Kind {
			SAME, INSERTED, DELETED
		}
	}

	public record ParagraphChange(String label, Change change, ParagraphStatus fromStatus, ParagraphStatus toStatus,
			List<Segment> segments) {
	}

	public long count(Change change) {
		return changes.stream().filter(c -> c.change() == change).count();
	}

	/** "2 changed, 1 inserted, 0 deleted, 5 unchanged". */
	public String summary() {
		return "%d changed, %d inserted, %d deleted, %d unchanged".formatted(count(Change.CHANGED), count(Change.INSERTED),
				count(Change.DELETED), count(Change.UNCHANGED));
	}

	public static Comparison of(DocumentVersion from, DocumentVersion to, String language) {
		var toLabels = new HashMap<String, Paragraph>();
		to.paragraphs().forEach(p -> toLabels.put(key(p), p));
		var fromIndex = new HashMap<String, Integer>();
		for (int i = 0; i < from.paragraphs().size(); i++) {
			fromIndex.put(key(from.paragraphs().get(i)), i);
		}
		var changes = new ArrayList<ParagraphChange>();
		int next = 0;
		for (var paragraph : to.paragraphs()) {
			Integer match = fromIndex.get(key(paragraph));
			if (match == null) {
				changes.add(new ParagraphChange(paragraph.label(), Change.INSERTED, paragraph.status(), paragraph.status(),
						List.of(new Segment(Segment.Kind.INSERTED, text(paragraph, language)))));
				continue;
			}
			for (; next < match; next++) {
				deletedIfGone(from.paragraphs().get(next), toLabels, language, changes);
			}
			next = Math.max(next, match + 1);
			var before = from.paragraphs().get(match);
			var segments = words(text(before, language), text(paragraph, language));
			boolean same = segments.stream().allMatch(s -> s.kind() == Segment.Kind.SAME) && before.status() == paragraph.status();
			changes.add(new ParagraphChange(paragraph.label(), same ? Change.UNCHANGED : Change.CHANGED, before.status(),
					paragraph.status(), segments));
		}
		for (; next < from.paragraphs().size(); next++) {
			deletedIfGone(from.paragraphs().get(next), toLabels, language, changes);
		}
		return new Comparison(from, to, language, List.copyOf(changes));
	}

	private static void deletedIfGone(Paragraph paragraph, Map<String, Paragraph> toLabels, String language,
			List<ParagraphChange> changes) {
		if (!toLabels.containsKey(key(paragraph))) {
			changes.add(new ParagraphChange(paragraph.label(), Change.DELETED, paragraph.status(), paragraph.status(),
					List.of(new Segment(Segment.Kind.DELETED, text(paragraph, language)))));
		}
	}

	private static String key(Paragraph paragraph) {
		return paragraph.label().toLowerCase(Locale.ROOT);
	}

	/** The paragraph as read: its text, or its alternatives one after the other. */
	static String text(Paragraph paragraph, String language) {
		if (paragraph.alternatives().isEmpty()) {
			return paragraph.text(language);
		}
		var parts = new ArrayList<String>();
		paragraph.alternatives().forEach(alternative -> parts.add(alternative.label() + ": " + alternative.text(language)));
		return String.join(" / ", parts);
	}

	/** Word-level differences by longest common subsequence of tokens (words, spaces, punctuation). */
	static List<Segment> words(String before, String after) {
		var a = tokens(before);
		var b = tokens(after);
		if ((long) a.size() * b.size() > MAX_CELLS) {
			return before.equals(after) ? List.of(new Segment(Segment.Kind.SAME, after))
					: List.of(new Segment(Segment.Kind.DELETED, before), new Segment(Segment.Kind.INSERTED, after));
		}
		int[][] lcs = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		var segments = new ArrayList<Segment>();
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				append(segments, Segment.Kind.SAME, a.get(i));
				i++;
				j++;
			}
			else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
				// what was deleted reads before what replaced it
				append(segments, Segment.Kind.DELETED, a.get(i++));
			}
			else {
				append(segments, Segment.Kind.INSERTED, b.get(j++));
			}
		}
		return List.copyOf(segments);
	}

	private static void append(List<Segment> segments, Segment.Kind kind, String token) {
		if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
			var last = segments.remove(segments.size() - 1);
			segments.add(new Segment(kind, last.text() + token));
		}
		else {
			segments.add(new Segment(kind, token));
		}
	}

	private static List<String> tokens(String text) {
		var tokens = new ArrayList<String>();
		var matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}
}
