package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kurultai.identity.Account;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Role;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a meeting's plans and who may convene and change meetings, without a database. */
class MeetingPlansTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static Meeting planned(LocalDate from, LocalDate until) {
		return new Meeting("SOC-" + from, "SOC", null, "Session", from, until, DatePrecision.DAY, MeetingStatus.PLANNED, "Astana", false,
				"KAZ", null, null, List.of(), List.of(), Sources.of(List.of("test")), null, Access.PUBLIC, 1,
				Instant.parse("2026-04-01T00:00:00Z"));
	}

	static PlanChange change(LocalDate from, LocalDate until, String reason) {
		return new PlanChange(from, until, null, null, null, null, null, reason);
	}

	@Test
	void aPostponementIsTheNextPlanAndKeepsWhatItDoesNotSay() {
		var current = planned(LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 21));
		var next = MeetingPlans.next(current, new PlanChange(LocalDate.of(2026, 5, 11), null, null, null, null, null, null, "Host's request"),
				TODAY, ALMATY);
		assertThat(next.plan()).isEqualTo(2);
		assertThat(next.from()).isEqualTo(LocalDate.of(2026, 5, 11));
		assertThat(next.until()).as("the meeting keeps its length").isEqualTo(LocalDate.of(2026, 5, 12));
		assertThat(next.place()).isEqualTo("Astana");
		assertThat(next.host()).isEqualTo("KAZ");
		assertThat(next.status()).isEqualTo(MeetingStatus.PLANNED);
		assertThat(next.registrationCloses()).isEqualTo(current.registrationCloses());
	}

	@Test
	void turnedOnlineTheMeetingHasNoPlaceAndAPlanForTodayOrEarlierIsHeld() {
		var current = planned(LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 20));
		var online = MeetingPlans.next(current, new PlanChange(TODAY, TODAY, null, true, null, Instant.parse("2026-03-09T19:00:00Z"), null,
				"Travel restrictions"), TODAY, ALMATY);
		assertThat(online.online()).isTrue();
		assertThat(online.place()).isNull();
		assertThat(online.status()).isEqualTo(MeetingStatus.HELD);
	}

	@Test
	void cancellingMarksTheMeetingCancelledAndNothingChangesItAfterwards() {
		var current = planned(LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 20));
		var cancelled = MeetingPlans.next(current, new PlanChange(null, null, null, null, null, null, true, "No quorum"), TODAY, ALMATY);
		assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
		assertThat(cancelled.from()).isEqualTo(current.from());
		assertThatThrownBy(() -> MeetingPlans.next(cancelled, change(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), "Again"), TODAY, ALMATY))
				.isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("problem.meeting.plan.cancelled"));
	}

	@Test
	void aHeldMeetingIsHistory() {
		var held = new Meeting("SOC-x", "SOC", null, "Session", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), DatePrecision.DAY,
				MeetingStatus.HELD, "Astana", false, null, null, null, List.of(), List.of(), Sources.of(List.of("test")), null, Access.PUBLIC);
		assertThatThrownBy(() -> MeetingPlans.next(held, change(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), "Later"), TODAY, ALMATY))
				.isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("problem.meeting.plan.held"));
	}

	@Test
	void aChangeNeedsItsReasonNewsAndConsistentDays() {
		var current = planned(LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 21));
		assertThatThrownBy(() -> MeetingPlans.next(current, change(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1), "  "), TODAY, ALMATY))
				.isInstanceOf(InvalidRequest.class).hasFieldOrPropertyWithValue("parameter", "reason");
		assertThatThrownBy(() -> MeetingPlans.next(current, change(null, null, null), TODAY, ALMATY))
				.isInstanceOf(InvalidRequest.class).hasFieldOrPropertyWithValue("parameter", "reason");
		assertThatThrownBy(() -> MeetingPlans.next(current, change(current.from(), current.until(), "Same"), TODAY, ALMATY))
				.isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("problem.meeting.plan.unchanged"));
		assertThatThrownBy(() -> MeetingPlans.next(current, change(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1), "Moved"), TODAY, ALMATY))
				.isInstanceOf(InvalidRequest.class).hasFieldOrPropertyWithValue("parameter", "until");
		// moved earlier, before the deadline it had: the deadline would fall after the new first day
		assertThatThrownBy(() -> MeetingPlans.next(current, change(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 20), "Earlier"), TODAY, ALMATY))
				.isInstanceOfSatisfying(InvalidRequest.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("problem.meeting.plan.registrationAfterStart"));
	}

	@Test
	void registrationClosesByDefaultAtTheEndOfTheDaySevenDaysBeforeInTheForumsZone() {
		// first day 20 April: registration closes at the end of 13 April in Almaty (UTC+5), 19:00 UTC
		assertThat(MeetingPlans.defaultRegistrationCloses(LocalDate.of(2026, 4, 20), Period.ofDays(7), ALMATY))
				.isEqualTo(Instant.parse("2026-04-13T19:00:00Z"));
	}

	@Test
	void levelFollowsTheBody() {
		assertThat(MeetingLevel.of("CHSG")).isEqualTo(MeetingLevel.SUMMIT);
		assertThat(MeetingLevel.of("cmfa")).isEqualTo(MeetingLevel.MINISTERIAL);
		assertThat(MeetingLevel.of("SOC")).isEqualTo(MeetingLevel.SENIOR_OFFICIALS);
		assertThat(MeetingLevel.of("SME")).isEqualTo(MeetingLevel.EXPERT);
	}

	static Account account(Role role, String participant, boolean active) {
		return new Account(UUID.randomUUID(), "x@example.org", "X", role, participant, active, Instant.EPOCH);
	}

	@Test
	void theSecretariatConvenesEveryBodyAndTheChairsCoordinatorTheBodiesTheChairmanshipChairs() {
		assertThat(MeetingPolicy.mayConvene(account(Role.SECRETARIAT_OFFICER, null, true), Capacity.SECRETARIAT, "AZE", false)).isTrue();
		assertThat(MeetingPolicy.mayConvene(account(Role.SECRETARIAT_ADMINISTRATOR, null, true), Capacity.SECRETARIAT, "AZE", true)).isTrue();
		assertThat(MeetingPolicy.mayConvene(account(Role.SECRETARIAT_OFFICER, null, false), Capacity.NONE, "AZE", true))
				.as("a closed account").isFalse();
		var chairs = account(Role.NATIONAL_COORDINATOR, "AZE", true);
		assertThat(MeetingPolicy.mayConvene(chairs, Capacity.MEMBER_DELEGATION, "AZE", true)).isTrue();
		assertThat(MeetingPolicy.mayConvene(chairs, Capacity.MEMBER_DELEGATION, "AZE", false)).as("a body the chair does not chair").isFalse();
		assertThat(MeetingPolicy.mayConvene(chairs, Capacity.MEMBER_DELEGATION, "KAZ", true)).as("another State chairs").isFalse();
		assertThat(MeetingPolicy.mayConvene(chairs, Capacity.NONE, "AZE", true)).as("not acting for the State today").isFalse();
		assertThat(MeetingPolicy.mayConvene(chairs, Capacity.MEMBER_DELEGATION, null, true)).as("nobody chairs").isFalse();
		assertThat(MeetingPolicy.mayConvene(account(Role.DELEGATE, "AZE", true), Capacity.MEMBER_DELEGATION, "AZE", true))
				.as("a delegate of the chair").isFalse();
	}
}
