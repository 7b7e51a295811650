package org.kurultai.identity;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTests {

	static Account account(Role role, String participant) {
		return new Account(UUID.randomUUID(), "person@mfa.example", "A person", role, participant, true, Instant.now());
	}

	@Test
	void aCoordinatorOrADelegateActsForOneParticipant() {
		assertThat(account(Role.DELEGATE, "KAZ").actsFor()).isEqualTo("KAZ");
		assertThatThrownBy(() -> account(Role.NATIONAL_COORDINATOR, null)).isInstanceOf(Account.AccountInvalid.class);
		assertThatThrownBy(() -> account(Role.DELEGATE, null)).isInstanceOf(Account.AccountInvalid.class);
	}

	@Test
	void secretariatStaffAndExpertsActForNoParticipant() {
		assertThat(account(Role.SECRETARIAT_OFFICER, null).actsFor()).isEqualTo("SECRETARIAT");
		assertThat(account(Role.EXPERT, null).actsFor()).isEqualTo("PERSONAL");
		assertThatThrownBy(() -> account(Role.SECRETARIAT_ADMINISTRATOR, "KAZ")).isInstanceOf(Account.AccountInvalid.class);
		assertThatThrownBy(() -> account(Role.EXPERT, "KAZ")).isInstanceOf(Account.AccountInvalid.class);
	}

	@Test
	void anAccountNeedsAnEmailAddressAndAName() {
		assertThatThrownBy(() -> new Account(UUID.randomUUID(), "not an address", "A", Role.EXPERT, null, true, Instant.now()))
				.isInstanceOf(Account.AccountInvalid.class);
		assertThatThrownBy(() -> new Account(UUID.randomUUID(), "a@b.org", " ", Role.EXPERT, null, true, Instant.now()))
				.isInstanceOf(Account.AccountInvalid.class);
		assertThat(new Account(UUID.randomUUID(), " Person@MFA.Example ", "A", Role.EXPERT, null, true, Instant.now()).email())
				.isEqualTo("person@mfa.example");
	}

	@Test
	void onlyAMembersDelegationMayObjectWhileObserversMaySpeak() {
		var member = new Mandate(account(Role.DELEGATE, "KAZ"), java.time.LocalDate.now(), Capacity.MEMBER_DELEGATION);
		var observer = new Mandate(account(Role.DELEGATE, "JPN"), java.time.LocalDate.now(), Capacity.OBSERVER_DELEGATION);
		var partner = new Mandate(account(Role.DELEGATE, "KAZ"), java.time.LocalDate.now(), Capacity.PARTNER_DELEGATION);

		assertThat(member.mayObject()).isTrue();
		assertThat(member.maySpeak()).isTrue();
		assertThat(observer.mayObject()).isFalse();
		assertThat(observer.maySpeak()).isTrue();
		assertThat(partner.mayObject()).isFalse();
		assertThat(partner.maySpeak()).isFalse();
	}
}
