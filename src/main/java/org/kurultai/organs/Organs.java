package org.kurultai.organs;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.kurultai.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The forum's bodies, chairmanship and Secretariat, as other modules and the portal see them. */
@Service
@Transactional(readOnly = true)
public class Organs {

	private final OrgansRepository repository;

	Organs(OrgansRepository repository) {
		this.repository = repository;
	}

	public List<Body> bodies() {
		return repository.bodies();
	}

	/** The bodies that existed on that day. */
	public List<Body> bodiesOn(LocalDate day) {
		return bodies().stream().filter(body -> body.existsOn(day)).toList();
	}

	public Body body(String code) {
		var wanted = code.trim().toUpperCase(Locale.ROOT);
		return bodies().stream().filter(body -> body.code().equals(wanted)).findFirst()
				.orElseThrow(() -> NotFound.of("problem.notFound.body", code));
	}

	public boolean isBody(String code) {
		return repository.bodyExists(code.trim().toUpperCase(Locale.ROOT));
	}

	public Chairmanship chairmanship() {
		return new Chairmanship(repository.chairTerms());
	}

	public Secretariat secretariat() {
		return repository.secretariat();
	}

	/** Records a body established by the forum. */
	@Transactional
	public void establish(Body body) {
		if (repository.bodyExists(body.code())) {
			throw new BodyAlreadyEstablished(body.code());
		}
		repository.save(body);
	}

	/** Records the chairmanship's terms (the domain has already checked they do not overlap). */
	@Transactional
	public void record(Chairmanship chairmanship) {
		repository.replace(chairmanship);
	}

	@Transactional
	public void record(Secretariat secretariat) {
		repository.replace(secretariat);
	}

	/** A body code is taken once. */
	public static class BodyAlreadyEstablished extends org.kurultai.shared.RuleViolation {

		BodyAlreadyEstablished(String code) {
			super("A body coded " + code + " already exists");
		}

		@Override
		public String rule() {
			return "body-already-established";
		}
	}
}
