package org.kurultai.corrections;

import java.util.Locale;

import org.springframework.ui.Model;

/**
 * The pages the organs' corrections are made on, built by the portal: a refused correction comes back on its
 * page (with the message beside the field and what was typed) by asking the portal for that page's model.
 */
public interface OrganPageViews {

	/** Fills the model of the chairmanship page (the Troika today, the terms, the Secretariat); returns the view's name. */
	String chairmanship(Model model, Locale locale);

	/** Fills the model of a body's page; returns the view's name. */
	String body(String code, Model model, Locale locale);
}
