package org.kurultai.notices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.Account;
import org.kurultai.notifications.Notification;
import org.kurultai.notifications.Notifications;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices of each person: writing them exactly once per person and event ({@link #tell}), the in-app list, and
 * each person's choices (per kind: at once, a daily digest, or no mail; the time zone deadlines are shown in).
 */
@Service
public class Notices {

	/** One page of a person's notices, newest first, with how many are unread in all. */
	public record Page(List<Notice> notices, int page, int size, long total, long unread) {
	}

	/** A person's choices: the zone their mails show deadlines in, and how each kind reaches them. */
	public record Settings(ZoneId timeZone, Map<NoticeKind, Delivery> kinds) {
	}

	/**
	 * What one person is told of one event, in their language: the in-app title and body, the path it links to, the
	 * mail template's further values and the subject's arguments.
	 */
	record Told(String title, String body, String link, Map<String, Object> mail, List<Object> subject) {

	}

	static final int LONGEST_PAGE = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final ForumClock clock;
	private final AuditLog audit;
	private final String publicUrl;

	Notices(JdbcClient jdbc, Notifications notifications, ForumClock clock, AuditLog audit,
			@Value("${kurultai.public-url:http://localhost:8080}") String publicUrl) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
		this.audit = audit;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	// ---------------------------------------------------------------- writing

	/**
	 * Tells each recipient of one event, in the caller's transaction (the publishing act's; one of its own if there is
	 * none): a notice per person (written only if this event
	 * has not been told to them yet: unique person and event key), and, only for a notice written now and chosen to
	 * come at once, its mail with an unsubscribe link. Answers how many notices were written.
	 */
	@Transactional
	int tell(NoticeKind kind, String eventKey, Collection<Account> recipients, Function<Account, Told> content) {
		int written = 0;
		for (var person : recipients) {
			if (!person.active()) {
				continue;
			}
			var told = content.apply(person);
			var delivery = kind.alwaysImmediate() ? Delivery.IMMEDIATE : delivery(person.id(), kind);
			var now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
			var id = jdbc.sql("""
					insert into notice (account_id, kind, event_key, title, body, link, created_at, delivery)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (account_id, event_key) do nothing returning id""")
					.params(person.id(), kind.name(), eventKey, told.title(), told.body(), told.link(), now, delivery.name())
					.query(Long.class).optional();
			if (id.isEmpty()) {
				continue; // told already (another instance, a second delivery of the event)
			}
			written++;
			if (delivery == Delivery.IMMEDIATE) {
				var model = new HashMap<String, Object>(told.mail());
				model.put("title", told.title());
				model.put("body", told.body());
				model.put("link", absolute(told.link()));
				model.put("settings", absolute("/notifications#settings"));
				long mail = notifications.send(new Notification(kind.template(), person.email(), person.displayName(), person.language(),
						model, told.subject(), unsubscribeLink(person.id(), List.of(kind))));
				jdbc.sql("update notice set mail_id = ? where id = ?").params(mail, id.get()).update();
			}
		}
		return written;
	}

	/** Kurultai's address for a path, as mails give it. */
	String absolute(String path) {
		return publicUrl + path;
	}

	/** A new unsubscribe link for these kinds of the person's mails; only the token's SHA-256 is kept. */
	String unsubscribeLink(UUID person, Collection<NoticeKind> kinds) {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("insert into notice_unsubscribe (token_hash, account_id, kinds, created_at) values (?, ?, ?, ?)")
				.params(sha256(token), person, String.join(",", kinds.stream().map(Enum::name).distinct().toList()),
						OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC))
				.update();
		return publicUrl + "/unsubscribe/" + token;
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	// ---------------------------------------------------------------- the in-app list

	@Transactional(readOnly = true)
	public Page page(Account person, int page, int size) {
		if (page < 0) {
			throw InvalidRequest.of("page", "problem.notices.page", page);
		}
		if (size < 1 || size > LONGEST_PAGE) {
			throw InvalidRequest.of("size", "problem.notices.size", size, LONGEST_PAGE);
		}
		var notices = jdbc.sql("select * from notice where account_id = ? order by created_at desc, id desc limit ? offset ?")
				.params(person.id(), size, (long) page * size).query((rs, row) -> notice(rs)).list();
		long total = jdbc.sql("select count(*) from notice where account_id = ?").param(person.id()).query(Long.class).single();
		return new Page(notices, page, size, total, unread(person));
	}

	@Transactional(readOnly = true)
	public long unread(Account person) {
		return jdbc.sql("select count(*) from notice where account_id = ? and read_at is null").param(person.id()).query(Long.class)
				.single();
	}

	/** Marks one of the person's notices read (another's does not exist for them). */
	@Transactional
	public Notice read(Account person, long id) {
		var now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
		var found = jdbc.sql("select * from notice where id = ? and account_id = ? for update").params(id, person.id())
				.query((rs, row) -> notice(rs)).optional().orElseThrow(() -> NotFound.of("problem.notFound.notice", id));
		if (found.readAt() == null) {
			jdbc.sql("update notice set read_at = ? where id = ?").params(now, id).update();
		}
		return jdbc.sql("select * from notice where id = ?").param(id).query((rs, row) -> notice(rs)).single();
	}

	/** Marks all the person's notices read; answers how many were unread. */
	@Transactional
	public int readAll(Account person) {
		return jdbc.sql("update notice set read_at = ? where account_id = ? and read_at is null")
				.params(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), person.id()).update();
	}

	static Notice notice(ResultSet rs) throws SQLException {
		var read = rs.getObject("read_at", OffsetDateTime.class);
		return new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant(),
				Delivery.valueOf(rs.getString("delivery")));
	}

	// ---------------------------------------------------------------- choices

	/** How the person chose to be told of this kind (at once unless they chose otherwise; always at once if it must). */
	Delivery delivery(UUID person, NoticeKind kind) {
		if (kind.alwaysImmediate()) {
			return Delivery.IMMEDIATE;
		}
		return jdbc.sql("select delivery from notice_setting where account_id = ? and kind = ?").params(person, kind.name())
				.query(String.class).optional().map(Delivery::valueOf).orElse(Delivery.IMMEDIATE);
	}

	/** The zone the person reads deadlines in: theirs if they chose one, else the forum's. */
	ZoneId zone(UUID person) {
		return jdbc.sql("select time_zone from notice_preference where account_id = ?").param(person).query(String.class).optional()
				.map(ZoneId::of).orElse(clock.zone());
	}

	@Transactional(readOnly = true)
	public Settings settings(Account person) {
		var kinds = new EnumMap<NoticeKind, Delivery>(NoticeKind.class);
		for (var kind : NoticeKind.values()) {
			kinds.put(kind, Delivery.IMMEDIATE);
		}
		jdbc.sql("select kind, delivery from notice_setting where account_id = ?").param(person.id()).query((rs, row) -> {
			var kind = NoticeKind.named(rs.getString("kind"));
			if (kind != null && !kind.alwaysImmediate()) {
				kinds.put(kind, Delivery.valueOf(rs.getString("delivery")));
			}
			return kind;
		}).list();
		return new Settings(zone(person.id()), kinds);
	}

	/**
	 * Changes the person's choices: the time zone if given, and each kind named (the others stay as they were). Every
	 * value is checked before anything is written: an unknown zone, kind or mode, or a silence procedure's notices put
	 * off or turned off, refuses the whole change.
	 */
	@Transactional
	public Settings change(Account person, @Nullable String timeZone, @Nullable Map<String, String> kinds) {
		ZoneId zone = null;
		if (timeZone != null) {
			zone = zone(timeZone);
		}
		var chosen = new LinkedHashMap<NoticeKind, Delivery>();
		if (kinds != null) {
			for (var entry : kinds.entrySet()) {
				var kind = entry.getKey() == null ? null : NoticeKind.named(entry.getKey());
				if (kind == null) {
					throw InvalidRequest.of("kinds", "problem.notices.kind", String.valueOf(entry.getKey()));
				}
				var delivery = entry.getValue() == null ? null : Delivery.named(entry.getValue());
				if (delivery == null) {
					throw InvalidRequest.of(kind.name(), "problem.notices.delivery", String.valueOf(entry.getValue()), kind.name());
				}
				if (kind.alwaysImmediate() && delivery != Delivery.IMMEDIATE) {
					throw InvalidRequest.of(kind.name(), "problem.notices.alwaysImmediate", kind.name());
				}
				chosen.put(kind, delivery);
			}
		}
		var before = settings(person);
		if (zone != null) {
			jdbc.sql("""
					insert into notice_preference (account_id, time_zone) values (?, ?)
					on conflict (account_id) do update set time_zone = excluded.time_zone""").params(person.id(), zone.getId()).update();
		}
		chosen.forEach((kind, delivery) -> set(person.id(), kind, delivery));
		var after = settings(person);
		if (!after.equals(before)) {
			audit.record(new Act(person.email(), person.actsFor(), "notices.settings", "account:" + person.id(), describe(before),
					describe(after)));
		}
		return after;
	}

	void set(UUID person, NoticeKind kind, Delivery delivery) {
		jdbc.sql("""
				insert into notice_setting (account_id, kind, delivery) values (?, ?, ?)
				on conflict (account_id, kind) do update set delivery = excluded.delivery""").params(person, kind.name(), delivery.name())
				.update();
	}

	static Map<String, Object> describe(Settings settings) {
		var kinds = new LinkedHashMap<String, String>();
		settings.kinds().forEach((kind, delivery) -> kinds.put(kind.name(), delivery.name()));
		return Map.of("timeZone", settings.timeZone().getId(), "kinds", kinds);
	}

	/** A time zone by its IANA name ("Europe/Moscow"); anything else is refused. */
	static ZoneId zone(String name) {
		var trimmed = name.strip();
		if (!ZoneId.getAvailableZoneIds().contains(trimmed)) {
			throw InvalidRequest.of("timeZone", "problem.notices.timeZone", name);
		}
		return ZoneId.of(trimmed);
	}

	/** For tests and the unsubscribe page: the instant now. */
	Instant now() {
		return clock.now();
	}
}
