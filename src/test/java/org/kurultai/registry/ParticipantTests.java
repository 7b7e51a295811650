package org.kurultai.registry;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantTests {

	static final FoundingDocument DECLARATION = new FoundingDocument("DECLARATION_1999",
			"Declaration on Principles Guiding Relations among CICA Member States", LocalDate.of(1999, 9, 14), "Almaty", Sources.none());
	static final FoundingDocument ALMATY_ACT = new FoundingDocument("ALMATY_ACT", "Almaty Act", LocalDate.of(2002, 6, 4), "Almaty",
			Sources.none());
	static final AdmissionRule CICA = new AdmissionRule(List.of(DECLARATION, ALMATY_ACT));

	static StatusPeriod period(ParticipantStatus status, String from, String until) {
		return new StatusPeriod(status, LocalDate.parse(from), DatePrecision.DAY, until == null ? null : LocalDate.parse(until),
				"", null, null, Sources.of(List.of("seed:test")), null);
	}

	static Participant korea() {
		return Participant.state(ParticipantCode.of("KOR"), new ParticipantNames("Republic of Korea", null, "Republic of Korea", null));
	}

	@Test
	void aStatusHoldsFromItsFirstDayUntilTheDayBeforeItsEnd() {
		var period = period(ParticipantStatus.OBSERVER, "2001-09-01", "2006-06-17");

		assertThat(period.holdsOn(LocalDate.parse("2001-08-31"))).isFalse();
		assertThat(period.holdsOn(LocalDate.parse("2001-09-01"))).isTrue();
		assertThat(period.holdsOn(LocalDate.parse("2006-06-16"))).isTrue();
		assertThat(period.holdsOn(LocalDate.parse("2006-06-17"))).isFalse();
		assertThat(period(ParticipantStatus.MEMBER, "2006-06-17", null).holdsOn(LocalDate.parse("2100-01-01"))).isTrue();
	}

	@Test
	void aPeriodMustEndAfterItStarts() {
		assertThatThrownBy(() -> period(ParticipantStatus.MEMBER, "2006-06-17", "2006-06-17"))
				.isInstanceOf(StatusPeriod.InvalidStatusPeriod.class);
	}

	@Test
	void overlappingPeriodsOfOneParticipantAreRefused() {
		var korea = korea().record(period(ParticipantStatus.OBSERVER, "2001-09-01", "2006-06-18"), CICA);
		korea.sign(DECLARATION, LocalDate.parse("2006-06-17"), false, Sources.none(), "");
		korea.sign(ALMATY_ACT, LocalDate.parse("2006-06-17"), false, Sources.none(), "");

		assertThatThrownBy(() -> korea.record(period(ParticipantStatus.MEMBER, "2006-06-17", null), CICA))
				.isInstanceOf(StatusPeriodsOverlap.class).hasMessageContaining("KOR");
		assertThat(korea.periods()).hasSize(1);
	}

	@Test
	void anOpenPeriodOverlapsEverythingAfterIt() {
		var korea = korea().record(period(ParticipantStatus.OBSERVER, "2001-09-01", null), CICA);

		assertThatThrownBy(() -> korea.record(period(ParticipantStatus.OBSERVER, "2010-01-01", "2011-01-01"), CICA))
				.isInstanceOf(StatusPeriodsOverlap.class);
		assertThatThrownBy(() -> korea.record(period(ParticipantStatus.OBSERVER, "1999-01-01", null), CICA))
				.isInstanceOf(StatusPeriodsOverlap.class);
	}

	@Test
	void adjacentPeriodsDoNotOverlap() {
		var korea = korea().record(period(ParticipantStatus.OBSERVER, "2001-09-01", "2006-06-17"), CICA);
		korea.sign(DECLARATION, LocalDate.parse("2006-06-17"), false, Sources.none(), "");
		korea.sign(ALMATY_ACT, LocalDate.parse("2006-06-17"), false, Sources.none(), "");

		korea.record(period(ParticipantStatus.MEMBER, "2006-06-17", null), CICA);

		assertThat(korea.statusOn(LocalDate.parse("2006-06-16"))).contains(ParticipantStatus.OBSERVER);
		assertThat(korea.statusOn(LocalDate.parse("2006-06-17"))).contains(ParticipantStatus.MEMBER);
		assertThat(korea.statusOn(LocalDate.parse("2001-08-31"))).isEmpty();
	}

	@Test
	void aStateAdmittedAfterTheAlmatyActWithoutSigningBothFoundingDocumentsIsRefused() {
		var korea = korea();

		assertThatThrownBy(() -> korea.record(period(ParticipantStatus.MEMBER, "2006-06-17", null), CICA))
				.isInstanceOf(MembershipRequiresFoundingDocuments.class)
				.hasMessageContaining("DECLARATION_1999").hasMessageContaining("ALMATY_ACT");

		korea.sign(DECLARATION, LocalDate.parse("2006-06-17"), false, Sources.none(), "");
		assertThatThrownBy(() -> korea.record(period(ParticipantStatus.MEMBER, "2006-06-17", null), CICA))
				.isInstanceOf(MembershipRequiresFoundingDocuments.class).hasMessageContaining("ALMATY_ACT")
				.hasMessageNotContaining("DECLARATION_1999");
		assertThat(korea.periods()).isEmpty();
	}

	@Test
	void aSignatureAfterTheAdmissionDoesNotCount() {
		var kuwait = Participant.state(ParticipantCode.of("KWT"), new ParticipantNames("Kuwait", "Кувейт", "State of Kuwait", null));
		kuwait.sign(DECLARATION, LocalDate.parse("2022-10-14"), false, Sources.none(), "");
		kuwait.sign(ALMATY_ACT, LocalDate.parse("2022-10-11"), false, Sources.none(), "");

		assertThatThrownBy(() -> kuwait.record(period(ParticipantStatus.MEMBER, "2022-10-13", null), CICA))
				.isInstanceOf(MembershipRequiresFoundingDocuments.class).hasMessageContaining("DECLARATION_1999");
	}

	@Test
	void aStateThatSignedBothDocumentsIsAdmitted() {
		var kuwait = Participant.state(ParticipantCode.of("KWT"), new ParticipantNames("Kuwait", "Кувейт", "State of Kuwait", null));
		kuwait.sign(DECLARATION, LocalDate.parse("2022-10-11"), false, Sources.none(), "");
		kuwait.sign(ALMATY_ACT, LocalDate.parse("2022-10-11"), false, Sources.none(), "");

		kuwait.record(period(ParticipantStatus.MEMBER, "2022-10-13", null), CICA);

		assertThat(kuwait.statusOn(LocalDate.parse("2022-10-13"))).contains(ParticipantStatus.MEMBER);
	}

	@Test
	void membersAdmittedBeforeTheAlmatyActPredateTheRule() {
		var kazakhstan = Participant.state(ParticipantCode.of("KAZ"), new ParticipantNames("Kazakhstan", "Казахстан",
				"Republic of Kazakhstan", "Республика Казахстан"));

		kazakhstan.record(period(ParticipantStatus.MEMBER, "1999-09-14", null), CICA);

		assertThat(kazakhstan.statusOn(LocalDate.parse("2001-01-01"))).contains(ParticipantStatus.MEMBER);
	}

	@Test
	void observersNeedNoSignature() {
		var japan = Participant.state(ParticipantCode.of("JPN"), new ParticipantNames("Japan", "Япония", "Japan", "Япония"));

		japan.record(period(ParticipantStatus.OBSERVER, "2010-01-01", null), CICA);

		assertThat(japan.statusOn(LocalDate.parse("2020-01-01"))).contains(ParticipantStatus.OBSERVER);
	}

	@Test
	void anOrganizationCannotBeAMember() {
		var un = Participant.organization(ParticipantCode.of("UN"), new ParticipantNames("United Nations", null, "United Nations", null));

		assertThatThrownBy(() -> un.record(period(ParticipantStatus.MEMBER, "1999-09-14", null), CICA))
				.isInstanceOf(OnlyStatesAreMembers.class);
		un.record(period(ParticipantStatus.OBSERVER, "2001-09-01", null), CICA);
		assertThat(un.statusOn(LocalDate.parse("2022-01-01"))).contains(ParticipantStatus.OBSERVER);
	}

	@Test
	void aStateIsCodedIsoAlpha3() {
		assertThatThrownBy(() -> Participant.state(ParticipantCode.of("KORE"), new ParticipantNames("Korea", null, "Korea", null)))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ParticipantCode.of("kor")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void admittingAnObserverAsAMemberEndsItsObserverStatusThatDay() {
		var korea = korea().record(period(ParticipantStatus.OBSERVER, "2001-09-01", null), CICA);
		korea.sign(DECLARATION, LocalDate.parse("2006-06-17"), false, Sources.none(), "");
		korea.sign(ALMATY_ACT, LocalDate.parse("2006-06-17"), false, Sources.none(), "");

		korea.admit(period(ParticipantStatus.MEMBER, "2006-06-17", null), CICA);

		assertThat(korea.periods()).extracting(StatusPeriod::status, StatusPeriod::until).containsExactly(
				org.assertj.core.groups.Tuple.tuple(ParticipantStatus.OBSERVER, LocalDate.parse("2006-06-17")),
				org.assertj.core.groups.Tuple.tuple(ParticipantStatus.MEMBER, null));
	}

	@Test
	void aRefusedAdmissionLeavesTheObserverPeriodOpen() {
		var korea = korea().record(period(ParticipantStatus.OBSERVER, "2001-09-01", null), CICA);

		assertThatThrownBy(() -> korea.admit(period(ParticipantStatus.MEMBER, "2006-06-17", null), CICA))
				.isInstanceOf(MembershipRequiresFoundingDocuments.class);

		assertThat(korea.periods()).singleElement().satisfies(period -> assertThat(period.isOpen()).isTrue());
	}

	@Test
	void aMemberThatWasAnObserverCountsItsMembershipFromItsAdmission() {
		var korea = korea().record(period(ParticipantStatus.OBSERVER, "2001-09-01", "2006-06-17"), CICA);
		korea.sign(DECLARATION, LocalDate.parse("2006-06-01"), false, Sources.none(), "");
		korea.sign(ALMATY_ACT, LocalDate.parse("2006-06-01"), false, Sources.none(), "");
		korea.record(period(ParticipantStatus.MEMBER, "2006-06-17", "2010-01-01"), CICA);
		korea.record(period(ParticipantStatus.MEMBER, "2010-01-01", null), CICA);

		assertThat(korea.inStatusSince(LocalDate.parse("2020-01-01"))).contains(LocalDate.parse("2006-06-17"));
		assertThat(korea.inStatusSince(LocalDate.parse("2003-01-01"))).contains(LocalDate.parse("2001-09-01"));
	}
}
