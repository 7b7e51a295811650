package org.kurultai.organs;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organs' part in decisions with effects: elections and extensions of the chair, appointments to the
 * Secretariat and its head's title, bodies established, renamed and dissolved. Each effect is read
 * from the decision's day ({@link Effect#effectiveFrom}), written through the domain (so that terms,
 * names and offices never overlap) and marked with the decision; a fact already recorded (the
 * forum's history loaded from its sources) is only linked. A refusal writes nothing.
 */
@Component
class OrganEffects implements EffectHandler {

	private static final Set<EffectKind> KINDS = EnumSet.of(EffectKind.ELECT_CHAIR, EffectKind.EXTEND_CHAIR_TERM, EffectKind.APPOINT,
			EffectKind.ESTABLISH_BODY, EffectKind.RENAME_BODY, EffectKind.RENAME_OFFICE, EffectKind.DISSOLVE_BODY);
	private static final Pattern BODY_CODE = Pattern.compile("[A-Z][A-Z0-9-]{0,9}");

	private final Organs organs;
	private final OrgansRepository repository;
	private final Registry registry;
	private final AuditLog audit;
	private final ForumClock clock;

	OrganEffects(Organs organs, OrgansRepository repository, Registry registry, AuditLog audit, ForumClock clock) {
		this.clock = clock;
		this.organs = organs;
		this.repository = repository;
		this.registry = registry;
		this.audit = audit;
	}

	@Override
	public Set<EffectKind> kinds() {
		return KINDS;
	}

	/** At the proposal: the terms, and an election's handover not already past (the history recorded later is linked, not proposed). */
	@Override
	@Transactional(readOnly = true)
	public void check(Effect raw, int index) {
		checkTerms(raw, index);
		var effect = raw.normalized();
		if (effect.kind() == EffectKind.ELECT_CHAIR && effect.effectiveOn() != null && effect.effectiveOn().isBefore(clock.today())) {
			throw InvalidRequest.of("effects[" + index + "].effectiveOn", "problem.organs.effect.handoverPast", effect.effectiveOn(),
					clock.today());
		}
	}

	private void checkTerms(Effect raw, int index) {
		var effect = raw.normalized();
		var prefix = "effects[" + index + "].";
		switch (effect.kind()) {
			case ELECT_CHAIR, EXTEND_CHAIR_TERM -> {
				organs.requireState(prefix + "participant", effect.required(effect.participant(), "participant", index));
				if (effect.kind() == EffectKind.EXTEND_CHAIR_TERM) {
					effect.required(effect.until() == null ? null : effect.until().toString(), "until", index);
				}
				endsAfterStart(effect, prefix);
			}
			case APPOINT -> {
				office(effect, index);
				effect.required(effect.person(), "person", index);
				if (effect.person().length() > 200) {
					throw InvalidRequest.of(prefix + "person", "problem.organs.effect.tooLong", "person", 200);
				}
				if (effect.nationality() != null) {
					organs.requireParticipant(prefix + "nationality", effect.nationality());
				}
				endsAfterStart(effect, prefix);
			}
			case ESTABLISH_BODY -> {
				var code = effect.required(effect.body(), "body", index);
				if (!BODY_CODE.matcher(code).matches()) {
					throw InvalidRequest.of(prefix + "body", "problem.organs.effect.bodyCode", code);
				}
				name(effect, index);
				kind(effect, index);
				if (effect.reportsTo() != null && !organs.isBody(effect.reportsTo())) {
					throw InvalidRequest.of(prefix + "reportsTo", "problem.organs.effect.unknownBody", effect.reportsTo());
				}
				if (code.equals(effect.reportsTo())) {
					throw InvalidRequest.of(prefix + "reportsTo", "problem.body.reportsToItself", code);
				}
			}
			case RENAME_BODY -> {
				existingBody(effect, index);
				name(effect, index);
			}
			case DISSOLVE_BODY -> existingBody(effect, index);
			case RENAME_OFFICE -> {
				if (office(effect, index) != Office.HEAD) {
					throw InvalidRequest.of(prefix + "office", "problem.organs.effect.onlyHeadTitled", effect.office());
				}
				name(effect, index);
			}
			default -> throw InvalidRequest.of(prefix + "kind", "problem.organs.effect.notOurs", effect.kind());
		}
	}

	@Override
	@Transactional
	public void apply(Effect raw, DecidedBy decision) {
		checkTerms(raw, 0);
		var effect = raw.normalized();
		var on = effect.effectiveFrom(decision.decidedOn());
		var ref = DecisionRef.of(decision);
		var after = new LinkedHashMap<String, Object>();
		after.put("decision", decision.decision());
		after.put("from", on.toString());
		String subject;
		switch (effect.kind()) {
			case ELECT_CHAIR -> {
				var chair = effect.participant();
				if (registry.statusOf(ParticipantCode.of(chair), decision.decidedOn()) != ParticipantStatus.MEMBER) {
					throw new ChangeRefused("problem.organs.effect.chairNotMember", chair, decision.decidedOn());
				}
				repository.lock("chairmanship");
				repository.replace(organs.chairmanship().elect(chair, on, effect.until(), decision.decidedOn(), decision.meeting(),
						decision.sources(), ref));
				subject = "chair_term:" + chair + ":" + on;
			}
			case EXTEND_CHAIR_TERM -> {
				repository.lock("chairmanship");
				repository.replace(organs.chairmanship().extend(effect.participant(), on, effect.until(), ref));
				subject = "chair_term:" + effect.participant();
				after.put("until", effect.until().toString());
			}
			case APPOINT -> {
				repository.lock("secretariat");
				var office = Office.named(effect.office()).orElseThrow();
				// a head appointed already, whose term has not begun when this appointment is decided: a second appointment to that term
				var appointed = organs.secretariat().heads().stream()
						.filter(head -> office == Office.HEAD && head.holdsOn(on) && !head.person().equalsIgnoreCase(effect.person())
								&& head.from().isAfter(decision.decidedOn()))
						.findFirst();
				if (appointed.isPresent()) {
					throw new ChangeRefused("problem.organs.effect.headAppointedAlready", effect.person(), on, appointed.get().person(),
							appointed.get().from());
				}
				repository.replace(organs.secretariat().appoint(Office.named(effect.office()).orElseThrow(), effect.person(),
						effect.nationality(), on, effect.until(), decision.sources(), ref));
				subject = "secretariat_head:" + effect.office() + ":" + on;
				after.put("person", effect.person());
			}
			case RENAME_OFFICE -> {
				repository.lock("secretariat");
				repository.replace(organs.secretariat().renameOffice(effect.name(), effect.nameRu(), on, decision.register(),
						decision.sources(), ref));
				subject = "secretariat_title:" + on;
				after.put("title", effect.name());
			}
			case ESTABLISH_BODY -> {
				repository.lock("bodies");
				establish(effect, on, decision, ref);
				subject = "body:" + effect.body();
			}
			case RENAME_BODY -> {
				repository.lock("bodies");
				var body = organs.body(effect.body());
				repository.update(body.rename(effect.name(), effect.nameRu(), effect.shortName(), on, decision.register(),
						decision.sources(), ref));
				subject = "body:" + body.code();
				after.put("name", effect.name());
			}
			case DISSOLVE_BODY -> {
				repository.lock("bodies");
				var body = organs.body(effect.body());
				repository.update(body.dissolve(on, organs.bodies(), ref));
				subject = "body:" + body.code();
			}
			default -> throw InvalidRequest.of("effects[0].kind", "problem.organs.effect.notOurs", effect.kind());
		}
		audit.record(new Act("decision:" + decision.decision(), decision.body(),
				"organs.effect." + effect.kind().name().toLowerCase(Locale.ROOT), subject, null, after));
	}

	private void establish(Effect effect, java.time.LocalDate on, DecidedBy decision, DecisionRef ref) {
		var kind = BodyKind.valueOf(effect.bodyKind());
		if (organs.isBody(effect.body())) {
			var body = organs.body(effect.body());
			if (!body.isEstablished(kind, on, effect.reportsTo())) {
				throw new ChangeRefused("problem.organs.effect.bodyExists", body.code());
			}
			if (body.decision() == null) {
				repository.update(body.establishedBy(ref));
			}
			return;
		}
		if (effect.reportsTo() != null && !organs.body(effect.reportsTo()).existsOn(on)) {
			throw new ChangeRefused("problem.organs.effect.bodyNotThere", effect.reportsTo(), on);
		}
		repository.save(Body.established(effect.body(), kind, on, effect.reportsTo(), effect.name(), effect.nameRu(), effect.shortName(),
				decision.sources(), ref));
	}

	private Office office(Effect effect, int index) {
		var code = effect.required(effect.office(), "office", index);
		return Office.named(code).orElseThrow(() -> InvalidRequest.of("effects[" + index + "].office", "problem.organs.effect.unknownOffice", code));
	}

	private static void name(Effect effect, int index) {
		var name = effect.required(effect.name(), "name", index);
		for (var term : Map.of("name", name, "nameRu", effect.nameRu() == null ? "" : effect.nameRu(), "shortName",
				effect.shortName() == null ? "" : effect.shortName()).entrySet()) {
			if (term.getValue().length() > 300) {
				throw InvalidRequest.of("effects[" + index + "]." + term.getKey(), "problem.organs.effect.tooLong", term.getKey(), 300);
			}
		}
	}

	private static BodyKind kind(Effect effect, int index) {
		var code = effect.required(effect.bodyKind(), "bodyKind", index);
		try {
			return BodyKind.valueOf(code);
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("effects[" + index + "].bodyKind", "problem.organs.effect.unknownBodyKind", code);
		}
	}

	private void existingBody(Effect effect, int index) {
		var code = effect.required(effect.body(), "body", index);
		if (!organs.isBody(code)) {
			throw InvalidRequest.of("effects[" + index + "].body", "problem.organs.effect.unknownBody", code);
		}
	}

	private static void endsAfterStart(Effect effect, String prefix) {
		if (effect.until() != null && effect.effectiveOn() != null && !effect.until().isAfter(effect.effectiveOn())) {
			throw InvalidRequest.of(prefix + "until", "problem.organs.effect.endsBeforeStart", effect.effectiveOn(), effect.until());
		}
	}

}
