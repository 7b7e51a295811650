package org.kurultai.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Probe of issue 10: a password sign-in must not tell an address with a deactivated, invited or proposed account from an
 * address without one. Before the fix, such an account was refused before any password was hashed (a disabled account,
 * checked first): tens of milliseconds of Argon2id shorter than for an unknown address, for which Spring Security hashes
 * a decoy; and with its own exception.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Issue10ProbeSignInIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired PasswordEncoder encoder;
	@Autowired SignInThrottle throttle;

	Delegations.Actor admin;

	/** The application's encoder, counting the passwords it hashes or compares. */
	final AtomicInteger work = new AtomicInteger();

	ThrottledAuthenticationProvider provider;

	@BeforeAll
	void setUp() {
		var api = new Delegations(port, accounts, tokens);
		admin = api.actor("probe10.signin.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		provider = new ThrottledAuthenticationProvider(accounts, new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				work.incrementAndGet();
				return encoder.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				work.incrementAndGet();
				return encoder.matches(raw, encoded);
			}

			@Override
			public boolean upgradeEncoding(String encoded) {
				return encoder.upgradeEncoding(encoded);
			}
		}, throttle);
	}

	private AuthenticationException refused(String email, String password) {
		work.set(0);
		return catchThrowableOfType(AuthenticationException.class,
				() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password)));
	}

	@Test
	void aDeactivatedInvitedOrProposedAccountIsRefusedLikeAnUnknownAddress() {
		refused("probe10.warm-up@nowhere.example", "wrong password!"); // the decoy hash is drawn once
		var unknown = refused("probe10.nobody@nowhere.example", "a wrong password");
		assertThat(unknown).isInstanceOf(BadCredentialsException.class);
		assertThat(work.get()).as("a decoy password is compared for an unknown address").isPositive();

		var deactivated = accounts.open("probe10.deactivated@mfa.example", "Deactivated", Role.EXPERT, null, Delegations.PASSWORD, "test",
				"test");
		accounts.deactivate(deactivated.id(), admin.account());
		var invited = accounts.invite(admin.account(), "probe10.invited@mfa.example", "Invited", "EXPERT", null, "en");
		for (var email : new String[] { deactivated.email(), invited.email() }) {
			for (var password : new String[] { "a wrong password", Delegations.PASSWORD }) {
				var refusal = refused(email, password);
				assertThat(refusal).as("%s with %s", email, password).isInstanceOf(BadCredentialsException.class);
				assertThat(work.get()).as("%s with %s: as much hashing as for an unknown address", email, password).isPositive();
			}
		}
	}

	/** A NUL in the address reached PostgreSQL through the throttle ("invalid byte sequence"): an error, not a refusal. */
	@Test
	void anAddressWithANulIsRefusedLikeAnyWrongAddress() {
		assertThat(refused("probe10.a\u0000b@mfa.example", "a wrong password")).isInstanceOf(BadCredentialsException.class);
	}
}
