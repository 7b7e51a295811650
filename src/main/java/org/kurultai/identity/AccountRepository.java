package org.kurultai.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
		if (email.indexOf('\u0000') >= 0) {
			return Optional.empty(); // PostgreSQL text holds no NUL: no account has it (and the query would fail)
		}
		return jdbc.sql("select * from account where lower(email) = lower(?)").param(email.trim()).query((rs, row) -> account(rs))
				.optional();
	}

	Optional<Account> byId(UUID id) {
		return jdbc.sql("select * from account where id = ?").param(id).query((rs, row) -> account(rs)).optional();
	}

	/** The account, its row locked until the transaction ends (every change of an account takes it first). */
	Optional<Account> locked(UUID id) {
		return jdbc.sql("select * from account where id = ? for update").param(id).query((rs, row) -> account(rs)).optional();
	}

	@Nullable String passwordHash(UUID id) {
		return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).optional().orElse(null);
	}

	List<Account> all() {
		return jdbc.sql("select * from account order by role, lower(email)").query((rs, row) -> account(rs)).list();
	}

	/** Accounts with their last sign-in, filtered (a null filter admits all). */
	List<Accounts.Listed> listed(@Nullable Role role, @Nullable String participant, Account.@Nullable Status status) {
		var where = new ArrayList<String>();
		var params = new ArrayList<Object>();
		if (role != null) {
			where.add("role = ?");
			params.add(role.name());
		}
		if (participant != null) {
			where.add("participant_code = ?");
			params.add(participant);
		}
		if (status != null) {
			where.add("status = ?");
			params.add(status.name());
		}
		var sql = "select * from account" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ " order by role, lower(display_name), lower(email)";
		return jdbc.sql(sql).params(params).query((rs, row) -> {
			var last = rs.getObject("last_signed_in_at", OffsetDateTime.class);
			return new Accounts.Listed(account(rs), last == null ? null : last.toInstant());
		}).list();
	}

	boolean anyWithRole(Role role) {
		return jdbc.sql("select count(*) from account where role = ? and active").param(role.name()).query(Integer.class).single() > 0;
	}

	/** Active administrators, their rows locked (so that two requests cannot each remove "the other" last one). */
	List<UUID> activeAdministratorsLocked() {
		return jdbc.sql("select id from account where role = 'SECRETARIAT_ADMINISTRATOR' and status = 'ACTIVE' order by id for update")
				.query(UUID.class).list();
	}

	void insert(Account account, @Nullable String passwordHash) {
		jdbc.sql("""
				insert into account (id, email, display_name, role, participant_code, password_hash, status, created_at, language,
				    activated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(account.id(), account.email(), account.displayName(), account.role().name(), account.participant(),
						passwordHash, account.status().name(), utc(account.createdAt()), account.language().getLanguage(),
						account.active() ? utc(account.createdAt()) : null)
				.update();
	}

	void update(Account account) {
		jdbc.sql("update account set display_name = ?, role = ?, participant_code = ?, language = ?, status = ? where id = ?")
				.params(account.displayName(), account.role().name(), account.participant(), account.language().getLanguage(),
						account.status().name(), account.id())
				.update();
	}

	/** Sets the password and makes the account active (an invitation accepted, a password reset). */
	void setPasswordAndActivate(UUID id, String passwordHash, Instant at) {
		jdbc.sql("update account set password_hash = ?, status = 'ACTIVE', activated_at = coalesce(activated_at, ?) where id = ?")
				.params(passwordHash, utc(at), id).update();
	}

	/** Was the account ever active (had a credential)? */
	boolean everActive(UUID id) {
		return jdbc.sql("select activated_at is not null from account where id = ?").param(id).query(Boolean.class).single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Account account(ResultSet rs) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("participant_code"), Account.Status.valueOf(rs.getString("status")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), java.util.Locale.forLanguageTag(rs.getString("language")));
	}
}
