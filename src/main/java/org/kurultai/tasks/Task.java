package org.kurultai.tasks;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing that awaits a person: its kind, the record it is about ({@code decision:12}), where to
 * go, its deadline if it has one and whether that has passed, the State concerned (for whom the
 * person is asked to act, or whose proposal it is), whether the person must act or is only told,
 * and its title as a message with arguments, put into words in the reader's language when shown.
 */
public record Task(Kind kind, String record, String link, @Nullable Instant deadline, boolean overdue, @Nullable String state,
		boolean action, Text title) {

	public enum Kind {
		/** An open silence procedure the person's State may break, or that they conduct. */
		SILENCE_PROCEDURE,
		/** A draft with a revision or amendments the person has not seen (or never opened). */
		DRAFT_CHANGED,
		/** Their State's implementation report, due within 30 days or overdue. */
		REPORT_DUE,
		/** Their State's information-exchange return, due within 30 days or overdue. */
		RETURN_DUE,
		/** A proposed accreditation (or a person proposed by a coordinator) awaiting the Secretariat. */
		ACCREDITATION_PENDING,
		/** A notice, for a week: a silence procedure the person's State could break, or that they conducted, was broken. */
		SILENCE_BROKEN
	}

	/** A message key and its arguments; an argument may itself be a {@link Text}, put into words first. */
	public record Text(String key, List<Object> arguments) {

		public Text {
			arguments = List.copyOf(arguments);
		}

		public static Text of(String key, Object... arguments) {
			return new Text(key, List.of(arguments));
		}
	}

	/**
	 * Most urgent first: what is overdue (the longest overdue first), then by deadline, then what
	 * has none: accreditations awaiting action, then changed drafts; ties by record, so the order is stable.
	 */
	static final Comparator<Task> BY_URGENCY = Comparator.<Task>comparingInt(task -> task.overdue() ? 0 : task.deadline() != null ? 1 : 2)
			.thenComparing(Task::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingInt(task -> task.kind() == Kind.ACCREDITATION_PENDING ? 0 : 1)
			.thenComparing(task -> task.action() ? 0 : 1)
			.thenComparing(Task::record);
}
