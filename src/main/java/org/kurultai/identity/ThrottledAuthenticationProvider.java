package org.kurultai.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Password sign-in, refused while throttled; every attempt is counted. */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(Accounts accounts, PasswordEncoder encoder, SignInThrottle throttle) {
		// only an active account signs in; any other is refused as an unknown address is, after as much hashing (a decoy),
		// so that neither the answer nor its time tells that the address has a deactivated, invited or proposed account
		UserDetailsService users = email -> accounts.byEmail(email).filter(Account::active)
				.map(account -> new KurultaiUser(account, accounts.passwordHash(account)))
				.orElseThrow(() -> new UsernameNotFoundException("No account"));
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var email = String.valueOf(authentication.getName()).trim();
		if (email.indexOf('\u0000') >= 0) {
			// no address has a NUL (PostgreSQL text cannot hold one, the throttle's query would fail): a wrong address
			throw new org.springframework.security.authentication.BadCredentialsException("Bad credentials");
		}
		var address = authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : "unknown";
		if (throttle.isThrottled(email, address)) {
			throw new SignInThrottled();
		}
		try {
			var result = passwords.authenticate(authentication);
			throttle.record(email, address, true);
			return result;
		}
		catch (AuthenticationException refused) {
			throttle.record(email, address, false);
			throw refused;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
