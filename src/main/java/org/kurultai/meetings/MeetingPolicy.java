package org.kurultai.meetings;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.organs.BodyKind;
import org.kurultai.organs.Organs;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotAllowed;
import org.springframework.stereotype.Service;

/**
 * Who may convene a meeting and change it (its plan, its agenda): the one rule the pages ask (to show a button or a
 * form) and the commands enforce.
 * <ul>
 * <li>The Secretariat (officers and administrators) for every body.</li>
 * <li>The national coordinator of the State chairing the forum on the day of the act (organs' {@code Chairmanship}),
 * acting for it as a member's delegation that day, for the bodies the chairmanship chairs: choice, the governing bodies
 * ({@code bodies.yaml} kind GOVERNING: the Summit, the Ministerial Council, the Senior Officials Committee — "chaired by
 * a deputy foreign minister of the chairing state" — and the Meeting of Deputy Ministers). Working groups, experts'
 * meetings (convened by a measure's coordinating State) and the advisory and financial bodies stay with the Secretariat.
 * A coordinator changes only a meeting they may see.</li>
 * </ul>
 */
@Service
public class MeetingPolicy {

	private final ActingRights rights;
	private final AccessPolicy access;
	private final Organs organs;
	private final ForumClock clock;

	MeetingPolicy(ActingRights rights, AccessPolicy access, Organs organs, ForumClock clock) {
		this.rights = rights;
		this.access = access;
		this.organs = organs;
		this.clock = clock;
	}

	/** Whether the person may convene a meeting of at least one body (the "Convene a meeting" button). */
	public boolean mayConvene(@Nullable Account account) {
		return account != null && !conveningBodies(account).isEmpty();
	}

	/** The bodies whose meetings the person may convene, by code, in the order of the bodies' list. */
	public List<String> conveningBodies(Account account) {
		return organs.bodies().stream().map(org.kurultai.organs.Body::code).filter(code -> mayConvene(account, code)).toList();
	}

	/** Whether the person may convene a meeting of this body. */
	public boolean mayConvene(@Nullable Account account, String body) {
		if (account == null) {
			return false;
		}
		var code = body.trim().toUpperCase(Locale.ROOT);
		if (!organs.isBody(code)) {
			return false;
		}
		var today = clock.today();
		var chair = organs.chairmanship().termOn(today).map(org.kurultai.organs.ChairTerm::chair).orElse(null);
		return mayConvene(account, rights.of(account, today).capacity(), chair, chairedByTheChairmanship(code));
	}

	/**
	 * The rule itself: the Secretariat (an active account: a closed one acts for nobody) for every body; the chairing
	 * State's national coordinator, acting for it as a member's delegation today, for the bodies the chairmanship chairs.
	 */
	static boolean mayConvene(Account account, Capacity capacity, @Nullable String chair, boolean chairedByTheChairmanship) {
		if (account.role().isSecretariat()) {
			return capacity == Capacity.SECRETARIAT;
		}
		return chairedByTheChairmanship && account.role() == Role.NATIONAL_COORDINATOR && chair != null
				&& chair.equals(account.participant()) && capacity == Capacity.MEMBER_DELEGATION;
	}

	/** Whether the person may change the meeting's plan or agenda. */
	public boolean mayChange(@Nullable Account account, Meeting meeting) {
		if (account == null || !mayConvene(account, meeting.body())) {
			return false;
		}
		return account.role().isSecretariat() || access.maySee(access.viewer(account, clock.today()), meeting.access());
	}

	/** Refuses one who may not convene a meeting of the body. */
	public void requireConvene(Account account, String body) {
		if (!mayConvene(account, body)) {
			throw NotAllowed.of("problem.meeting.notConvener", body);
		}
	}

	/** Refuses one who may not change the meeting. */
	public void requireChange(Account account, Meeting meeting) {
		if (!mayChange(account, meeting)) {
			throw NotAllowed.of("problem.meeting.notConvener", meeting.body());
		}
	}

	/** Who recorded a plan or an agenda (an official's e-mail) is known to the Secretariat only. */
	public boolean mayKnowWhoRecorded(Viewer viewer) {
		return access.mayKnowWhoActedFor(viewer, null);
	}

	/** Whether the chairing State convenes this body's meetings (a governing body). */
	public boolean chairedByTheChairmanship(String body) {
		return organs.isBody(body) && organs.body(body).kind() == BodyKind.GOVERNING;
	}
}
