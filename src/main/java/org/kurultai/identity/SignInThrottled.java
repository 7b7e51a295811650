package org.kurultai.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: try again later. */
class SignInThrottled extends AuthenticationException {

	SignInThrottled() {
		super("Too many failed sign-ins; try again in " + SignInThrottle.WINDOW.toMinutes() + " minutes");
	}
}
