package org.kurultai.organs;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kurultai.organs.ChairmanshipTests.term;

/** Each effect a decision has on the organs, on the domain alone, with fixed dates. */
class OrganChangesTests {

	static final DecisionRef DECISION = new DecisionRef(41, "CMFA/2026/3");
	static final Sources SOURCES = Sources.of(List.of("decision CMFA/2026/3"));

	static LocalDate day(String iso) {
		return LocalDate.parse(iso);
	}

	@Nested
	class ElectingTheChair {

		final Chairmanship chairmanship = new Chairmanship(List.of(term("KAZ", "2022-10-13", "2024-12-17", "2022-10-13"),
				term("AZE", "2024-12-17", null, "2024-03-19")));

		@Test
		void theElectedStateIsChairElectUntilTheHandoverThenChair() {
			var elected = chairmanship.elect("IND", day("2027-01-01"), null, day("2026-12-01"), "CMFA-2026-12-01", SOURCES, DECISION);

			assertThat(elected.electOn(day("2026-11-30"))).as("not yet decided").isEmpty();
			assertThat(elected.electOn(day("2026-12-01"))).get().extracting(ChairTerm::chair).isEqualTo("IND");
			var before = elected.troikaOn(day("2026-12-31"));
			assertThat(before.current().chair()).isEqualTo("AZE");
			assertThat(before.next().chair()).as("the Troika follows from the decision's day").isEqualTo("IND");
			assertThat(elected.troikaOn(day("2026-11-30")).next()).isNull();
			var after = elected.troikaOn(day("2027-01-01"));
			assertThat(after.current().chair()).isEqualTo("IND");
			assertThat(after.previous().chair()).isEqualTo("AZE");
			assertThat(elected.electOn(day("2027-01-01"))).isEmpty();
			var term = elected.termOn(day("2027-01-01")).orElseThrow();
			assertThat(term.decidedOn()).isEqualTo(day("2026-12-01"));
			assertThat(term.decidedAt()).isEqualTo("CMFA-2026-12-01");
			assertThat(term.decision()).isEqualTo(DECISION);
			assertThat(elected.termOn(day("2026-12-31")).orElseThrow().until()).as("the sitting chair's term ends at the handover")
					.isEqualTo(day("2027-01-01"));
		}

		@Test
		void aTermEndingAfterTheHandoverEndsThenAndOneEndingBeforeIsLeft() {
			var shortened = new Chairmanship(List.of(term("AZE", "2024-12-17", "2027-06-01", "2024-03-19")))
					.elect("IND", day("2027-01-01"), day("2029-01-01"), day("2026-12-01"), null, SOURCES, DECISION);
			assertThat(shortened.terms().get(0).until()).isEqualTo(day("2027-01-01"));
			assertThat(shortened.terms().get(1).until()).isEqualTo(day("2029-01-01"));

			var gap = new Chairmanship(List.of(term("AZE", "2024-12-17", "2026-12-17", "2024-03-19")))
					.elect("IND", day("2027-01-01"), null, day("2026-12-01"), null, SOURCES, DECISION);
			assertThat(gap.terms().get(0).until()).isEqualTo(day("2026-12-17"));
		}

		@Test
		void reElectingTheSittingChairIsARenewal() {
			var renewed = new Chairmanship(List.of(term("KAZ", "2020-09-24", null, "2020-09-24")))
					.elect("KAZ", day("2022-10-13"), day("2024-12-17"), day("2022-10-13"), "CHSG-6", SOURCES, DECISION);

			assertThat(renewed.terms()).hasSize(2);
			assertThat(renewed.handovers()).singleElement().satisfies(handover -> assertThat(handover.renewal()).isTrue());
		}

		@Test
		void aTermBeginningOnOrAfterTheHandoverRefusesTheElection() {
			assertThatThrownBy(() -> chairmanship.elect("IND", day("2024-06-01"), null, day("2024-05-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class).hasMessageContaining("AZE");
			assertThatThrownBy(() -> chairmanship.elect("IND", day("2024-12-17"), null, day("2024-05-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class);
		}

		@Test
		void theElectionRecordedAlreadyIsOnlyLinked() {
			var linked = chairmanship.elect("AZE", day("2024-12-17"), null, day("2024-03-19"), null, SOURCES, DECISION);

			assertThat(linked.terms()).hasSize(2);
			assertThat(linked.terms().get(1)).isEqualTo(chairmanship.terms().get(1).decidedBy(DECISION));
			assertThat(linked.terms().get(0)).isEqualTo(chairmanship.terms().get(0));
			var other = new DecisionRef(7, "SOC/2024/1");
			assertThat(linked.elect("AZE", day("2024-12-17"), null, day("2024-03-19"), null, SOURCES, other).terms().get(1).decision())
					.as("a record keeps the first decision that caused it").isEqualTo(DECISION);
		}
	}

	@Nested
	class ExtendingTheChairsTerm {

		final Chairmanship chairmanship = new Chairmanship(List.of(term("TUR", "2010-06-08", "2012-06-08", null),
				term("CHN", "2014-05-21", null, null)));

		@Test
		void theChairsTermRunsToTheNewEnd() {
			var extended = chairmanship.extend("TUR", day("2012-04-02"), day("2014-05-21"), DECISION);

			assertThat(extended.termOn(day("2013-01-01"))).get().extracting(ChairTerm::chair).isEqualTo("TUR");
			assertThat(extended.terms().get(0).decision()).isEqualTo(DECISION);
		}

		@Test
		void onlyTheChairsOwnTermIsExtendedAndNeverIntoTheNext() {
			assertThatThrownBy(() -> chairmanship.extend("CHN", day("2012-04-02"), day("2014-05-21"), DECISION))
					.isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> chairmanship.extend("TUR", day("2012-04-02"), day("2014-06-01"), DECISION))
					.isInstanceOf(ChangeRefused.class).hasMessageContaining("CHN");
			assertThatThrownBy(() -> chairmanship.extend("TUR", day("2012-04-02"), day("2012-01-01"), DECISION))
					.isInstanceOf(ChangeRefused.class);
		}

		@Test
		void anExtensionRecordedAlreadyIsOnlyLinked() {
			var recorded = new Chairmanship(List.of(term("TUR", "2010-06-08", "2014-05-21", null)));
			assertThat(recorded.extend("TUR", day("2012-04-02"), day("2014-05-21"), DECISION).terms())
					.containsExactly(recorded.terms().get(0).decidedBy(DECISION));
		}
	}

	@Nested
	class TheSecretariat {

		final Secretariat secretariat = new Secretariat(List.of(),
				List.of(new Secretariat.Title("Executive Director", day("2006-06-17"), null, null, Sources.none())),
				List.of(new Secretariat.Head("Kairat Sarybay", "KAZ", day("2020-09-24"), null, DatePrecision.DAY, Sources.none(), null)));

		@Test
		void anAppointedHeadFollowsThePreviousFromTheEffectiveDay() {
			var appointed = secretariat.appoint(Office.HEAD, "A. N. Other", "AZE", day("2027-01-01"), null, SOURCES, DECISION);

			assertThat(appointed.headOn(day("2026-12-31"))).get().extracting(Secretariat.Head::person).isEqualTo("Kairat Sarybay");
			assertThat(appointed.headOn(day("2027-01-01"))).get().satisfies(head -> {
				assertThat(head.person()).isEqualTo("A. N. Other");
				assertThat(head.decision()).isEqualTo(DECISION);
			});
			assertThat(appointed.heads().get(0).until()).isEqualTo(day("2027-01-01"));
			assertThatThrownBy(() -> appointed.appoint(Office.HEAD, "Someone", null, day("2026-06-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class);
		}

		@Test
		void deputiesServeSideBySideButAPersonOnceAtATime() {
			var two = secretariat.appoint(Office.DEPUTY, "First Deputy", "CHN", day("2026-01-01"), null, SOURCES, DECISION)
					.appoint(Office.DEPUTY, "Second Deputy", "RUS", day("2026-06-01"), null, SOURCES, DECISION);

			assertThat(two.deputiesOn(day("2026-07-01"))).extracting(Secretariat.Head::person).containsExactly("First Deputy", "Second Deputy");
			assertThat(two.headOn(day("2026-07-01"))).get().extracting(Secretariat.Head::person).isEqualTo("Kairat Sarybay");
			assertThatThrownBy(() -> two.appoint(Office.DEPUTY, "First Deputy", "CHN", day("2026-09-01"), null, SOURCES, DECISION))
					.isInstanceOf(Secretariat.OfficesInvalid.class);
		}

		@Test
		void theAppointmentRecordedAlreadyIsOnlyLinked() {
			var linked = secretariat.appoint(Office.HEAD, "kairat sarybay", "KAZ", day("2020-09-24"), null, SOURCES, DECISION);
			assertThat(linked.heads()).containsExactly(secretariat.heads().get(0).decidedBy(DECISION));
		}

		@Test
		void theOfficeIsRenamedFromTheEffectiveDay() {
			var renamed = secretariat.renameOffice("Secretary General", "Генеральный секретарь", day("2022-10-13"), "CHSG/2022/1", SOURCES,
					DECISION);

			assertThat(renamed.titleOn(day("2022-10-12"))).get().extracting(Secretariat.Title::title).isEqualTo("Executive Director");
			assertThat(renamed.titleOn(day("2022-10-13"))).get().satisfies(title -> {
				assertThat(title.title()).isEqualTo("Secretary General");
				assertThat(title.titleRu()).isEqualTo("Генеральный секретарь");
				assertThat(title.renamedBy()).isEqualTo("CHSG/2022/1");
				assertThat(title.decision()).isEqualTo(DECISION);
			});
			assertThat(renamed.renameOffice("Secretary General", null, day("2022-10-13"), null, SOURCES, new DecisionRef(9, null)).titles())
					.as("linked once").isEqualTo(renamed.titles());
			assertThatThrownBy(() -> renamed.renameOffice("Secretary General", null, day("2023-01-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> renamed.renameOffice("Director", null, day("2020-01-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class);
		}

		@Test
		void officesAreNamedByCodeOrTitle() {
			assertThat(Office.named("secretary_general")).contains(Office.HEAD);
			assertThat(Office.named("EXECUTIVE_DIRECTOR")).contains(Office.HEAD);
			assertThat(Office.named("DEPUTY_SECRETARY_GENERAL")).contains(Office.DEPUTY);
			assertThat(Office.named("TREASURER")).isEmpty();
		}
	}

	@Nested
	class Bodies {

		final Body fund = Body.established("FUND", BodyKind.FINANCIAL, day("2022-10-13"), null, "CICA Fund", "Фонд СВМДА", "Fund",
				SOURCES, DECISION);

		@Test
		void anEstablishedBodyExistsFromTheDecisionsDayWithItsFirstName() {
			assertThat(fund.existsOn(day("2022-10-12"))).isFalse();
			assertThat(fund.existsOn(day("2022-10-13"))).isTrue();
			assertThat(fund.decision()).isEqualTo(DECISION);
			assertThat(fund.nameOn(day("2030-01-01"))).satisfies(name -> {
				assertThat(name.name()).isEqualTo("CICA Fund");
				assertThat(name.nameRu()).isEqualTo("Фонд СВМДА");
				assertThat(name.decision()).isEqualTo(DECISION);
			});
			assertThat(fund.isEstablished(BodyKind.FINANCIAL, day("2022-10-13"), null)).isTrue();
			assertThat(fund.isEstablished(BodyKind.ADVISORY, day("2022-10-13"), null)).isFalse();
			var yearOnly = new Body("CEP", BodyKind.ADVISORY, BodyStatus.ACTIVE, day("2021-01-01"), DatePrecision.YEAR, null, null, null,
					null, Sources.none(), List.of(new BodyName("Council of Eminent Persons", null, null, null, null, Sources.none())),
					List.of(), List.of());
			assertThat(yearOnly.isEstablished(BodyKind.ADVISORY, day("2021-06-30"), null)).as("known to the year").isTrue();
		}

		@Test
		void aRenamingEndsTheNameOfTheDayAndKeepsTheShortName() {
			var renamed = fund.rename("CICA Development Fund", null, null, day("2025-03-01"), "CMFA/2025/2", SOURCES, DECISION);

			assertThat(renamed.nameOn(day("2025-02-28")).name()).isEqualTo("CICA Fund");
			assertThat(renamed.nameOn(day("2025-03-01"))).satisfies(name -> {
				assertThat(name.name()).isEqualTo("CICA Development Fund");
				assertThat(name.shortName()).isEqualTo("Fund");
				assertThat(name.renamedBy()).isEqualTo("CMFA/2025/2");
				assertThat(name.from()).isEqualTo(day("2025-03-01"));
			});
			assertThat(renamed.names().get(0).until()).isEqualTo(day("2025-03-01"));
			assertThat(renamed.rename("CICA Development Fund", null, null, day("2025-03-01"), null, SOURCES, new DecisionRef(3, null)))
					.as("the renaming recorded already is only linked").isEqualTo(renamed);
			assertThatThrownBy(() -> renamed.rename("Other", null, null, day("2024-01-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> renamed.rename("CICA Development Fund", null, null, day("2026-01-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> fund.rename("Other", null, null, day("2020-01-01"), null, SOURCES, DECISION))
					.as("before its creation").isInstanceOf(ChangeRefused.class);
		}

		@Test
		void aDissolvedBodyNoLongerExistsFromThatDay() {
			var dissolved = fund.dissolve(day("2030-01-01"), List.of(fund), DECISION);

			assertThat(dissolved.status()).isEqualTo(BodyStatus.DISSOLVED);
			assertThat(dissolved.existsOn(day("2029-12-31"))).isTrue();
			assertThat(dissolved.existsOn(day("2030-01-01"))).isFalse();
			assertThat(dissolved.dissolvedBy()).isEqualTo(DECISION);
			assertThat(dissolved.dissolve(day("2030-01-01"), List.of(), new DecisionRef(5, null))).as("linked once").isEqualTo(dissolved);
			assertThatThrownBy(() -> dissolved.dissolve(day("2031-01-01"), List.of(), DECISION)).isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> fund.dissolve(day("2022-10-13"), List.of(), DECISION)).isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> dissolved.rename("Later", null, null, day("2030-02-01"), null, SOURCES, DECISION))
					.isInstanceOf(ChangeRefused.class);
		}

		@Test
		void aBodyWithABodyReportingToItIsNotDissolved() {
			var committee = Body.established("PRC", BodyKind.FINANCIAL, day("2023-01-01"), "FUND", "Project Review Committee", null, null,
					SOURCES, null);
			assertThatThrownBy(() -> fund.dissolve(day("2030-01-01"), List.of(fund, committee), DECISION))
					.isInstanceOf(ChangeRefused.class).hasMessageContaining("PRC");
			assertThat(fund.dissolve(day("2030-01-01"), List.of(committee.dissolve(day("2029-01-01"), List.of(), null)), DECISION).status())
					.isEqualTo(BodyStatus.DISSOLVED);
		}
	}
}
