package org.kurultai.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> byEmail(String email) {
		return jdbc.sql("select * from account where lower(email) = lower(?)").param(email.trim()).query((rs, row) -> account(rs))
				.optional();
	}

	Optional<Account> byId(UUID id) {
		return jdbc.sql("select * from account where id = ?").param(id).query((rs, row) -> account(rs)).optional();
	}

	@Nullable String passwordHash(UUID id) {
		return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).optional().orElse(null);
	}

	List<Account> all() {
		return jdbc.sql("select * from account order by role, lower(email)").query((rs, row) -> account(rs)).list();
	}

	boolean anyWithRole(Role role) {
		return jdbc.sql("select count(*) from account where role = ? and active").param(role.name()).query(Integer.class).single() > 0;
	}

	void insert(Account account, @Nullable String passwordHash) {
		jdbc.sql("""
				insert into account (id, email, display_name, role, participant_code, password_hash, active, created_at, language)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(account.id(), account.email(), account.displayName(), account.role().name(), account.participant(),
						passwordHash, account.active(), OffsetDateTime.ofInstant(account.createdAt(), ZoneOffset.UTC),
						account.language().getLanguage())
				.update();
	}

	private static Account account(ResultSet rs) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("participant_code"), rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), java.util.Locale.forLanguageTag(rs.getString("language")));
	}
}
