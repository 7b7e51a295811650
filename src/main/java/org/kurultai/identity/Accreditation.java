package org.kurultai.identity;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person's accreditation to a participant's delegation: proposed by the participant's national
 * coordinator, accredited by the Secretariat, ended by either. The person acts for the participant
 * from the day of accreditation until (not including) the day it ends.
 */
public record Accreditation(UUID id, UUID account, String participant, UUID proposedBy, LocalDate proposedOn,
		@Nullable UUID accreditedBy, @Nullable LocalDate accreditedOn, @Nullable UUID endedBy, @Nullable LocalDate endedOn) {

	public enum Stage {
		PROPOSED, ACCREDITED, ENDED
	}

	public Stage stage() {
		return endedOn != null ? Stage.ENDED : accreditedOn != null ? Stage.ACCREDITED : Stage.PROPOSED;
	}

	/** Does it let the person act for the participant on that day? */
	public boolean activeOn(LocalDate day) {
		return accreditedOn != null && !day.isBefore(accreditedOn) && (endedOn == null || day.isBefore(endedOn));
	}
}
