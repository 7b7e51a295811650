package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * A kind of information States exchange, defined as data: annual (due by a day of the year after
 * the reference year) or relative to an activity (a lead time before it starts, in the activity's
 * own time zone); its form's fields; and who may see a submission (the State chooses among the
 * levels the type allows).
 */
public record ExchangeType(String code, String title, Schedule schedule, @Nullable MonthDay due, @Nullable Integer leadDays,
		List<Field> fields, List<AccessLevel> visibilities, AccessLevel defaultVisibility, @Nullable String priorityArea,
		@Nullable String measure, Sources sources, @Nullable String note) {

	public enum Schedule {
		ANNUAL, EVENT_RELATIVE
	}

	public enum FieldType {
		TEXT, NUMBER, DATE, YES_NO, CHOICE
	}

	/** One question of the form. */
	public record Field(String name, String label, FieldType type, boolean required, @Nullable List<String> options) {

		public Field {
			if (name == null || !name.matches("[a-z][a-zA-Z0-9]{0,39}")) {
				throw new TypeInvalid("'" + name + "' is not a field name (letters and digits, starting lower-case)");
			}
			options = options == null ? List.of() : List.copyOf(options);
			if ((type == FieldType.CHOICE) == options.isEmpty()) {
				throw new TypeInvalid("Field " + name + ": a choice lists its options, and only a choice does");
			}
		}
	}

	public ExchangeType {
		fields = List.copyOf(fields);
		visibilities = List.copyOf(visibilities);
		if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
			throw new TypeInvalid("'" + code + "' is not an exchange type code");
		}
		if ((schedule == Schedule.ANNUAL) != (due != null) || (schedule == Schedule.EVENT_RELATIVE) != (leadDays != null)) {
			throw new TypeInvalid("An annual exchange has a due day; one relative to an activity has a lead time; not both");
		}
		if (leadDays != null && (leadDays < 0 || leadDays > 3650)) {
			throw new TypeInvalid("A lead time is between 0 and 3650 days");
		}
		if (visibilities.isEmpty() || !visibilities.contains(defaultVisibility)) {
			throw new TypeInvalid("The default visibility must be one the type allows");
		}
		for (var level : visibilities) {
			if (level != AccessLevel.PUBLIC && level != AccessLevel.PARTICIPANTS && level != AccessLevel.SECRETARIAT) {
				throw new TypeInvalid("A submission is public, for participants, or for the Secretariat");
			}
		}
		if (fields.isEmpty() || fields.stream().map(Field::name).distinct().count() != fields.size()) {
			throw new TypeInvalid("A type has at least one field, each named once");
		}
	}

	/** When an annual return on {@code year} is due: the end of the due day of the next year, in the forum's zone. */
	public Instant dueAt(int year, ZoneId forumZone) {
		if (due == null) {
			throw new TypeInvalid(code + " is not an annual exchange");
		}
		return DueDay.endOf(due, year, forumZone);
	}

	/** When information on an activity is due: the lead time before it starts, counted in the activity's own time zone. */
	public Instant dueBefore(LocalDateTime activityStarts, ZoneId activityZone) {
		if (leadDays == null) {
			throw new TypeInvalid(code + " is not an exchange relative to an activity");
		}
		return activityStarts.atZone(activityZone).minusDays(leadDays).toInstant();
	}

	/** Checks the answers against the form: required fields answered (unless nil), types right, no unknown field. */
	public void check(Map<String, String> answers, boolean nil) {
		for (var name : answers.keySet()) {
			if (fields.stream().noneMatch(field -> field.name().equals(name))) {
				throw new InvalidRequest("answers", "The form of " + code + " has no field '" + name + "'.");
			}
		}
		for (var field : fields) {
			var value = answers.get(field.name());
			if (value == null || value.isBlank()) {
				if (field.required() && !nil) {
					throw new InvalidRequest("answers", "'" + field.label() + "' is required (or file a nil return).");
				}
				continue;
			}
			switch (field.type()) {
				case NUMBER -> {
					try {
						new java.math.BigDecimal(value.trim());
					}
					catch (NumberFormatException notANumber) {
						throw new InvalidRequest("answers", "'" + field.label() + "' is a number, not '" + value + "'.");
					}
				}
				case DATE -> {
					try {
						java.time.LocalDate.parse(value.trim());
					}
					catch (java.time.format.DateTimeParseException notADate) {
						throw new InvalidRequest("answers", "'" + field.label() + "' is a date (YYYY-MM-DD), not '" + value + "'.");
					}
				}
				case YES_NO -> {
					if (!value.equals("yes") && !value.equals("no")) {
						throw new InvalidRequest("answers", "'" + field.label() + "' is yes or no.");
					}
				}
				case CHOICE -> {
					if (!field.options().contains(value)) {
						throw new InvalidRequest("answers", "'" + field.label() + "' is one of " + field.options() + ".");
					}
				}
				case TEXT -> {
					if (value.length() > 10_000) {
						throw new InvalidRequest("answers", "'" + field.label() + "' is at most 10,000 characters.");
					}
				}
			}
		}
	}

	/** An exchange type's definition breaks the rules. */
	public static class TypeInvalid extends RuleViolation {

		public TypeInvalid(String message) {
			super(message);
		}

		@Override
		public String rule() {
			return "exchange-type-invalid";
		}
	}
}
