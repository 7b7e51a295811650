package org.kurultai.platform;

import java.util.Locale;

/** A person chose the language they work in (the switch in the header); a signed-in person's account remembers it. */
public record LanguageChosen(Locale language) {
}
