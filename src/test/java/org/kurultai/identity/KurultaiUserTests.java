package org.kurultai.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in person is kept in their session in PostgreSQL: serialized with their account's values, never their password hash. */
class KurultaiUserTests {

	@Test
	void aSignedInPersonIsKeptInTheSessionWithoutThePasswordHash() throws Exception {
		var account = new Account(UUID.randomUUID(), "delegate@mfa.kz.example", "Delegate of Kazakhstan", Role.DELEGATE, "KAZ", true,
				Instant.parse("2026-11-30T05:00:00Z"), Locale.forLanguageTag("ru"));
		var user = new KurultaiUser(account, "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA");

		var bytes = new ByteArrayOutputStream();
		try (var out = new ObjectOutputStream(bytes)) {
			out.writeObject(user);
		}
		assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("argon2id");
		Object read;
		try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			read = in.readObject();
		}

		assertThat(read).isInstanceOf(KurultaiUser.class);
		var back = (KurultaiUser) read;
		assertThat(back.account()).isEqualTo(account);
		assertThat(back.getPassword()).isNull();
		assertThat(back.getUsername()).isEqualTo("delegate@mfa.kz.example");
		assertThat(back.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DELEGATE");
	}
}
