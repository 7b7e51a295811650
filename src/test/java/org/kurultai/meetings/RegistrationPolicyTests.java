package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kurultai.identity.Account;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Role;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who registers which delegation until when, and whom a registration may name. */
class RegistrationPolicyTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	static final LocalDate FIRST_DAY = LocalDate.of(2030, 5, 10);
	static final List<String> EXPECTED = List.of("KAZ", "AZE", "JPN");

	static Meeting meeting(MeetingStatus status, @Nullable Instant closes) {
		return new Meeting("SOC-2030-05-10", "SOC", null, "Session", FIRST_DAY, FIRST_DAY.plusDays(1), DatePrecision.DAY, status, "Astana",
				false, null, null, null, List.of(), List.of(), Sources.none(), null, Access.PUBLIC, 1, closes);
	}

	static Mandate mandate(Role role, @Nullable String participant, Capacity capacity) {
		var account = new Account(UUID.randomUUID(), role.name().toLowerCase() + "@example.org", "Someone", role, participant, true,
				Instant.EPOCH);
		return new Mandate(account, FIRST_DAY.minusDays(5), capacity);
	}

	static final Mandate KAZ_COORDINATOR = mandate(Role.NATIONAL_COORDINATOR, "KAZ", Capacity.MEMBER_DELEGATION);
	static final Mandate OFFICER = mandate(Role.SECRETARIAT_OFFICER, null, Capacity.SECRETARIAT);
	static final Instant BEFORE = FIRST_DAY.minusDays(3).atStartOfDay(ALMATY).toInstant();

	static @Nullable RuntimeException judge(Mandate mandate, Meeting meeting, String participant, Instant now) {
		return RegistrationPolicy.judge(mandate, true, meeting, EXPECTED, participant, now, ALMATY);
	}

	@Test
	void aCoordinatorRegistersItsOwnStateOnlyAndOnlyWhileActingForIt() {
		var meeting = meeting(MeetingStatus.PLANNED, null);
		assertThat(judge(KAZ_COORDINATOR, meeting, "KAZ", BEFORE)).isNull();
		assertThat(judge(KAZ_COORDINATOR, meeting, "AZE", BEFORE)).isInstanceOf(NotAllowed.class);
		assertThat(judge(mandate(Role.DELEGATE, "KAZ", Capacity.MEMBER_DELEGATION), meeting, "KAZ", BEFORE)).isInstanceOf(NotAllowed.class);
		assertThat(judge(mandate(Role.NATIONAL_COORDINATOR, "KAZ", Capacity.NONE), meeting, "KAZ", BEFORE))
				.as("a State without status that day").isInstanceOf(NotAllowed.class);
		assertThat(judge(mandate(Role.NATIONAL_COORDINATOR, "JPN", Capacity.OBSERVER_DELEGATION), meeting, "JPN", BEFORE)).isNull();
		assertThat(judge(mandate(Role.EXPERT, null, Capacity.PERSONAL), meeting, "KAZ", BEFORE)).isInstanceOf(NotAllowed.class);
		assertThat(RegistrationPolicy.judge(OFFICER, false, meeting, EXPECTED, "KAZ", BEFORE, ALMATY)).as("a meeting one may not see")
				.isInstanceOf(NotFound.class);
	}

	@Test
	void theDeadlineIsTheMeetingsOrTheStartOfItsFirstDayInTheForumsZoneAndBindsCoordinatorsOnly() {
		var withoutDeadline = meeting(MeetingStatus.PLANNED, null);
		var firstDayStarts = FIRST_DAY.atStartOfDay(ALMATY).toInstant();
		assertThat(RegistrationPolicy.deadline(withoutDeadline, ALMATY)).isEqualTo(firstDayStarts);
		assertThat(judge(KAZ_COORDINATOR, withoutDeadline, "KAZ", firstDayStarts.minusSeconds(1))).isNull();
		assertThat(judge(KAZ_COORDINATOR, withoutDeadline, "KAZ", firstDayStarts)).isInstanceOf(RegistrationPolicy.RegistrationClosed.class);

		var closes = FIRST_DAY.minusDays(7).atTime(18, 0).atZone(ALMATY).toInstant();
		var withDeadline = meeting(MeetingStatus.PLANNED, closes);
		assertThat(judge(KAZ_COORDINATOR, withDeadline, "KAZ", closes.minusSeconds(1))).isNull();
		var closed = judge(KAZ_COORDINATOR, withDeadline, "KAZ", closes);
		assertThat(closed).isInstanceOf(RegistrationPolicy.RegistrationClosed.class);
		assertThat(((RegistrationPolicy.RegistrationClosed) closed).messageArguments()).contains("2030-05-03 18:00 (Asia/Almaty)");
		assertThat(judge(OFFICER, withDeadline, "KAZ", closes.plusSeconds(86_400 * 30))).as("the Secretariat registers late").isNull();
	}

	@Test
	void nobodyRegistersForACancelledMeetingOrAParticipantNotExpected() {
		assertThat(judge(OFFICER, meeting(MeetingStatus.CANCELLED, null), "KAZ", BEFORE)).isInstanceOf(RegistrationPolicy.RegistrationRefused.class);
		assertThat(judge(OFFICER, meeting(MeetingStatus.PLANNED, null), "USA", BEFORE)).isInstanceOf(RegistrationPolicy.RegistrationRefused.class);
		var usa = mandate(Role.NATIONAL_COORDINATOR, "USA", Capacity.PARTNER_DELEGATION);
		assertThat(judge(usa, meeting(MeetingStatus.PLANNED, null), "USA", BEFORE)).isInstanceOf(RegistrationPolicy.RegistrationRefused.class);
	}

	// ------------------------------------------------------------------ whom a registration names

	static Account delegate(String email, String name) {
		return new Account(UUID.randomUUID(), email, name, Role.DELEGATE, "KAZ", true, Instant.EPOCH);
	}

	static final Account AIGERIM = delegate("aigerim@mfa.kz", "Aigerim Nurlanova");
	static final Account DANIYAR = delegate("daniyar@mfa.kz", "Daniyar Seitkali");
	static final Account DANIYAR_TOO = delegate("daniyar.s@mfa.kz", "daniyar seitkali");
	static final Account ASEL = delegate("asel@mfa.kz", "Asel Bekova");
	static final List<Account> ACCREDITED = List.of(AIGERIM, DANIYAR, DANIYAR_TOO, ASEL);

	static Registrations.Person head(String email) {
		return new Registrations.Person(email, null, "Minister for Foreign Affairs", "MINISTER");
	}

	static String refusedOn(Registrations.Registration registration) {
		try {
			Registrations.validate(registration, ACCREDITED);
		}
		catch (InvalidRequest refused) {
			return refused.parameter() + " " + refused.messageKey();
		}
		throw new AssertionError("accepted: " + registration);
	}

	@Test
	void eachPersonIsAnAccreditedAccountNamedByEmailOrByAnUnambiguousNameAndAppearsOnce() {
		var delegates = Registrations.validate(new Registrations.Registration("KAZ", head("AIGERIM@mfa.kz"),
				List.of(new Registrations.Person(null, "  asel BEKOVA ", "Director", "MINISTER")), null), ACCREDITED);
		assertThat(delegates).extracting(RegisteredDelegation.Delegate::account).containsExactly(AIGERIM.id(), ASEL.id());
		assertThat(delegates.get(0).name()).as("the account's name when none is given").isEqualTo("Aigerim Nurlanova");
		assertThat(delegates.get(0).level()).isEqualTo(DelegationLevel.MINISTER);
		assertThat(delegates.get(1).name()).as("the name as given").isEqualTo("asel BEKOVA");
		assertThat(delegates.get(1).level()).as("only the head has a level").isNull();
		assertThat(delegates.get(1).role()).isEqualTo(DelegateRole.MEMBER);

		assertThat(refusedOn(new Registrations.Registration("KAZ", head("someone@else.org"), null, null)))
				.isEqualTo("head.email problem.registration.notAccredited");
		assertThat(refusedOn(new Registrations.Registration("KAZ", head("aigerim@mfa.kz"),
				List.of(new Registrations.Person(null, "Daniyar Seitkali", null, null)), null)))
				.isEqualTo("members[0].name problem.registration.nameAmbiguous");
		assertThat(refusedOn(new Registrations.Registration("KAZ", head("aigerim@mfa.kz"), List.of(),
				List.of(new Registrations.Person("asel@mfa.kz", null, null, null), new Registrations.Person(null, "Aigerim Nurlanova", null, null)))))
				.isEqualTo("advisers[1].name problem.registration.personTwice");
		assertThat(refusedOn(new Registrations.Registration("KAZ", new Registrations.Person("aigerim@mfa.kz", null, " ", "MINISTER"), null, null)))
				.isEqualTo("head.title problem.registration.titleNeeded");
		assertThat(refusedOn(new Registrations.Registration("KAZ", new Registrations.Person("aigerim@mfa.kz", null, "Envoy", "king"), null, null)))
				.isEqualTo("head.level problem.registration.levelUnknown");
		assertThat(refusedOn(new Registrations.Registration("KAZ", new Registrations.Person(null, null, "Envoy", "EXPERT"), null, null)))
				.isEqualTo("head.name problem.registration.personNeeded");
		assertThat(refusedOn(new Registrations.Registration("KAZ", null, null, null))).isEqualTo("head problem.registration.headNeeded");
		assertThat(refusedOn(new Registrations.Registration("KAZ", new Registrations.Person("aigerim@mfa.kz", null, "x".repeat(301), "EXPERT"),
				null, null))).isEqualTo("head.title problem.registration.tooLong");
		var levels = Registrations.validate(new Registrations.Registration("KAZ",
				new Registrations.Person("aigerim@mfa.kz", null, "Senior official", "senior official"), null, null), ACCREDITED);
		assertThat(levels.get(0).level()).isEqualTo(DelegationLevel.SENIOR_OFFICIAL);
	}

	@Test
	void aParticipantIsNamedByItsCode() {
		assertThat(Registrations.participant(" kaz ")).isEqualTo("KAZ");
		assertThatThrownBy(() -> Registrations.participant(null)).isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> Registrations.participant("K Z")).isInstanceOf(InvalidRequest.class);
	}

	@Test
	void csvFieldsAreQuotedAsRfc4180SaysAndNeverReadAsFormulas() {
		var csv = new StringBuilder();
		RegistrationPages.row(csv, "KAZ", "Ambassador, Head", "He said \"yes\"", "=HYPERLINK(1)", "Министр");
		assertThat(csv).hasToString("KAZ,\"Ambassador, Head\",\"He said \"\"yes\"\"\",'=HYPERLINK(1),Министр\r\n");
	}
}
