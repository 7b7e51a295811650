package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kurultai.cbm.ExchangeType.Field;
import org.kurultai.cbm.ExchangeType.FieldType;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exchange types as data: deadlines in the right time zone, and forms that check their answers. */
class ExchangeTypeTests {

	static final List<Field> FIELDS = List.of(new Field("area", "Area", FieldType.TEXT, true, null),
			new Field("troops", "Troops", FieldType.NUMBER, false, null), new Field("foreign", "Foreign contingents", FieldType.YES_NO, true, null),
			new Field("kind", "Kind", FieldType.CHOICE, true, List.of("exercise", "transfer")),
			new Field("starts", "Starts", FieldType.DATE, false, null));

	static final ExchangeType NOTIFICATION = new ExchangeType("NOTIFICATION", "Notification of military activities",
			ExchangeType.Schedule.EVENT_RELATIVE, null, 42, FIELDS, List.of(AccessLevel.PARTICIPANTS, AccessLevel.SECRETARIAT),
			AccessLevel.PARTICIPANTS, "MILPOL-GENERAL", null, Sources.none(), null);

	static final ExchangeType ANNUAL = new ExchangeType("ANNUAL", "Annual information", ExchangeType.Schedule.ANNUAL, MonthDay.of(3, 31),
			null, FIELDS, List.of(AccessLevel.PUBLIC), AccessLevel.PUBLIC, null, null, Sources.none(), null);

	@Test
	void anEventRelativeDeadlineIsCountedInTheActivitysOwnTimeZone() {
		// an exercise starting at 09:00 on 1 June 2026 in Tashkent (UTC+5): notice is due 42 days earlier, 09:00 Tashkent time
		var due = NOTIFICATION.dueBefore(LocalDateTime.of(2026, 6, 1, 9, 0), ZoneId.of("Asia/Tashkent"));
		assertThat(due).isEqualTo(Instant.parse("2026-04-20T04:00:00Z"));
		// the same wall time in Tokyo (UTC+9) is due four hours earlier
		assertThat(NOTIFICATION.dueBefore(LocalDateTime.of(2026, 6, 1, 9, 0), ZoneId.of("Asia/Tokyo")))
				.isEqualTo(Instant.parse("2026-04-20T00:00:00Z"));
		// across a daylight-saving change (Europe/Moscow keeps none; Asia/Jerusalem does): still 42 calendar days at 09:00 local
		assertThat(NOTIFICATION.dueBefore(LocalDateTime.of(2026, 4, 15, 9, 0), ZoneId.of("Asia/Jerusalem")).atZone(ZoneId.of("Asia/Jerusalem"))
				.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 4, 9, 0));
	}

	@Test
	void anAnnualReturnIsDueByTheEndOfTheDueDayInTheForumsZone() {
		assertThat(ANNUAL.dueAt(2025, ZoneId.of("Asia/Almaty"))).isEqualTo(Instant.parse("2026-03-31T19:00:00Z"));
		assertThatThrownBy(() -> ANNUAL.dueBefore(LocalDateTime.now(), ZoneId.of("UTC"))).isInstanceOf(ExchangeType.TypeInvalid.class);
	}

	@Test
	void theFormChecksItsAnswers() {
		NOTIFICATION.check(Map.of("area", "Fergana", "foreign", "no", "kind", "exercise", "troops", "1200", "starts", "2026-06-01"), false);
		NOTIFICATION.check(Map.of(), true);
		assertThatThrownBy(() -> NOTIFICATION.check(Map.of("area", "x", "foreign", "no"), false)).isInstanceOf(InvalidRequest.class)
				.hasMessageContaining("Kind");
		assertThatThrownBy(() -> NOTIFICATION.check(Map.of("area", "x", "foreign", "maybe", "kind", "exercise"), false))
				.hasMessageContaining("yes or no");
		assertThatThrownBy(() -> NOTIFICATION.check(Map.of("area", "x", "foreign", "no", "kind", "parade"), false))
				.hasMessageContaining("one of");
		assertThatThrownBy(() -> NOTIFICATION.check(Map.of("area", "x", "foreign", "no", "kind", "exercise", "troops", "many"), false))
				.hasMessageContaining("number");
		assertThatThrownBy(() -> NOTIFICATION.check(Map.of("area", "x", "foreign", "no", "kind", "exercise", "starts", "1 June"), false))
				.hasMessageContaining("date");
		assertThatThrownBy(() -> NOTIFICATION.check(Map.of("colour", "blue"), true)).hasMessageContaining("no field");
	}

	@Test
	void aTypeIsWellDefined() {
		assertThatThrownBy(() -> new Field("kind", "Kind", FieldType.CHOICE, true, List.of())).isInstanceOf(ExchangeType.TypeInvalid.class);
		assertThatThrownBy(() -> new ExchangeType("X", "x", ExchangeType.Schedule.ANNUAL, null, 10, FIELDS, List.of(AccessLevel.PUBLIC),
				AccessLevel.PUBLIC, null, null, Sources.none(), null)).isInstanceOf(ExchangeType.TypeInvalid.class);
		assertThatThrownBy(() -> new ExchangeType("X", "x", ExchangeType.Schedule.ANNUAL, MonthDay.of(1, 31), null, FIELDS,
				List.of(AccessLevel.MEMBERS), AccessLevel.MEMBERS, null, null, Sources.none(), null)).isInstanceOf(ExchangeType.TypeInvalid.class);
		assertThatThrownBy(() -> new ExchangeType("X", "x", ExchangeType.Schedule.ANNUAL, MonthDay.of(1, 31), null, FIELDS,
				List.of(AccessLevel.PUBLIC), AccessLevel.SECRETARIAT, null, null, Sources.none(), null)).isInstanceOf(ExchangeType.TypeInvalid.class);
	}
}
