package org.kurultai.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kurultai.registry.ParticipantTests.ALMATY_ACT;
import static org.kurultai.registry.ParticipantTests.CICA;
import static org.kurultai.registry.ParticipantTests.DECLARATION;
import static org.kurultai.registry.ParticipantTests.period;

/**
 * The registry's effects of adopted decisions (ADMIT, END_STATUS) and the Secretariat's corrections,
 * on the domain alone: each period written or ended carries the decision, a fact already in the
 * history is only linked, a refusal changes nothing, a correction returns the claims it supersedes.
 */
class StatusEffectsTests {

	static final DecisionRef CMFA = new DecisionRef(7, "CMFA/2026/3");
	static final Sources MINUTES = Sources.of(List.of("https://www.s-cica.org/decision"));
	static final LocalDate DAY = LocalDate.parse("2026-06-17");

	static Participant state(String code) {
		return Participant.state(ParticipantCode.of(code), new ParticipantNames(code, null, code, null));
	}

	static Participant signed(Participant state, LocalDate on) {
		state.sign(DECLARATION, on, false, Sources.none(), "");
		state.sign(ALMATY_ACT, on, false, Sources.none(), "");
		return state;
	}

	static Participant organization(String code) {
		return Participant.organization(ParticipantCode.of(code), new ParticipantNames(code, null, code, null));
	}

	@Test
	void anAdmissionAsObserverHoldsFromItsEffectiveDayWithTheDecision() {
		var applicant = state("XOB").admitBy(ParticipantStatus.OBSERVER, DAY, null, CMFA, "CMFA-7", MINUTES, CICA);

		assertThat(applicant.statusOn(DAY.minusDays(1))).isEmpty();
		assertThat(applicant.statusOn(DAY)).contains(ParticipantStatus.OBSERVER);
		var period = applicant.periods().get(0);
		assertThat(period.decision()).isEqualTo(CMFA);
		assertThat(period.how()).isEqualTo("admitted by decision CMFA/2026/3");
		assertThat(period.admittedAt()).isEqualTo("CMFA-7");
		assertThat(period.sources()).isEqualTo(MINUTES);
		assertThat(period.precision()).isEqualTo(DatePrecision.DAY);
	}

	@Test
	void anObserverAdmittedAsMemberEndsItsObserverStatusByTheSameDecision() {
		var state = signed(state("XMB"), DAY.minusYears(1)).record(period(ParticipantStatus.OBSERVER, "2010-01-01", null), CICA);

		state.admitBy(ParticipantStatus.MEMBER, DAY, null, CMFA, null, MINUTES, CICA);

		assertThat(state.periods()).hasSize(2);
		assertThat(state.periods().get(0).until()).isEqualTo(DAY);
		assertThat(state.periods().get(0).endedBy()).isEqualTo(CMFA);
		assertThat(state.periods().get(0).decision()).isNull();
		assertThat(state.periods().get(1).status()).isEqualTo(ParticipantStatus.MEMBER);
		assertThat(state.periods().get(1).decision()).isEqualTo(CMFA);
	}

	@Test
	void aMemberMustHaveSignedTheFoundingDocumentsByTheEffectiveDayAndARefusalChangesNothing() {
		var state = state("XNS").record(period(ParticipantStatus.OBSERVER, "2010-01-01", null), CICA);
		var before = state.periods();

		assertThatThrownBy(() -> state.admitBy(ParticipantStatus.MEMBER, DAY, null, CMFA, null, MINUTES, CICA))
				.isInstanceOf(MembershipRequiresFoundingDocuments.class);
		assertThat(state.periods()).isEqualTo(before);

		// signed after the effective day is not enough either
		signed(state, DAY.plusDays(1));
		assertThatThrownBy(() -> state.admitBy(ParticipantStatus.MEMBER, DAY, null, CMFA, null, MINUTES, CICA))
				.isInstanceOf(MembershipRequiresFoundingDocuments.class);
		assertThat(state.periods()).isEqualTo(before);
	}

	@Test
	void anOrganizationIsNeverAdmittedAsAMember() {
		var organization = organization("XORG");

		assertThatThrownBy(() -> organization.admitBy(ParticipantStatus.MEMBER, DAY, null, CMFA, null, MINUTES, CICA))
				.isInstanceOf(OnlyStatesAreMembers.class);
		assertThat(organization.periods()).isEmpty();
	}

	@Test
	void anAdmissionTheHistoryAlreadyHoldsIsOnlyLinkedToTheDecision() {
		var recorded = new StatusPeriod(ParticipantStatus.OBSERVER, LocalDate.parse("2023-12-26"), DatePrecision.DAY, null,
				"granted observer status by the Ministerial Council", null, null, Sources.of(List.of("seed:sau")), "from the sources");
		var saudiArabia = state("SAU").record(recorded, CICA);

		saudiArabia.admitBy(ParticipantStatus.OBSERVER, LocalDate.parse("2023-12-26"), null, CMFA, "CMFA-7", MINUTES, CICA);

		assertThat(saudiArabia.periods()).singleElement().satisfies(period -> {
			assertThat(period.decision()).isEqualTo(CMFA);
			assertThat(period.how()).isEqualTo(recorded.how());
			assertThat(period.sources()).isEqualTo(recorded.sources());
			assertThat(period.note()).isEqualTo(recorded.note());
		});
		// applied again (idempotent): the same
		saudiArabia.admitBy(ParticipantStatus.OBSERVER, LocalDate.parse("2023-12-26"), null, CMFA, "CMFA-7", MINUTES, CICA);
		assertThat(saudiArabia.periods()).singleElement().satisfies(period -> assertThat(period.decision()).isEqualTo(CMFA));
	}

	@Test
	void aStartKnownToTheMonthIsTheSameAdmissionOnAnyDayOfThatMonth() {
		var recorded = new StatusPeriod(ParticipantStatus.MEMBER, LocalDate.parse("2008-06-01"), DatePrecision.MONTH, null, "admitted", null,
				null, Sources.none(), null);
		var state = signed(state("XMO"), LocalDate.parse("2008-01-01")).record(recorded, CICA);

		state.admitBy(ParticipantStatus.MEMBER, LocalDate.parse("2008-06-25"), null, CMFA, null, MINUTES, CICA);

		assertThat(state.periods()).singleElement().satisfies(period -> {
			assertThat(period.from()).isEqualTo(LocalDate.parse("2008-06-01"));
			assertThat(period.decision()).isEqualTo(CMFA);
		});
	}

	@Test
	void aPeriodAnotherDecisionCausedIsNotClaimedBySecondOne() {
		var state = state("XTW").admitBy(ParticipantStatus.OBSERVER, DAY, null, CMFA, null, MINUTES, CICA);

		assertThatThrownBy(() -> state.admitBy(ParticipantStatus.OBSERVER, DAY, null, new DecisionRef(8, "CMFA/2026/4"), null, MINUTES, CICA))
				.isInstanceOf(PeriodDecidedOtherwise.class);
		assertThat(state.periods().get(0).decision()).isEqualTo(CMFA);
	}

	@Test
	void aStatusAlreadyHeldIsNotGrantedAgain() {
		var state = state("XAH").record(period(ParticipantStatus.OBSERVER, "2010-01-01", null), CICA);

		assertThatThrownBy(() -> state.admitBy(ParticipantStatus.OBSERVER, DAY, null, CMFA, null, MINUTES, CICA))
				.isInstanceOf(AlreadyHoldsStatus.class);
		assertThat(state.periods()).singleElement().satisfies(period -> assertThat(period.isOpen()).isTrue());
	}

	@Test
	void endingAStatusEndsTheOpenPeriodThatDayWithTheDecision() {
		var state = state("XEN").record(period(ParticipantStatus.OBSERVER, "2010-01-01", null), CICA);

		state.endBy(DAY, CMFA);

		assertThat(state.statusOn(DAY.minusDays(1))).contains(ParticipantStatus.OBSERVER);
		assertThat(state.statusOn(DAY)).isEmpty();
		assertThat(state.periods()).singleElement().satisfies(period -> {
			assertThat(period.until()).isEqualTo(DAY);
			assertThat(period.endedBy()).isEqualTo(CMFA);
		});
	}

	@Test
	void anEndTheHistoryAlreadyRecordsIsOnlyLinked() {
		var state = state("XEL").record(period(ParticipantStatus.OBSERVER, "2010-01-01", DAY.toString()), CICA);

		state.endBy(DAY, CMFA);

		assertThat(state.periods()).singleElement().satisfies(period -> {
			assertThat(period.until()).isEqualTo(DAY);
			assertThat(period.endedBy()).isEqualTo(CMFA);
		});
	}

	@Test
	void noStatusEndsWhereNoneIsOpen() {
		var none = state("XNO");
		assertThatThrownBy(() -> none.endBy(DAY, CMFA)).isInstanceOf(NoOpenStatus.class);

		var ended = state("XED").record(period(ParticipantStatus.OBSERVER, "2010-01-01", "2012-01-01"), CICA);
		assertThatThrownBy(() -> ended.endBy(DAY, CMFA)).isInstanceOf(NoOpenStatus.class);

		// a status beginning on that day (or later) cannot end on it
		var starting = state("XST").record(period(ParticipantStatus.OBSERVER, DAY.toString(), null), CICA);
		assertThatThrownBy(() -> starting.endBy(DAY, CMFA)).isInstanceOf(NoOpenStatus.class);
		assertThat(starting.periods()).singleElement().satisfies(period -> assertThat(period.isOpen()).isTrue());
	}

	static StatusCorrection correction(ParticipantStatus status, String from, String until, String supersedes) {
		return new StatusCorrection(status, LocalDate.parse(from), DatePrecision.MONTH, until == null ? null : LocalDate.parse(until), null,
				Sources.of(List.of("note verbale 12/2021")), "the sources give June 2021", supersedes == null ? null : LocalDate.parse(supersedes),
				"officer@secretariat.example", Instant.parse("2026-11-30T07:00:00Z"));
	}

	@Test
	void aCorrectionReplacesThePeriodItSupersedesAndReturnsTheEarlierClaim() {
		var old = new StatusPeriod(ParticipantStatus.OBSERVER, LocalDate.parse("2021-01-01"), DatePrecision.YEAR, null,
				"granted observer status", null, null, Sources.of(List.of("seed:old")), null, CMFA, null);
		var state = state("XCR").record(old, CICA);

		var superseded = state.correct(correction(ParticipantStatus.OBSERVER, "2021-06-01", null, "2021-01-01"), CICA);

		assertThat(superseded).containsExactly(old);
		assertThat(state.periods()).singleElement().satisfies(period -> {
			assertThat(period.from()).isEqualTo(LocalDate.parse("2021-06-01"));
			assertThat(period.precision()).isEqualTo(DatePrecision.MONTH);
			assertThat(period.how()).as("the same status keeps how it came about").isEqualTo("granted observer status");
			assertThat(period.decision()).as("a new first day is no longer the decision's").isNull();
			assertThat(period.sources().references()).containsExactly("note verbale 12/2021");
			assertThat(period.note()).isEqualTo("the sources give June 2021");
		});
	}

	@Test
	void aCorrectionWithoutSupersedingAddsThePeriodAndEndsAnOpenEarlierOne() {
		var state = signed(state("XCA"), LocalDate.parse("2015-01-01")).record(period(ParticipantStatus.OBSERVER, "2015-01-01", null), CICA);
		var observer = state.periods().get(0);

		var superseded = state.correct(correction(ParticipantStatus.MEMBER, "2021-06-01", null, null), CICA);

		assertThat(superseded).containsExactly(observer);
		assertThat(state.statusOn(LocalDate.parse("2021-05-31"))).contains(ParticipantStatus.OBSERVER);
		assertThat(state.statusOn(LocalDate.parse("2021-06-01"))).contains(ParticipantStatus.MEMBER);
		assertThat(state.periods().get(1).how()).isEqualTo(StatusCorrection.RECORDED);
	}

	@Test
	void aRefusedCorrectionChangesNothing() {
		var state = state("XRF").record(period(ParticipantStatus.OBSERVER, "2010-01-01", "2015-01-01"), CICA)
				.record(period(ParticipantStatus.OBSERVER, "2016-01-01", null), CICA);
		var before = state.periods();

		// overlaps the later period
		assertThatThrownBy(() -> state.correct(correction(ParticipantStatus.OBSERVER, "2010-01-01", "2017-01-01", "2010-01-01"), CICA))
				.isInstanceOf(StatusPeriodsOverlap.class);
		// a member that signed nothing
		assertThatThrownBy(() -> state.correct(correction(ParticipantStatus.MEMBER, "2016-01-01", null, "2016-01-01"), CICA))
				.isInstanceOf(MembershipRequiresFoundingDocuments.class);
		// no period begins that day
		assertThatThrownBy(() -> state.correct(correction(ParticipantStatus.OBSERVER, "2011-01-01", null, "2011-01-01"), CICA))
				.isInstanceOf(InvalidRequest.class).satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("supersedes"));
		assertThat(state.periods()).isEqualTo(before);
	}

	@Test
	void aCorrectionThatChangesNothingIsRefused() {
		var state = state("XSM");
		state.correct(correction(ParticipantStatus.OBSERVER, "2021-06-01", null, null), CICA);

		assertThatThrownBy(() -> state.correct(correction(ParticipantStatus.OBSERVER, "2021-06-01", null, "2021-06-01"), CICA))
				.isInstanceOf(CorrectionChangesNothing.class);
	}

	@Test
	void aCorrectionNamesItsSourcesAndWhyAndEndsAfterItBegins() {
		assertThatThrownBy(() -> new StatusCorrection(ParticipantStatus.OBSERVER, DAY, DatePrecision.DAY, null, null, Sources.of(List.of(" ")),
				"why", null, "officer@secretariat.example", Instant.EPOCH))
				.isInstanceOf(InvalidRequest.class).satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("sources"));
		assertThatThrownBy(() -> new StatusCorrection(ParticipantStatus.OBSERVER, DAY, DatePrecision.DAY, null, null, MINUTES, "  ", null,
				"officer@secretariat.example", Instant.EPOCH))
				.isInstanceOf(InvalidRequest.class).satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("note"));
		assertThatThrownBy(() -> new StatusCorrection(ParticipantStatus.OBSERVER, DAY, DatePrecision.DAY, DAY, null, MINUTES, "why", null,
				"officer@secretariat.example", Instant.EPOCH))
				.isInstanceOf(InvalidRequest.class).satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("until"));
	}
}
