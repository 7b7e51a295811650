package org.kurultai.registry;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kurultai.registry.ParticipantTests.ALMATY_ACT;
import static org.kurultai.registry.ParticipantTests.CICA;
import static org.kurultai.registry.ParticipantTests.DECLARATION;
import static org.kurultai.registry.ParticipantTests.period;

class RosterTests {

	private final Roster roster = new Roster(List.of(
			Participant.state(ParticipantCode.of("KAZ"), new ParticipantNames("Kazakhstan", null, "Republic of Kazakhstan", null))
					.record(period(ParticipantStatus.MEMBER, "1999-09-14", null), CICA),
			Participant.state(ParticipantCode.of("THA"), new ParticipantNames("Thailand", null, "Kingdom of Thailand", null))
					.record(period(ParticipantStatus.OBSERVER, "2001-09-01", "2004-10-22"), CICA)
					.sign(DECLARATION, LocalDate.parse("2004-10-22"), true, Sources.none(), "")
					.sign(ALMATY_ACT, LocalDate.parse("2004-10-22"), true, Sources.none(), "")
					.record(period(ParticipantStatus.MEMBER, "2004-10-22", null), CICA),
			Participant.state(ParticipantCode.of("AUS"), new ParticipantNames("Australia", null, "Australia", null))
					.record(period(ParticipantStatus.OBSERVER, "2001-09-01", "2008-08-27"), CICA),
			Participant.organization(ParticipantCode.of("UN"), new ParticipantNames("United Nations", null, "United Nations", null))
					.record(period(ParticipantStatus.OBSERVER, "2001-09-01", null), CICA)));

	@Test
	void countsAreDerivedFromThePeriodsOnTheDay() {
		assertThat(roster.count(LocalDate.parse("2003-12-31"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(1);
		assertThat(roster.count(LocalDate.parse("2005-01-01"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(2);
		assertThat(roster.census(LocalDate.parse("2003-12-31")).observerStates()).isEqualTo(2);
		assertThat(roster.census(LocalDate.parse("2003-12-31")).observerOrganizations()).isEqualTo(1);
		assertThat(roster.census(LocalDate.parse("2009-01-01")).observerStates()).isZero();
		assertThat(roster.census(LocalDate.parse("1998-01-01")).members()).isZero();
	}

	@Test
	void listsWhoHeldAStatusOnADayByName() {
		assertThat(roster.on(LocalDate.parse("2004-06-01"), ParticipantStatus.OBSERVER)).extracting(Standing::name)
				.containsExactly("Australia", "Thailand", "United Nations");
		assertThat(roster.on(LocalDate.parse("2005-06-01"), null)).extracting(Standing::name, Standing::status)
				.contains(org.assertj.core.groups.Tuple.tuple("Thailand", ParticipantStatus.MEMBER));
	}

	@Test
	void saysWhatChangedBetweenTwoDays() {
		var changes = roster.changesBetween(LocalDate.parse("2004-01-01"), LocalDate.parse("2010-01-01"));

		assertThat(changes).extracting(change -> change.code().value(), StatusChange::before, StatusChange::after).containsExactly(
				org.assertj.core.groups.Tuple.tuple("THA", ParticipantStatus.OBSERVER, ParticipantStatus.MEMBER),
				org.assertj.core.groups.Tuple.tuple("AUS", ParticipantStatus.OBSERVER, null));
		assertThat(changes.get(0).on()).isEqualTo(LocalDate.parse("2004-10-22"));
	}

	@Test
	void aChangeOnTheFirstDayIsNotCountedButOneOnTheLastIs() {
		assertThat(roster.changesBetween(LocalDate.parse("2004-10-22"), LocalDate.parse("2005-01-01"))).isEmpty();
		assertThat(roster.changesBetween(LocalDate.parse("2004-10-21"), LocalDate.parse("2004-10-22"))).hasSize(1);
	}
}
