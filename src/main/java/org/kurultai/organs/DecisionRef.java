package org.kurultai.organs;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DecidedBy;

/**
 * The decision that caused a record of the organs (a chair term, a head of the Secretariat, a title, a body or
 * one of its names): its id and register symbol ("CMFA/2024/1"; null when the register gave it none).
 */
public record DecisionRef(long id, @Nullable String register) {

	public static DecisionRef of(DecidedBy decision) {
		return new DecisionRef(decision.decision(), decision.register());
	}

	/** Reads the two columns every such record has; null when no decision caused it. */
	static @Nullable DecisionRef read(java.sql.ResultSet rs, String idColumn, String registerColumn) throws java.sql.SQLException {
		var id = rs.getObject(idColumn, Long.class);
		return id == null ? null : new DecisionRef(id, rs.getString(registerColumn));
	}

	static @Nullable Long id(@Nullable DecisionRef decision) {
		return decision == null ? null : decision.id();
	}

	static @Nullable String register(@Nullable DecisionRef decision) {
		return decision == null ? null : decision.register();
	}
}
