package org.kurultai.registry;

import java.util.List;

/** What a correction did: the period it recorded and the earlier claims it superseded. */
public record StatusCorrected(StatusPeriod period, List<SupersededClaim> superseded) {

	public StatusCorrected {
		superseded = List.copyOf(superseded);
	}
}
