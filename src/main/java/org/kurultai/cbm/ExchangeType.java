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
				throw new TypeInvalid("problem.exchange.fieldName", name);
			}
			options = options == null ? List.of() : List.copyOf(options);
			if ((type == FieldType.CHOICE) == options.isEmpty()) {
				throw new TypeInvalid("problem.exchange.fieldOptions", name);
			}
		}
	}

	public ExchangeType {
		fields = List.copyOf(fields);
		visibilities = List.copyOf(visibilities);
		if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
			throw new TypeInvalid("problem.exchange.typeCode", code);
		}
		if ((schedule == Schedule.ANNUAL) != (due != null) || (schedule == Schedule.EVENT_RELATIVE) != (leadDays != null)) {
			throw new TypeInvalid("problem.exchange.schedule");
		}
		if (leadDays != null && (leadDays < 0 || leadDays > 3650)) {
			throw new TypeInvalid("problem.exchange.leadTime");
		}
		if (visibilities.isEmpty() || !visibilities.contains(defaultVisibility)) {
			throw new TypeInvalid("problem.exchange.defaultVisibility");
		}
		for (var level : visibilities) {
			if (level != AccessLevel.PUBLIC && level != AccessLevel.PARTICIPANTS && level != AccessLevel.SECRETARIAT) {
				throw new TypeInvalid("problem.exchange.visibilities");
			}
		}
		if (fields.isEmpty() || fields.stream().map(Field::name).distinct().count() != fields.size()) {
			throw new TypeInvalid("problem.exchange.fields");
		}
	}

	/** When an annual return on {@code year} is due: the end of the due day of the next year, in the forum's zone. */
	public Instant dueAt(int year, ZoneId forumZone) {
		if (due == null) {
			throw new TypeInvalid("problem.exchange.notAnnual", code);
		}
		return DueDay.endOf(due, year, forumZone);
	}

	/** When information on an activity is due: the lead time before it starts, counted in the activity's own time zone. */
	public Instant dueBefore(LocalDateTime activityStarts, ZoneId activityZone) {
		if (leadDays == null) {
			throw new TypeInvalid("problem.exchange.notEventRelative", code);
		}
		return activityStarts.atZone(activityZone).minusDays(leadDays).toInstant();
	}

	/** Checks the answers against the form: required fields answered (unless nil), types right, no unknown field. */
	public void check(Map<String, String> answers, boolean nil) {
		for (var name : answers.keySet()) {
			if (fields.stream().noneMatch(field -> field.name().equals(name))) {
				throw InvalidRequest.of("answers", "problem.exchange.noSuchField", code, name);
			}
		}
		for (var field : fields) {
			var value = answers.get(field.name());
			if (value == null || value.isBlank()) {
				if (field.required() && !nil) {
					throw InvalidRequest.of("answers", "problem.exchange.fieldRequired", field.label());
				}
				continue;
			}
			switch (field.type()) {
				case NUMBER -> {
					try {
						new java.math.BigDecimal(value.trim());
					}
					catch (NumberFormatException notANumber) {
						throw InvalidRequest.of("answers", "problem.exchange.fieldNumber", field.label(), value);
					}
				}
				case DATE -> {
					try {
						java.time.LocalDate.parse(value.trim());
					}
					catch (java.time.format.DateTimeParseException notADate) {
						throw InvalidRequest.of("answers", "problem.exchange.fieldDate", field.label(), value);
					}
				}
				case YES_NO -> {
					if (!value.equals("yes") && !value.equals("no")) {
						throw InvalidRequest.of("answers", "problem.exchange.fieldYesNo", field.label());
					}
				}
				case CHOICE -> {
					if (!field.options().contains(value)) {
						throw InvalidRequest.of("answers", "problem.exchange.fieldChoice", field.label(), String.valueOf(field.options()));
					}
				}
				case TEXT -> {
					if (value.length() > 10_000) {
						throw InvalidRequest.of("answers", "problem.exchange.fieldLength", field.label());
					}
				}
			}
		}
	}

	/** An exchange type's definition breaks the rules. */
	public static class TypeInvalid extends RuleViolation {

		public TypeInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "exchange-type-invalid";
		}
	}
}
