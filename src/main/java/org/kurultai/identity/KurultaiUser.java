package org.kurultai.identity;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person, as Spring Security carries them through a request. Sessions are kept in
 * PostgreSQL (Spring Session JDBC), so the person is serialized with their session: as the
 * account's values only ({@link Stored}), never with the password hash the sign-in checked.
 */
public record KurultaiUser(Account account, @Nullable String passwordHash) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(account.role().authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return account.email();
	}

	@Override
	public boolean isEnabled() {
		return account.active();
	}

	@Serial
	private Object writeReplace() {
		var components = Account.class.getRecordComponents();
		var values = new Serializable[components.length];
		for (int i = 0; i < components.length; i++) {
			try {
				values[i] = (Serializable) components[i].getAccessor().invoke(account);
			}
			catch (ReflectiveOperationException | ClassCastException e) {
				throw new IllegalStateException("An account's " + components[i].getName() + " cannot be kept in a session", e);
			}
		}
		return new Stored(values);
	}

	/**
	 * How a signed-in person is kept in their session: the values of their account, in the order of
	 * {@link Account}'s components (so that a component added to the account is kept too). A session
	 * written by an older form of the account no longer reads; its person signs in again.
	 */
	private record Stored(Serializable[] values) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		@Serial
		private Object readResolve() throws InvalidObjectException {
			var components = Account.class.getRecordComponents();
			if (values == null || values.length != components.length) {
				throw new InvalidObjectException("the session was written for another form of the account");
			}
			try {
				var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
				var account = Account.class.getDeclaredConstructor(types).newInstance((Object[]) values);
				return new KurultaiUser(account, null);
			}
			catch (ReflectiveOperationException | IllegalArgumentException e) {
				var invalid = new InvalidObjectException("the session was written for another form of the account");
				invalid.initCause(e);
				throw invalid;
			}
		}
	}
}
