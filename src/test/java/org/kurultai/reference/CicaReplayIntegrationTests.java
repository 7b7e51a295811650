package org.kurultai.reference;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.meetings.DelegationLevel;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CICA data, loaded through the domain into PostgreSQL, replays what the seeds say. No answer
 * here is stored: each follows from the status periods, terms and names.
 */
@IntegrationTest
class CicaReplayIntegrationTests {

	@Autowired Registry registry;
	@Autowired Organs organs;
	@Autowired Meetings meetings;
	@Autowired ReferenceNotes notes;
	@Autowired JdbcClient jdbc;

	static LocalDate day(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void theRepublicOfKoreaIsAnObserverBeforeTheSecondSummitAndTheEighteenthMemberAfterIt() {
		var korea = ParticipantCode.of("KOR");
		assertThat(registry.statusOf(korea, day("2006-06-16"))).isEqualTo(ParticipantStatus.OBSERVER);
		assertThat(registry.statusOf(korea, day("2006-06-18"))).isEqualTo(ParticipantStatus.MEMBER);
		var roster = registry.roster();
		assertThat(roster.count(day("2006-06-16"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(17);
		assertThat(roster.count(day("2006-06-18"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(18);
		assertThat(registry.participant(korea).periodOn(day("2006-06-18")).orElseThrow().ordinal()).isEqualTo(18);
	}

	@Test
	void thailandIsAnObserverIn2001AndAMemberFrom2004() {
		var thailand = ParticipantCode.of("THA");
		assertThat(registry.statusOf(thailand, day("2001-12-31"))).isEqualTo(ParticipantStatus.OBSERVER);
		assertThat(registry.statusOf(thailand, day("2003-12-31"))).isEqualTo(ParticipantStatus.OBSERVER);
		assertThat(registry.statusOf(thailand, day("2005-01-01"))).isEqualTo(ParticipantStatus.MEMBER);
		var roster = registry.roster();
		assertThat(roster.count(day("2003-12-31"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(16);
		assertThat(roster.count(day("2005-01-01"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(17);
	}

	@Test
	void kuwaitIsTheTwentyEighthMemberAfterTheAstanaSummit() {
		var roster = registry.roster();
		assertThat(roster.count(day("2022-10-12"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(27);
		assertThat(roster.count(day("2022-10-14"), ParticipantStatus.MEMBER, ParticipantKind.STATE)).isEqualTo(28);
		assertThat(registry.statusOf(ParticipantCode.of("KWT"), day("2022-10-12"))).isNull();
		assertThat(registry.statusOf(ParticipantCode.of("KWT"), day("2022-10-14"))).isEqualTo(ParticipantStatus.MEMBER);
		assertThat(registry.participant(ParticipantCode.of("KWT")).signatures()).hasSize(2)
				.allSatisfy(signature -> assertThat(signature.signedOn()).isBefore(day("2022-10-13")));
	}

	@Test
	void tajikistanHandsTheChairmanshipToKazakhstanOnTwentyFourthSeptember2020() {
		var chairmanship = organs.chairmanship();
		assertThat(chairmanship.termOn(day("2020-09-23")).orElseThrow().chair()).isEqualTo("TJK");
		assertThat(chairmanship.termOn(day("2020-09-24")).orElseThrow().chair()).isEqualTo("KAZ");
		assertThat(chairmanship.troikaOn(day("2020-09-24")).previous().chair()).isEqualTo("TJK");
		var handover = chairmanship.handovers().stream().filter(h -> h.on().equals(day("2020-09-24"))).findFirst().orElseThrow();
		assertThat(handover.from()).isEqualTo("TJK");
		assertThat(handover.to()).isEqualTo("KAZ");
		assertThat(meetings.meeting(handover.at()).online()).as("the 24 September 2020 ministerial met by video conference").isTrue();
	}

	@Test
	void everyMemberAdmittedSinceTheAlmatyActHadSignedBothFoundingDocuments() {
		var rule = registry.admissionRule();
		assertThat(rule.appliesFrom()).isEqualTo(day("2002-06-04"));
		var checked = 0;
		for (var participant : registry.roster().participants()) {
			for (var period : participant.periods()) {
				if (period.status() == ParticipantStatus.MEMBER && !period.from().isBefore(rule.appliesFrom())) {
					assertThat(participant.signatures()).as(participant.code().value())
							.filteredOn(signature -> !signature.signedOn().isAfter(period.from())).hasSize(2);
					checked++;
				}
			}
		}
		assertThat(checked).as("members admitted from 2004 to 2022").isGreaterThanOrEqualTo(12);
	}

	@Test
	void everyCountTheSourcesAttestAndTheDataFollowsIsTheDerivedCount() {
		var roster = registry.roster();
		var followed = notes.attestedCounts().stream().filter(AttestedCount::followed).toList();
		assertThat(followed).hasSizeGreaterThanOrEqualTo(10);
		for (var count : followed) {
			assertThat(roster.count(count.asOf(), ParticipantStatus.valueOf(count.status()), ParticipantKind.valueOf(count.kind())))
					.as("%s %s %s on %s (%s)", count.count(), count.status(), count.kind(), count.asOf(), count.sources())
					.isEqualTo(count.count());
		}
	}

	@Test
	void contradictionsBetweenSourcesAreKeptWithTheChoiceMade() {
		assertThat(notes.contradictions()).isNotEmpty().allSatisfy(contradiction -> {
			assertThat(contradiction.claims()).hasSizeGreaterThanOrEqualTo(2);
			assertThat(contradiction.choice()).isNotBlank();
		});
		assertThat(notes.contradictions()).anySatisfy(contradiction -> assertThat(contradiction.topic()).containsIgnoringCase("Thailand"));
	}

	@Test
	void theAstanaSummitRenamedTheSummitTheMinisterialMeetingAndTheHeadOfTheSecretariat() {
		var summit = organs.body("CHSG");
		assertThat(summit.nameOn(day("2022-10-12")).name()).doesNotContain("Council");
		assertThat(summit.nameOn(day("2022-10-13")).name()).startsWith("Council of Heads of State");
		assertThat(organs.body("CMFA").nameOn(day("2022-10-13")).name()).startsWith("Council of Ministers of Foreign Affairs");
		var secretariat = organs.secretariat();
		assertThat(secretariat.titleOn(day("2022-10-12")).orElseThrow().title()).isEqualTo("Executive Director");
		assertThat(secretariat.titleOn(day("2022-10-13")).orElseThrow().title()).isEqualTo("Secretary General");
		assertThat(secretariat.seatOn(day("2010-01-01")).orElseThrow().place()).isEqualTo("Almaty");
	}

	@Test
	void theSpecialWorkingGroupReportsToTheSeniorOfficialsWhoReportToTheMinisters() {
		assertThat(organs.body("SWG").reportsTo()).isEqualTo("SOC");
		assertThat(organs.body("SOC").reportsTo()).isEqualTo("CMFA");
		assertThat(organs.body("CMFA").reportsTo()).isEqualTo("CHSG");
		assertThat(organs.bodiesOn(day("1998-01-01"))).extracting(body -> body.code()).contains("SWG", "CG").doesNotContain("SEC", "FUND");
	}

	@Test
	void theSeedsMeetingsAreRecordedWithTheLevelOfEachDelegation() {
		assertThat(meetings.meeting("CMFA-1").from()).isEqualTo(day("1999-09-14"));
		assertThat(meetings.meeting("CMFA-1").place()).isEqualTo("Almaty");
		assertThat(meetings.meeting("CMFA-2").place()).isEqualTo("Almaty");
		assertThat(meetings.meeting("CHSG-1").from()).isEqualTo(day("2002-06-04"));
		assertThat(meetings.meeting("CHSG-6").place()).isEqualTo("Astana");
		assertThat(meetings.find("CMFA", day("2020-09-24"), day("2020-09-24"))).singleElement()
				.satisfies(meeting -> assertThat(meeting.online()).isTrue());
		var summit2006 = meetings.meeting("CHSG-2");
		assertThat(summit2006.from()).isEqualTo(day("2006-06-17"));
		assertThat(summit2006.delegations()).filteredOn(d -> d.participant().equals("ISR")).singleElement()
				.satisfies(d -> assertThat(d.level()).isEqualTo(DelegationLevel.DEPUTY_PRIME_MINISTER));
		assertThat(summit2006.delegations()).filteredOn(d -> d.level() == DelegationLevel.HEAD_OF_STATE).isNotEmpty();
		assertThat(meetings.find("CHSG", null, null)).extracting(meeting -> meeting.number()).contains(1, 2, 3, 4, 5, 6);
	}

	@Test
	void thePeriodsAreGuardedInPostgreSQLTooAgainstAnyWriter() {
		var attempt = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("""
				insert into status_period (participant_code, status, starts_on, precision, how)
				values ('KOR', 'OBSERVER', '2010-01-01', 'DAY', 'overlapping on purpose')""").update());
		assertThat(attempt).isNotNull().hasMessageContaining("overlap");
		var organization = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("""
				insert into status_period (participant_code, status, starts_on, ends_on, precision, how)
				values ('UN', 'MEMBER', '1990-01-01', '1991-01-01', 'DAY', 'not a State')""").update());
		assertThat(organization).isNotNull().hasMessageContaining("not a State");
	}
}
